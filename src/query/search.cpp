#include "query/search.hpp"

#include <algorithm>
#include <cstring>
#include <string_view>

#include "model/schema.hpp"
#include "util/utf8.hpp"

namespace nkfacts::query {
namespace {

struct Field {
  std::string_view name;
  std::string_view text;
  double weight;
};

// The searchable text of a record, its name first, into `fields` (cleared first): the
// fields and weights of its descriptor (model/schema.hpp).
void fields_of(const model::FactBase& facts, const model::RecordRef& ref, std::vector<Field>& fields) {
  fields.clear();
  model::for_each_searchable(facts, ref, [&](std::string_view name, std::string_view text, int weight) {
    fields.push_back({name, text, static_cast<double>(weight)});
  });
}

// The next `word` in `text` from `from`, or npos. glibc's memmem skips ahead far faster than
// string_view::find, which stops at every byte equal to the word's first (often 'a' or 'e').
std::size_t find_word(std::string_view text, std::string_view word, std::size_t from) {
  if (from > text.size()) return std::string_view::npos;
  const void* at = memmem(text.data() + from, text.size() - from, word.data(), word.size());
  return at ? static_cast<std::size_t>(static_cast<const char*>(at) - text.data())
            : std::string_view::npos;
}

std::size_t count_occurrences(std::string_view text, std::string_view word) {
  std::size_t count = 0;
  for (auto at = find_word(text, word, 0); at != std::string_view::npos;
       at = find_word(text, word, at + word.size())) {
    ++count;
  }
  return count;
}

}  // namespace

std::vector<SearchHit> search(const model::FactBase& facts, const std::vector<std::string>& words,
                              std::optional<model::Kind> kind) {
  std::vector<std::string> folded_words;
  for (const auto& word : words) {
    auto folded = util::fold_case(word);
    if (!folded.empty()) folded_words.push_back(std::move(folded));
  }
  std::vector<SearchHit> hits;
  if (folded_words.empty()) return hits;
  // Reused from record to record, so searching allocates only for the hits.
  std::vector<Field> fields;
  std::vector<std::string> folded_fields;
  auto consider = [&](model::Kind record_kind, std::size_t count) {
    if (kind && *kind != record_kind) return;
    for (std::size_t i = 0; i < count; ++i) {
      const model::RecordRef ref{record_kind, static_cast<std::uint32_t>(i)};
      fields_of(facts, ref, fields);
      if (folded_fields.size() < fields.size()) folded_fields.resize(fields.size());
      for (std::size_t f = 0; f < fields.size(); ++f) util::fold_case_into(folded_fields[f], fields[f].text);
      double score = 0;
      bool all = true;
      for (const auto& word : folded_words) {
        double word_score = 0;
        for (std::size_t f = 0; f < fields.size(); ++f) {
          word_score += fields[f].weight * static_cast<double>(count_occurrences(folded_fields[f], word));
        }
        if (word_score == 0) {
          all = false;
          break;
        }
        score += word_score;
      }
      if (!all) continue;
      // Show the first field, name first, that holds the first word, with every word's
      // matches marked. Spans map back to the original text only where folding kept the
      // byte length (ASCII, Hangul); elsewhere the text is shown unmarked.
      SearchHit hit{ref, score, {}, {}, {}};
      for (std::size_t f = 0; f < fields.size(); ++f) {
        if (find_word(folded_fields[f], folded_words.front(), 0) == std::string::npos) continue;
        hit.field = std::string(fields[f].name);
        hit.text = std::string(fields[f].text);
        if (folded_fields[f].size() == fields[f].text.size()) {
          for (const auto& word : folded_words) {
            for (auto at = find_word(folded_fields[f], word, 0); at != std::string::npos;
                 at = find_word(folded_fields[f], word, at + word.size())) {
              hit.spans.emplace_back(at, at + word.size());
            }
          }
          std::sort(hit.spans.begin(), hit.spans.end());
        }
        break;
      }
      hits.push_back(std::move(hit));
    }
  };
  for (const model::Kind each : model::k_all_kinds) {
    model::visit_kind(each, [&](auto schema) {
      consider(each, model::records_of(facts, schema).size());
    });
  }
  std::sort(hits.begin(), hits.end(), [&](const SearchHit& a, const SearchHit& b) {
    if (a.score != b.score) return a.score > b.score;
    return facts.id_of(a.ref) < facts.id_of(b.ref);
  });
  return hits;
}

}  // namespace nkfacts::query

#include "query/search.hpp"

#include <algorithm>
#include <cstring>
#include <string_view>

#include "util/utf8.hpp"

namespace nkfacts::query {
namespace {

struct Field {
  std::string_view name;
  std::string_view text;
  double weight;
};

void add(std::vector<Field>& fields, std::string_view name, std::string_view text, double weight) {
  if (!text.empty()) fields.push_back({name, text, weight});
}

void add_list(std::vector<Field>& fields, std::string_view name,
              model::TextList items) {
  for (const auto& item : items) add(fields, name, item, 1);
}

// The searchable text of a record, its name first, into `fields` (cleared first).
void fields_of(const model::FactBase& facts, const model::RecordRef& ref, std::vector<Field>& fields) {
  fields.clear();
  switch (ref.kind) {
    case model::Kind::reference: {
      const auto& r = facts.references[ref.index];
      add(fields, "title", r.title, 10);
      add(fields, "id", r.id, 5);
      add(fields, "translated_title", r.translated_title, 10);
      add(fields, "publisher", r.publisher, 1);
      add_list(fields, "authors", r.authors);
      add(fields, "note", r.note, 1);
      break;
    }
    case model::Kind::figure: {
      const auto& f = facts.figures[ref.index];
      add(fields, "label", f.label, 10);
      add(fields, "id", f.id, 5);
      add(fields, "summary", f.summary, 1);
      add(fields, "unit", f.unit, 1);
      add(fields, "note", f.note, 1);
      break;
    }
    case model::Kind::series: {
      const auto& s = facts.series[ref.index];
      add(fields, "name", s.name, 10);
      add(fields, "id", s.id, 5);
      add(fields, "summary", s.summary, 1);
      add_list(fields, "columns", s.columns);
      add(fields, "note", s.note, 1);
      for (const auto& point : s.points) add(fields, "note", point.note, 1);
      break;
    }
    case model::Kind::route: {
      const auto& r = facts.routes[ref.index];
      add(fields, "name", r.name, 10);
      add(fields, "id", r.id, 5);
      add(fields, "summary", r.summary, 1);
      add_list(fields, "path", r.path);
      add(fields, "crossing", r.crossing, 1);
      add(fields, "note", r.note, 1);
      break;
    }
    case model::Kind::danger: {
      const auto& d = facts.dangers[ref.index];
      add(fields, "name", d.name, 10);
      add(fields, "id", d.id, 5);
      add(fields, "where", d.where, 1);
      add(fields, "summary", d.summary, 1);
      add(fields, "note", d.note, 1);
      break;
    }
    case model::Kind::event: {
      const auto& e = facts.events[ref.index];
      add(fields, "title", e.title, 10);
      add(fields, "id", e.id, 5);
      add(fields, "summary", e.summary, 1);
      add(fields, "note", e.note, 1);
      break;
    }
    case model::Kind::fact: {
      const auto& f = facts.facts[ref.index];
      add(fields, "label", f.label, 10);
      add(fields, "id", f.id, 5);
      add(fields, "summary", f.summary, 1);
      add(fields, "note", f.note, 1);
      break;
    }
  }
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
  consider(model::Kind::figure, facts.figures.size());
  consider(model::Kind::series, facts.series.size());
  consider(model::Kind::route, facts.routes.size());
  consider(model::Kind::danger, facts.dangers.size());
  consider(model::Kind::event, facts.events.size());
  consider(model::Kind::fact, facts.facts.size());
  consider(model::Kind::reference, facts.references.size());
  std::sort(hits.begin(), hits.end(), [&](const SearchHit& a, const SearchHit& b) {
    if (a.score != b.score) return a.score > b.score;
    return facts.id_of(a.ref) < facts.id_of(b.ref);
  });
  return hits;
}

}  // namespace nkfacts::query

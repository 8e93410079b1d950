#include "query/search.hpp"

#include <algorithm>
#include <cmath>

#include "model/schema.hpp"
#include "util/words.hpp"

namespace nkfacts::query {

// A record's searchable text, from its kind's descriptor (model/schema.hpp): the schema
// says which fields search reads and whether each names the record, identifies it or
// describes it. Among the describing fields the summary counts more than other text, and
// a note least, so a word in a summary outranks the same word in a note.
void fields_of(const model::FactBase& facts, const model::RecordRef& ref,
               std::vector<FieldText>& fields) {
  model::for_each_searchable(facts, ref, [&](std::string_view key, std::string_view text,
                                             int weight) {
    const double scaled = weight >= model::k_name_weight ? k_weight_name
                          : weight >= model::k_id_weight ? k_weight_id
                          : key == "summary"             ? k_weight_summary
                          : key == "note"                ? k_weight_note
                                                         : k_weight_other;
    fields.push_back({key, scaled, text});
  });
}

namespace {

// The records searched, in the order ties are broken in: by kind, then as loaded.
std::vector<model::RecordRef> records_of(const model::FactBase& facts,
                                         std::optional<model::Kind> kind) {
  std::vector<model::RecordRef> refs;
  for (const auto record_kind : model::k_all_kinds) {
    if (kind && *kind != record_kind) continue;
    const std::size_t count = model::visit_kind(
        record_kind, [&](auto schema) { return model::records_of(facts, schema).size(); });
    for (std::size_t i = 0; i < count; ++i) {
      refs.push_back({record_kind, static_cast<std::uint32_t>(i)});
    }
  }
  return refs;
}

FieldsOf fields_function(const model::FactBase& facts, const std::vector<model::RecordRef>& refs) {
  return [&facts, &refs](std::size_t record, std::vector<FieldText>& out) {
    fields_of(facts, refs[record], out);
  };
}

// Scores are shown with three decimals; rounding here keeps ties visible as ties.
double rounded(double score) {
  return std::round(score * 1000) / 1000;
}

}  // namespace

SearchResult search(const model::FactBase& facts, std::string_view query_text,
                    std::optional<model::Kind> kind) {
  SearchResult result;
  const Query query = parse_query(query_text);
  result.clauses = query.clauses.size();
  result.dropped = query.dropped;
  const auto refs = records_of(facts, kind);
  auto ranking = rank(query, refs.size(), fields_function(facts, refs));
  result.unmatched = std::move(ranking.unmatched);
  for (auto& ranked : ranking.hits) {
    SearchHit hit;
    hit.ref = refs[ranked.record];
    hit.score = rounded(ranked.score);
    hit.matched = ranked.matched;
    hit.field = std::move(ranked.field);
    hit.text = std::move(ranked.text);
    hit.spans = std::move(ranked.spans);
    hit.why = std::move(ranked.why);
    result.hits.push_back(std::move(hit));
  }
  std::stable_sort(result.hits.begin(), result.hits.end(),
                   [&](const SearchHit& a, const SearchHit& b) {
                     if (a.score != b.score) return a.score > b.score;
                     return facts.id_of(a.ref) < facts.id_of(b.ref);
                   });
  return result;
}

std::vector<std::string> suggest(const model::FactBase& facts, std::string_view word,
                                 std::optional<model::Kind> kind) {
  const auto refs = records_of(facts, kind);
  std::string folded;
  util::fold_word(word, folded);
  return nearest_words(folded, refs.size(), fields_function(facts, refs));
}

}  // namespace nkfacts::query

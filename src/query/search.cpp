#include "query/search.hpp"

#include <algorithm>
#include <cmath>

#include "model/schema.hpp"
#include "query/index.hpp"
#include "util/words.hpp"

namespace nkfacts::query {

void fields_of(const model::FactBase& facts, const model::RecordRef& ref,
               std::vector<FieldText>& fields) {
  model::for_each_searchable(facts, ref,
                             [&](std::string_view key, std::string_view text, model::SearchWeight) {
                               fields.push_back({key, text});
                             });
}

namespace {

// The record of document `doc` of the index.
model::RecordRef record_of(const model::SearchIndex& index, std::size_t doc) {
  for (std::size_t k = 0; k < index.kinds.size(); ++k) {
    const auto& kind = index.kinds[k];
    if (doc >= kind.first_doc && doc < kind.first_doc + std::size_t{kind.docs}) {
      return {static_cast<model::Kind>(k), static_cast<std::uint32_t>(doc - kind.first_doc)};
    }
  }
  return {};
}

// Scores are shown with three decimals; rounding here keeps ties visible as ties.
double rounded(double score) {
  return std::round(score * 1000) / 1000;
}

}  // namespace

SearchResult search(const model::FactBase& facts, const model::SearchIndex& index,
                    std::string_view query_text, std::optional<model::Kind> kind) {
  SearchResult result;
  const Query query = parse_query(query_text);
  result.clauses = query.clauses.size();
  result.dropped = query.dropped;
  auto ranking = rank(query, index, kind, [&](std::size_t doc, std::vector<FieldText>& out) {
    fields_of(facts, record_of(index, doc), out);
  });
  result.unmatched = std::move(ranking.unmatched);
  for (auto& ranked : ranking.hits) {
    SearchHit hit;
    hit.ref = record_of(index, ranked.doc);
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

SearchResult search(const model::FactBase& facts, std::string_view query,
                    std::optional<model::Kind> kind) {
  std::unique_ptr<model::SearchIndex> built;
  return search(facts, search_index_of(facts, built), query, kind);
}

std::vector<std::string> suggest(const model::SearchIndex& index, std::string_view word,
                                 std::optional<model::Kind> kind) {
  std::string folded;
  util::fold_word(word, folded);
  return nearest_words(folded, index, kind);
}

std::vector<std::string> suggest(const model::FactBase& facts, std::string_view word,
                                 std::optional<model::Kind> kind) {
  std::unique_ptr<model::SearchIndex> built;
  return suggest(search_index_of(facts, built), word, kind);
}

}  // namespace nkfacts::query

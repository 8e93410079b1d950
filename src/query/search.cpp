#include "query/search.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

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
  // Best first, ties (at the three decimals shown) by id: an order of indexes is sorted.
  std::vector<model::RecordRef> refs;
  std::vector<double> scores;
  refs.reserve(ranking.hits.size());
  scores.reserve(ranking.hits.size());
  for (const auto& ranked : ranking.hits) {
    refs.push_back(record_of(index, ranked.doc));
    scores.push_back(rounded(ranked.score));
  }
  std::vector<std::uint32_t> order(ranking.hits.size());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    if (scores[a] != scores[b]) return scores[a] > scores[b];
    return facts.id_of(refs[a]) < facts.id_of(refs[b]);
  });
  result.hits.reserve(order.size());
  for (const auto i : order) {
    auto& ranked = ranking.hits[i];
    SearchHit hit;
    hit.ref = refs[i];
    hit.score = scores[i];
    hit.matched = ranked.matched;
    hit.field = std::move(ranked.field);
    hit.text = std::move(ranked.text);
    hit.spans = std::move(ranked.spans);
    hit.why = std::move(ranked.why);
    result.hits.push_back(std::move(hit));
  }
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

// Search over the fact base: the engine of query/engine.hpp reading the fact base's search
// index (query/index.hpp), and each record's fields where it needs their text. Which
// fields are searched, and how much each counts, is the schema's SearchWeight of each.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/fact_base.hpp"
#include "query/engine.hpp"

namespace nkfacts::query {

struct SearchHit {
  model::RecordRef ref;
  double score = 0;
  std::size_t matched = 0;  // words or phrases of the query matched
  std::string field;        // the field that counted most ("summary", ...)
  std::string text;         // that field's text
  std::vector<std::pair<std::size_t, std::size_t>> spans;  // byte ranges of matches in text
  std::vector<ClauseScore> why;                            // each matched word's share of the score
};

struct SearchResult {
  std::vector<SearchHit> hits;         // best first, ties by id
  std::size_t clauses = 0;             // words and phrases searched for
  std::vector<std::string> dropped;    // question words left out
  std::vector<std::string> unmatched;  // words or phrases in no record
};

// The searchable pieces of one record, its name first.
void fields_of(const model::FactBase& facts, const model::RecordRef& ref,
               std::vector<FieldText>& fields);

// Searches `facts` through `index`, its index (query::search_index_of).
SearchResult search(const model::FactBase& facts, const model::SearchIndex& index,
                    std::string_view query, std::optional<model::Kind> kind = std::nullopt);
// The same, with the index the fact base carries or one built for this search.
SearchResult search(const model::FactBase& facts, std::string_view query,
                    std::optional<model::Kind> kind = std::nullopt);

// Words of the records (of `kind`) nearest to `word` (as typed), for "did you mean".
std::vector<std::string> suggest(const model::SearchIndex& index, std::string_view word,
                                 std::optional<model::Kind> kind = std::nullopt);
std::vector<std::string> suggest(const model::FactBase& facts, std::string_view word,
                                 std::optional<model::Kind> kind = std::nullopt);

}  // namespace nkfacts::query

// The search engine, on its own: it reads a search index (model/search_index.hpp, built by
// query/index.hpp) and the text of the records it names, and knows nothing of ids or of
// the fact base (src/query/search.cpp feeds it).
//
// A query is split into words (util/words.hpp); each word is matched by its term
// (query/terms.hpp: English stems, Hangul without particles); question and function words
// are dropped unless the query has nothing else. Words in double quotes, and the parts
// of a hyphenated word, form a phrase: its words must follow one another in one field.
// Records are ranked with BM25F: each word or phrase (a clause) counts by how rare it is
// in the records (idf) and how often it occurs in each field, weighted by the field and
// normalised by the field's length; the sum is scaled by the share of the query's clauses
// the record matches, so a record matching more of them ranks above one matching fewer.
// A search reads the postings of its terms only. The records' text is read again only
// where an answer needs positions: for a phrase, in the fields that hold all its words,
// and for the hits, to mark the matched words in the text shown.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/search_index.hpp"

namespace nkfacts::query {

// Field weights: a record's name (and aliases) above its id, its summary, the rest of its
// text and its note.
inline constexpr double k_weight_name = 8;
inline constexpr double k_weight_id = 3;
inline constexpr double k_weight_summary = 2;
inline constexpr double k_weight_text = 1.5;
inline constexpr double k_weight_note = 1;
double weight_of(model::SearchWeight weight);

// One piece of a record's text and the field it comes from. Several pieces of one field
// (a route's path, a reference's authors) are one field for ranking; a phrase never runs
// from one piece into the next.
struct FieldText {
  std::string_view name;
  std::string_view text;
};

// The pieces of document `doc` of the index, into `out` (cleared by the caller).
using FieldsOf = std::function<void(std::size_t doc, std::vector<FieldText>& out)>;

enum class TermMatch {
  stem,    // English: the word's Snowball stem equals the term
  prefix,  // Hangul: the word, without its particle, starts with the term
  exact,   // anything else: the folded word is the term
};

struct Term {
  std::string text;
  TermMatch match = TermMatch::exact;
};

struct Clause {
  std::string text;         // the folded words, space-separated, for messages
  std::vector<Term> terms;  // one for a word, several for a phrase
  bool quoted = false;      // given in double quotes
};

struct Query {
  std::vector<Clause> clauses;
  std::vector<std::string> dropped;  // stop words left out of the query
};

Query parse_query(std::string_view text);

// Why a record ranked where it did: one entry per clause it matched.
struct ClauseScore {
  std::string clause;
  double idf = 0;
  double score = 0;
  std::vector<std::pair<std::string, std::size_t>> fields;  // field name, occurrences
};

struct Ranked {
  std::size_t doc = 0;
  double score = 0;
  std::size_t matched = 0;  // clauses matched, of Query::clauses.size()
  std::string field;        // the field that counted most
  std::string text;         // its text (the piece with the first match)
  std::vector<std::pair<std::size_t, std::size_t>> spans;  // matched words' bytes in text
  std::vector<ClauseScore> why;
};

struct Ranking {
  std::vector<Ranked> hits;            // best first; ties in record order
  std::vector<std::string> unmatched;  // clauses no record matched
};

// Ranks the documents of `index` (those of `kind` only, when given) against `query`. Only
// documents matching at least one clause are returned.
Ranking rank(const Query& query, const model::SearchIndex& index, std::optional<model::Kind> kind,
             const FieldsOf& fields_of);

// The words of the records (of `kind`) nearest to `word` (a folded word) by edit distance,
// closest and most frequent first (frequency over all records), at most `limit`; none
// when nothing is near enough.
std::vector<std::string> nearest_words(std::string_view word, const model::SearchIndex& index,
                                       std::optional<model::Kind> kind, std::size_t limit = 3);

}  // namespace nkfacts::query

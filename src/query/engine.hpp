// The search engine, on its own: it knows records only as lists of (field, weight, text)
// and knows nothing of kinds, ids or the fact base (src/query/search.cpp feeds it).
//
// A query is split into words (util/words.hpp); each word is matched by its term
// (query/terms.hpp: English stems, Hangul without particles); question and function words
// are dropped unless the query has nothing else. Words in double quotes, and the parts
// of a hyphenated word, form a phrase: its words must follow one another in one field.
// Records are ranked with BM25F: each word or phrase (a clause) counts by how rare it is
// in the records (idf) and how often it occurs in each field, weighted by the field and
// normalised by the field's length; the sum is scaled by the share of the query's clauses
// the record matches, so a record matching more of them ranks above one matching fewer.
// Nothing is indexed beforehand: the records are read once per search, and only words
// that could match a query term (by their first letters) are folded and stemmed.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nkfacts::query {

// One piece of a record's text: the field it comes from, how much a match there counts,
// and the text. Several pieces of one field (a route's path, a reference's authors) are
// one field for ranking; a phrase never runs from one piece into the next.
struct FieldText {
  std::string_view name;
  double weight = 1;
  std::string_view text;
};

// The pieces of record `record` (0 to count-1), into `out` (cleared by the caller).
using FieldsOf = std::function<void(std::size_t record, std::vector<FieldText>& out)>;

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
  std::size_t record = 0;
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

// Ranks records 0..count-1 against `query`. Only records matching at least one clause
// are returned.
Ranking rank(const Query& query, std::size_t count, const FieldsOf& fields_of);

// The words of the records nearest to `word` (a folded word) by edit distance, closest
// and most frequent first, at most `limit`; none when nothing is near enough.
std::vector<std::string> nearest_words(std::string_view word, std::size_t count,
                                       const FieldsOf& fields_of, std::size_t limit = 3);

}  // namespace nkfacts::query

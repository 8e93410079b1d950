#include "query/engine.hpp"

#include <algorithm>
#include <array>
#include <bitset>
#include <cmath>
#include <memory>
#include <numeric>
#include <unordered_map>

#include "query/terms.hpp"
#include "util/words.hpp"

namespace nkfacts::query {
namespace {

// BM25's usual constants: how fast repeated occurrences stop counting, and how much a
// long field is discounted.
constexpr double k_k1 = 1.2;
constexpr double k_b = 0.75;

Term term_for(std::string_view folded) {
  Term term;
  term_of(folded, term.text);
  if (is_english_word(folded)) {
    term.match = TermMatch::stem;
  } else if (util::is_hangul_word(folded)) {
    term.match = TermMatch::prefix;
  } else {
    term.match = TermMatch::exact;
  }
  return term;
}

// Double quotes, straight and typographic, open and close phrases.
std::size_t quote_at(std::string_view text, std::size_t i) {
  if (text[i] == '"') return 1;
  for (const std::string_view quote : {"\u201C", "\u201D", "\u201E"}) {
    if (text.substr(i, quote.size()) == quote) return quote.size();
  }
  return 0;
}

void add_clause(Query& query, std::vector<std::string>& stop_candidates, std::string_view piece,
                bool quoted) {
  const auto words = util::split_words(piece);
  if (words.empty()) return;
  Clause clause;
  clause.quoted = quoted;
  for (const auto& word : words) {
    clause.text += (clause.text.empty() ? "" : " ") + word.text;
    clause.terms.push_back(term_for(word.text));
  }
  for (const auto& existing : query.clauses) {
    if (existing.text == clause.text) return;
  }
  if (!quoted && words.size() == 1 && is_stop_word(words.front().text)) {
    stop_candidates.push_back(clause.text);
  }
  query.clauses.push_back(std::move(clause));
}

}  // namespace

Query parse_query(std::string_view text) {
  Query query;
  std::vector<std::string> stops;
  // Quoted parts are phrases; elsewhere each space-separated piece is a word, or a phrase
  // when it holds several ("jong-un", "U.S.").
  bool quoted = false;
  std::size_t start = 0;
  const auto flush = [&](std::size_t end) {
    const auto part = text.substr(start, end - start);
    if (quoted) {
      add_clause(query, stops, part, true);
      return;
    }
    std::size_t from = 0;
    while (from < part.size()) {
      const auto space = std::min(part.find_first_of(" \t\n", from), part.size());
      if (space > from) add_clause(query, stops, part.substr(from, space - from), false);
      from = space + 1;
    }
  };
  for (std::size_t i = 0; i < text.size();) {
    if (const auto length = quote_at(text, i)) {
      flush(i);
      quoted = !quoted;
      i += length;
      start = i;
      continue;
    }
    ++i;
  }
  flush(text.size());
  // Stop words count only when the query is nothing else ("the who").
  if (stops.size() < query.clauses.size()) {
    std::erase_if(query.clauses, [&](const Clause& clause) {
      return std::find(stops.begin(), stops.end(), clause.text) != stops.end();
    });
    query.dropped = std::move(stops);
  }
  return query;
}

namespace {

char fold_y(char c) {
  return c == 'y' ? 'i' : c;
}

char ascii_lower(unsigned char c) {
  return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
}

// The query's distinct terms, and a filter on a word's first two bytes that lets through
// every word that could match one of them, so that most words are never folded.
struct Matcher {
  struct Entry {
    Term term;
    std::string prefix;  // every matching word starts with this (y and i alike)
    std::vector<std::size_t> clauses_single;  // clauses that are this term alone
    bool in_phrase = false;
  };
  std::vector<Entry> entries;
  std::bitset<256> first;            // a prefix of one byte
  std::bitset<256 * 256> first_two;  // a prefix of two or more bytes

  explicit Matcher(const Query& query) {
    for (std::size_t c = 0; c < query.clauses.size(); ++c) {
      const auto& clause = query.clauses[c];
      for (const auto& term : clause.terms) {
        auto it = std::find_if(entries.begin(), entries.end(), [&](const Entry& e) {
          return e.term.text == term.text && e.term.match == term.match;
        });
        if (it == entries.end()) {
          Entry entry;
          entry.term = term;
          // A Snowball stem keeps all but at most its last letter of the word's start
          // (y and i aside: "dying" is "die"), so the stem less one letter is a prefix of
          // every word it comes from.
          entry.prefix = term.match == TermMatch::stem && term.text.size() > 1
                             ? term.text.substr(0, term.text.size() - 1)
                             : term.text;
          entries.push_back(std::move(entry));
          it = entries.end() - 1;
        }
        if (clause.terms.size() == 1) {
          it->clauses_single.push_back(c);
        } else {
          it->in_phrase = true;
        }
      }
    }
    for (const auto& entry : entries) {
      const auto& p = entry.prefix;
      if (p.empty()) continue;
      const auto b0 = static_cast<unsigned char>(fold_y(p[0]));
      if (p.size() == 1) {
        first.set(b0);
      } else {
        first_two.set(b0 * 256u + static_cast<unsigned char>(fold_y(p[1])));
      }
    }
  }

  // Whether the word starting text[begin, end) may match a term, from its raw bytes.
  bool may_match(std::string_view word) const {
    const auto b0 = static_cast<unsigned char>(word[0]);
    if (b0 >= 0x80) return true;  // folding may change it: look closer
    const auto f0 = static_cast<unsigned char>(fold_y(ascii_lower(b0)));
    if (first.test(f0)) return true;
    if (word.size() < 2) return false;
    const auto b1 = static_cast<unsigned char>(word[1]);
    if (b1 >= 0x80 || b1 == '\'' || b1 == ',' || b1 == '.') return true;
    return first_two.test(f0 * 256u + static_cast<unsigned char>(fold_y(ascii_lower(b1))));
  }
};

bool starts_with_y_as_i(std::string_view word, std::string_view prefix) {
  if (word.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (fold_y(word[i]) != fold_y(prefix[i])) return false;
  }
  return true;
}

// Matches candidate words against the terms, caching each distinct word's term.
class WordMatcher {
 public:
  explicit WordMatcher(const Matcher& matcher) : matcher_(matcher) {}

  // Indexes (into matcher.entries) of the terms `raw` matches, into `out`.
  void match(std::string_view raw, std::vector<std::size_t>& out) {
    out.clear();
    util::fold_word(raw, folded_);
    const std::string* term = nullptr;
    for (std::size_t e = 0; e < matcher_.entries.size(); ++e) {
      const auto& entry = matcher_.entries[e];
      switch (entry.term.match) {
        case TermMatch::stem:
          if (!starts_with_y_as_i(folded_, entry.prefix) || !is_english_word(folded_)) break;
          if (term == nullptr) term = &term_of_cached();
          if (*term == entry.term.text) out.push_back(e);
          break;
        case TermMatch::prefix:
          if (folded_.starts_with(entry.term.text) && util::is_hangul_word(folded_))
            out.push_back(e);
          break;
        case TermMatch::exact:
          if (folded_ == entry.term.text) out.push_back(e);
          break;
      }
    }
  }

 private:
  const std::string& term_of_cached() {
    auto it = cache_.find(folded_);
    if (it == cache_.end()) it = cache_.emplace(folded_, term_of(folded_)).first;
    return it->second;
  }

  const Matcher& matcher_;
  std::string folded_;
  std::unordered_map<std::string, std::string> cache_;
};

// The index terms a query term matches: its own for a stem or an exact word; for a
// Hangul term, every indexed Hangul word it begins (the word with any particle).
void terms_matching(const model::SearchIndex& index, const Term& term,
                    std::vector<std::uint32_t>& out) {
  const auto* begin = index.terms.begin();
  const auto* end = index.terms.end();
  const auto* it = std::lower_bound(begin, end, std::string_view(term.text),
                                    [&](const model::IndexTerm& t, std::string_view text) {
                                      return index.text_of(t.text) < text;
                                    });
  if (term.match == TermMatch::prefix) {
    for (; it != end && index.text_of(it->text).starts_with(term.text); ++it) {
      if (util::is_hangul_word(index.text_of(it->text)))
        out.push_back(static_cast<std::uint32_t>(it - begin));
    }
  } else if (it != end && index.text_of(it->text) == term.text) {
    out.push_back(static_cast<std::uint32_t>(it - begin));
  }
}

// The documents and fields ranked: one kind's, or all.
struct Scope {
  std::uint32_t first_doc = 0, end_doc = 0;
  std::uint32_t first_field = 0, end_field = 0;

  Scope(const model::SearchIndex& index, std::optional<model::Kind> kind) {
    if (kind && static_cast<std::size_t>(*kind) < index.kinds.size()) {
      const auto& k = index.kinds[static_cast<std::size_t>(*kind)];
      first_doc = k.first_doc;
      end_doc = k.first_doc + k.docs;
      first_field = k.first_field;
      end_field = k.first_field + k.fields;
    } else if (!kind) {
      end_doc = index.documents();
      end_field = static_cast<std::uint32_t>(index.fields.size());
    }
  }
  bool has(std::uint32_t doc) const { return doc >= first_doc && doc < end_doc; }
};

// A clause's occurrences in one field of one document.
struct Occurrence {
  std::uint32_t doc = 0;
  std::uint32_t field = 0;
  std::uint32_t clause = 0;
  std::uint32_t count = 0;
};

// A field of one record, as ranking sees it.
struct FieldCounts {
  std::size_t slot = 0;
  std::uint32_t length = 0;           // words
  std::vector<std::uint32_t> counts;  // occurrences per clause
};

struct Candidate {
  std::size_t doc = 0;
  std::vector<FieldCounts> fields;
};

// Fields by name (and weight) across the kinds ranked, with their length totals: a
// field's average length is over every record that has a field of that name.
struct Slots {
  std::vector<std::string_view> names;
  std::vector<double> weights;
  std::vector<double> total_length;
  std::vector<std::size_t> records;   // records having the field
  std::vector<std::size_t> of_field;  // slot of each index field in scope

  Slots(const model::SearchIndex& index, const Scope& scope) {
    for (std::uint32_t f = scope.first_field; f < scope.end_field; ++f) {
      const auto& field = index.fields[f];
      const double weight = weight_of(field.weight);
      std::size_t s = 0;
      while (s < names.size() && (names[s] != field.name || weights[s] != weight)) ++s;
      if (s == names.size()) {
        names.push_back(field.name);
        weights.push_back(weight);
        total_length.push_back(0);
        records.push_back(0);
      }
      total_length[s] += static_cast<double>(field.total_length);
      records[s] += field.records;
      of_field.push_back(s);
    }
  }
};

// Occurrences of phrase `clause` in one piece, from the positions of its terms' matches.
std::uint32_t phrase_count(const std::vector<std::size_t>& entry_of,
                           const std::vector<std::pair<std::uint32_t, std::size_t>>& hits) {
  const auto has = [&](std::uint32_t position, std::size_t entry) {
    return std::find(hits.begin(), hits.end(), std::pair{position, entry}) != hits.end();
  };
  std::uint32_t count = 0;
  for (const auto& [position, entry] : hits) {
    if (entry != entry_of[0]) continue;
    bool all = true;
    for (std::size_t k = 1; k < entry_of.size() && all; ++k) {
      all = has(position + static_cast<std::uint32_t>(k), entry_of[k]);
    }
    if (all) ++count;
  }
  return count;
}

std::size_t entry_of_term(const Matcher& matcher, const Term& term) {
  for (std::size_t e = 0; e < matcher.entries.size(); ++e) {
    if (matcher.entries[e].term.text == term.text && matcher.entries[e].term.match == term.match)
      return e;
  }
  return 0;
}

// The (document, field) pairs in scope where the index terms `terms` occur, sorted.
std::vector<std::uint64_t> places_of(const model::SearchIndex& index, const Scope& scope,
                                     const std::vector<std::uint32_t>& terms) {
  std::vector<std::uint64_t> places;
  for (const auto t : terms) {
    for (const auto& posting : index.postings_of(t)) {
      if (scope.has(posting.doc))
        places.push_back(std::uint64_t{posting.doc} << 32 | posting.field);
    }
  }
  if (terms.size() > 1) {
    std::sort(places.begin(), places.end());
    places.erase(std::unique(places.begin(), places.end()), places.end());
  }
  return places;
}

// One ranking: what every step reads (the query, the index, the documents in scope and
// their fields, each query term's index terms) and the buffers the steps reuse.
class Ranker {
 public:
  Ranker(const Query& query, const model::SearchIndex& index, std::optional<model::Kind> kind,
         const FieldsOf& fields_of)
      : query_(query),
        index_(index),
        fields_of_(fields_of),
        clauses_(query.clauses.size()),
        matcher_(query),
        words_(matcher_),
        scope_(index, kind),
        slots_(index, scope_),
        terms_(matcher_.entries.size()) {
    for (std::size_t e = 0; e < matcher_.entries.size(); ++e) {
      terms_matching(index, matcher_.entries[e].term, terms_[e]);
    }
  }

  Ranking run() {
    Ranking ranking;
    std::vector<Occurrence> occurrences;
    add_single_words(occurrences);
    add_phrases(occurrences);
    std::vector<std::size_t> frequency(clauses_, 0);
    const auto candidates = candidates_of(occurrences, frequency);
    // Rarity of each clause among the records ranked.
    std::vector<double> idf(clauses_);
    const auto n = static_cast<double>(scope_.end_doc - scope_.first_doc);
    for (std::size_t c = 0; c < clauses_; ++c) {
      const auto df = static_cast<double>(frequency[c]);
      idf[c] = std::log(1 + (n - df + 0.5) / (df + 0.5));
      if (frequency[c] == 0) ranking.unmatched.push_back(query_.clauses[c].text);
    }
    for (const auto& candidate : candidates) ranking.hits.push_back(scored(candidate, idf));
    sort_best_first(ranking.hits);
    for (auto& hit : ranking.hits) mark_matches(hit);
    return ranking;
  }

 private:
  // The occurrences of the clauses that are one word, from the postings alone.
  void add_single_words(std::vector<Occurrence>& occurrences) const {
    for (std::size_t e = 0; e < matcher_.entries.size(); ++e) {
      const auto& single = matcher_.entries[e].clauses_single;
      if (single.empty()) continue;
      for (const auto t : terms_[e]) {
        for (const auto& posting : index_.postings_of(t)) {
          if (!scope_.has(posting.doc)) continue;
          for (const auto c : single) {
            occurrences.push_back(
                {posting.doc, posting.field, static_cast<std::uint32_t>(c), posting.count});
          }
        }
      }
    }
  }

  // Phrases: the fields holding all of a phrase's words are read again for their order.
  void add_phrases(std::vector<Occurrence>& occurrences) {
    for (std::size_t c = 0; c < clauses_; ++c) {
      const auto& clause = query_.clauses[c];
      if (clause.terms.size() < 2) continue;
      std::vector<std::size_t> entry_of;
      for (const auto& term : clause.terms) entry_of.push_back(entry_of_term(matcher_, term));
      auto places = places_of(index_, scope_, terms_[entry_of[0]]);
      for (std::size_t k = 1; k < entry_of.size() && !places.empty(); ++k) {
        const auto more = places_of(index_, scope_, terms_[entry_of[k]]);
        std::vector<std::uint64_t> both;
        std::set_intersection(places.begin(), places.end(), more.begin(), more.end(),
                              std::back_inserter(both));
        places = std::move(both);
      }
      for (const auto place : places) {
        const auto doc = static_cast<std::uint32_t>(place >> 32);
        const auto field = static_cast<std::uint32_t>(place & 0xFFFFFFFFu);
        const std::uint32_t count = phrase_count_in(entry_of, doc, index_.fields[field].name);
        if (count > 0) occurrences.push_back({doc, field, static_cast<std::uint32_t>(c), count});
      }
    }
  }

  // Occurrences of the phrase of terms `entry_of` in the pieces of field `name` of `doc`.
  std::uint32_t phrase_count_in(const std::vector<std::size_t>& entry_of, std::uint32_t doc,
                                std::string_view name) {
    pieces_.clear();
    fields_of_(doc, pieces_);
    std::uint32_t count = 0;
    for (const auto& piece : pieces_) {
      if (piece.name != name) continue;
      std::uint32_t position = 0;
      phrase_hits_.clear();
      std::size_t begin = 0, end = 0;
      for (std::size_t from = 0; util::next_word(piece.text, from, begin, end); from = end) {
        ++position;
        const auto raw = piece.text.substr(begin, end - begin);
        if (!matcher_.may_match(raw)) continue;
        words_.match(raw, matched_entries_);
        for (const auto e : matched_entries_) {
          if (matcher_.entries[e].in_phrase) phrase_hits_.emplace_back(position, e);
        }
      }
      if (!phrase_hits_.empty()) count += phrase_count(entry_of, phrase_hits_);
    }
    return count;
  }

  // Occurrences by document and field (fields of a kind are in the order a record's are
  // read), then the candidates, and into `frequency` how many documents match each clause.
  std::vector<Candidate> candidates_of(std::vector<Occurrence>& occurrences,
                                       std::vector<std::size_t>& frequency) const {
    std::sort(occurrences.begin(), occurrences.end(), [](const Occurrence& a, const Occurrence& b) {
      if (a.doc != b.doc) return a.doc < b.doc;
      if (a.field != b.field) return a.field < b.field;
      return a.clause < b.clause;
    });
    std::vector<Candidate> candidates;
    std::vector<bool> in_doc(clauses_);
    for (std::size_t i = 0; i < occurrences.size();) {
      Candidate candidate;
      candidate.doc = occurrences[i].doc;
      std::fill(in_doc.begin(), in_doc.end(), false);
      while (i < occurrences.size() && occurrences[i].doc == candidate.doc) {
        FieldCounts field;
        const auto f = occurrences[i].field;
        field.slot = slots_.of_field[f - scope_.first_field];
        field.length = index_.length(occurrences[i].doc, f);
        field.counts.assign(clauses_, 0);
        for (; i < occurrences.size() && occurrences[i].doc == candidate.doc &&
               occurrences[i].field == f;
             ++i) {
          field.counts[occurrences[i].clause] += occurrences[i].count;
          in_doc[occurrences[i].clause] = true;
        }
        candidate.fields.push_back(std::move(field));
      }
      for (std::size_t c = 0; c < clauses_; ++c) frequency[c] += in_doc[c];
      candidates.push_back(std::move(candidate));
    }
    return candidates;
  }

  // A candidate's BM25F score, the clauses it matched and the field that counted most.
  Ranked scored(const Candidate& candidate, const std::vector<double>& idf) const {
    Ranked hit;
    hit.doc = candidate.doc;
    std::vector<double> slot_score(candidate.fields.size(), 0);
    double total = 0;
    for (std::size_t c = 0; c < clauses_; ++c) {
      double weighted = 0;
      ClauseScore why;
      for (std::size_t f = 0; f < candidate.fields.size(); ++f) {
        const auto& field = candidate.fields[f];
        if (field.counts[c] == 0) continue;
        const double average =
            slots_.total_length[field.slot] /
            static_cast<double>(std::max<std::size_t>(1, slots_.records[field.slot]));
        const double norm = 1 - k_b + k_b * field.length / std::max(1.0, average);
        const double part = slots_.weights[field.slot] * field.counts[c] / norm;
        weighted += part;
        slot_score[f] += idf[c] * part;
        why.fields.emplace_back(std::string(slots_.names[field.slot]), field.counts[c]);
      }
      if (weighted == 0) continue;
      ++hit.matched;
      why.clause = query_.clauses[c].text;
      why.idf = idf[c];
      why.score = idf[c] * weighted * (k_k1 + 1) / (k_k1 + weighted);
      total += why.score;
      hit.why.push_back(std::move(why));
    }
    hit.score = total * static_cast<double>(hit.matched) / static_cast<double>(clauses_);
    const auto best = static_cast<std::size_t>(
        std::max_element(slot_score.begin(), slot_score.end()) - slot_score.begin());
    hit.field = std::string(slots_.names[candidate.fields[best].slot]);
    return hit;
  }

  // Best first, ties in document order: the hits' order is sorted, not the hits.
  static void sort_best_first(std::vector<Ranked>& hits) {
    std::vector<std::uint32_t> order(hits.size());
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
      return hits[a].score > hits[b].score;
    });
    std::vector<Ranked> sorted;
    sorted.reserve(order.size());
    for (const auto i : order) sorted.push_back(std::move(hits[i]));
    hits = std::move(sorted);
  }

  // The text shown for a hit: the first piece of its best field with a match, and where
  // in it the query's words are.
  void mark_matches(Ranked& hit) {
    pieces_.clear();
    fields_of_(hit.doc, pieces_);
    for (const auto& piece : pieces_) {
      if (piece.name != hit.field) continue;
      std::size_t begin = 0, end = 0;
      for (std::size_t from = 0; util::next_word(piece.text, from, begin, end); from = end) {
        const auto raw = piece.text.substr(begin, end - begin);
        if (!matcher_.may_match(raw)) continue;
        words_.match(raw, matched_entries_);
        if (!matched_entries_.empty()) hit.spans.emplace_back(begin, end);
      }
      if (!hit.spans.empty()) {
        hit.text = std::string(piece.text);
        return;
      }
    }
  }

  const Query& query_;
  const model::SearchIndex& index_;
  const FieldsOf& fields_of_;
  const std::size_t clauses_;
  const Matcher matcher_;
  WordMatcher words_;
  const Scope scope_;
  const Slots slots_;
  std::vector<std::vector<std::uint32_t>> terms_;  // each query term's index terms
  // Reused by every document read again.
  std::vector<FieldText> pieces_;
  std::vector<std::size_t> matched_entries_;
  std::vector<std::pair<std::uint32_t, std::size_t>> phrase_hits_;  // position, entry
};

}  // namespace

double weight_of(model::SearchWeight weight) {
  switch (weight) {
    case model::SearchWeight::name:
      return k_weight_name;
    case model::SearchWeight::id:
      return k_weight_id;
    case model::SearchWeight::summary:
      return k_weight_summary;
    case model::SearchWeight::text:
      return k_weight_text;
    case model::SearchWeight::note:
      return k_weight_note;
    case model::SearchWeight::none:
      break;
  }
  return 0;
}

Ranking rank(const Query& query, const model::SearchIndex& index, std::optional<model::Kind> kind,
             const FieldsOf& fields_of) {
  if (query.clauses.empty()) return {};
  return Ranker(query, index, kind, fields_of).run();
}

std::vector<std::string> nearest_words(std::string_view word, const model::SearchIndex& index,
                                       std::optional<model::Kind> kind, std::size_t limit) {
  const std::size_t length = util::code_point_count(word);
  const std::size_t allowed = length <= 4 ? 1 : length <= 8 ? 2 : 3;
  const std::uint32_t kinds = kind ? 1u << static_cast<unsigned>(*kind) : ~0u;
  struct Near {
    std::size_t distance;
    std::size_t frequency;
    std::string_view word;
  };
  std::vector<Near> near;
  const util::CodePoints letters(word);
  for (const auto& entry : index.words) {
    if ((entry.kinds & kinds) == 0) continue;
    const struct {
      std::string_view text;
      std::uint32_t frequency;
    } candidate{index.text_of(entry.text), entry.frequency};
    // Bytes bound code points from above and, over three, from below (UTF-8).
    if (candidate.text.size() + allowed < length || candidate.text.size() < 2) continue;
    // A word with more letters that are nowhere in `word` than edits allowed is too far;
    // most are, and this one pass over their bytes spares them the distance.
    const auto check = util::letters_missing(letters, candidate.text, allowed);
    const std::size_t size = check.code_points;
    if (size + allowed < length || length + allowed < size || size < 2) continue;
    if (check.missing > allowed) continue;
    const auto distance = util::word_distance(letters, candidate.text, allowed);
    if (distance > 0 && distance <= allowed)
      near.push_back({distance, candidate.frequency, candidate.text});
  }
  std::sort(near.begin(), near.end(), [](const Near& a, const Near& b) {
    if (a.distance != b.distance) return a.distance < b.distance;
    if (a.frequency != b.frequency) return a.frequency > b.frequency;
    return a.word < b.word;
  });
  std::vector<std::string> out;
  for (const auto& n : near) {
    if (out.size() == limit || n.distance > near.front().distance) break;
    out.emplace_back(n.word);
  }
  return out;
}

}  // namespace nkfacts::query

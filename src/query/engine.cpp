#include "query/engine.hpp"

#include <algorithm>
#include <array>
#include <bitset>
#include <cmath>
#include <memory>
#include <unordered_map>

#include "query/terms.hpp"
#include "util/words.hpp"

namespace nkfacts::query {
namespace {

// BM25's usual constants: how fast repeated occurrences stop counting, and how much a
// long field is discounted.
constexpr double k_k1 = 1.2;
constexpr double k_b = 0.75;

bool all_letters(std::string_view word) {
  return !word.empty() &&
         std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

Term term_for(std::string_view folded) {
  Term term;
  term_of(folded, term.text);
  if (all_letters(folded)) {
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
          if (!starts_with_y_as_i(folded_, entry.prefix) || !all_letters(folded_)) break;
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

// A field of one record, as ranking sees it.
struct FieldCounts {
  std::size_t slot = 0;
  std::uint32_t length = 0;           // words
  std::vector<std::uint32_t> counts;  // occurrences per clause
};

struct Candidate {
  std::size_t record = 0;
  std::vector<FieldCounts> fields;
};

// Field names seen, each with its weight (that of its first piece) and length totals.
struct Slots {
  std::vector<std::string_view> names;
  std::vector<double> weights;
  std::vector<double> total_length;
  std::vector<std::size_t> records;  // records having the field

  std::size_t slot_of(const FieldText& field) {
    for (std::size_t s = 0; s < names.size(); ++s) {
      if (names[s].data() == field.name.data() || names[s] == field.name) return s;
    }
    names.push_back(field.name);
    weights.push_back(field.weight);
    total_length.push_back(0);
    records.push_back(0);
    return names.size() - 1;
  }
};

// Occurrences of phrase `clause` in one piece, from the positions of its terms' matches.
std::uint32_t phrase_count(const Clause& clause, const Matcher& matcher,
                           const std::vector<std::pair<std::uint32_t, std::size_t>>& hits) {
  std::vector<std::size_t> entry_of;
  for (const auto& term : clause.terms) {
    for (std::size_t e = 0; e < matcher.entries.size(); ++e) {
      if (matcher.entries[e].term.text == term.text &&
          matcher.entries[e].term.match == term.match) {
        entry_of.push_back(e);
        break;
      }
    }
  }
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

}  // namespace

Ranking rank(const Query& query, std::size_t count, const FieldsOf& fields_of) {
  Ranking ranking;
  const std::size_t clauses = query.clauses.size();
  if (clauses == 0) return ranking;
  const Matcher matcher(query);
  WordMatcher words(matcher);
  Slots slots;
  std::vector<Candidate> candidates;

  std::vector<FieldText> pieces;
  std::vector<std::size_t> matched_entries;
  std::vector<std::pair<std::uint32_t, std::size_t>> phrase_hits;  // position, entry
  std::vector<std::size_t> slot_of_piece;
  // Per record, per slot: length and occurrences (reset for the slots a record touched).
  std::vector<std::uint32_t> lengths, counts;
  std::vector<std::size_t> touched;
  std::vector<bool> phrase_clause(clauses);
  bool any_phrase = false;
  for (std::size_t c = 0; c < clauses; ++c) {
    phrase_clause[c] = query.clauses[c].terms.size() > 1;
    any_phrase = any_phrase || phrase_clause[c];
  }

  for (std::size_t record = 0; record < count; ++record) {
    pieces.clear();
    fields_of(record, pieces);
    touched.clear();
    bool any_match = false;
    for (const auto& piece : pieces) {
      const std::size_t slot = slots.slot_of(piece);
      if (lengths.size() < slots.names.size()) {
        lengths.resize(slots.names.size());
        counts.resize(slots.names.size() * clauses);
      }
      if (std::find(touched.begin(), touched.end(), slot) == touched.end()) {
        touched.push_back(slot);
        lengths[slot] = 0;
        std::fill_n(counts.begin() + static_cast<std::ptrdiff_t>(slot * clauses), clauses, 0u);
      }
      const std::string_view text = piece.text;
      std::uint32_t position = 0;
      phrase_hits.clear();
      std::size_t begin = 0, end = 0;
      for (std::size_t from = 0; util::next_word(text, from, begin, end); from = end) {
        ++position;
        const auto raw = text.substr(begin, end - begin);
        if (!matcher.may_match(raw)) continue;
        words.match(raw, matched_entries);
        for (const auto e : matched_entries) {
          const auto& entry = matcher.entries[e];
          for (const auto c : entry.clauses_single) ++counts[slot * clauses + c];
          if (entry.in_phrase) phrase_hits.emplace_back(position, e);
          any_match = true;
        }
      }
      lengths[slot] += position;
      if (any_phrase && !phrase_hits.empty()) {
        for (std::size_t c = 0; c < clauses; ++c) {
          if (phrase_clause[c]) {
            counts[slot * clauses + c] += phrase_count(query.clauses[c], matcher, phrase_hits);
          }
        }
      }
    }
    for (const auto slot : touched) {
      slots.total_length[slot] += lengths[slot];
      ++slots.records[slot];
    }
    if (!any_match) continue;
    Candidate candidate;
    candidate.record = record;
    bool counted = false;
    for (const auto slot : touched) {
      FieldCounts field;
      field.slot = slot;
      field.length = lengths[slot];
      field.counts.assign(counts.begin() + static_cast<std::ptrdiff_t>(slot * clauses),
                          counts.begin() + static_cast<std::ptrdiff_t>((slot + 1) * clauses));
      for (const auto n : field.counts) counted = counted || n > 0;
      candidate.fields.push_back(std::move(field));
    }
    // A phrase's words may all occur without the phrase: no match then.
    if (counted) candidates.push_back(std::move(candidate));
  }

  // Rarity of each clause among the records read.
  std::vector<std::size_t> frequency(clauses, 0);
  for (const auto& candidate : candidates) {
    for (std::size_t c = 0; c < clauses; ++c) {
      for (const auto& field : candidate.fields) {
        if (field.counts[c] > 0) {
          ++frequency[c];
          break;
        }
      }
    }
  }
  std::vector<double> idf(clauses);
  const auto n = static_cast<double>(count);
  for (std::size_t c = 0; c < clauses; ++c) {
    const auto df = static_cast<double>(frequency[c]);
    idf[c] = std::log(1 + (n - df + 0.5) / (df + 0.5));
    if (frequency[c] == 0) ranking.unmatched.push_back(query.clauses[c].text);
  }

  for (const auto& candidate : candidates) {
    Ranked hit;
    hit.record = candidate.record;
    std::vector<double> slot_score(candidate.fields.size(), 0);
    double total = 0;
    for (std::size_t c = 0; c < clauses; ++c) {
      double weighted = 0;
      ClauseScore why;
      for (std::size_t f = 0; f < candidate.fields.size(); ++f) {
        const auto& field = candidate.fields[f];
        if (field.counts[c] == 0) continue;
        const double average =
            slots.total_length[field.slot] /
            static_cast<double>(std::max<std::size_t>(1, slots.records[field.slot]));
        const double norm = 1 - k_b + k_b * field.length / std::max(1.0, average);
        const double part = slots.weights[field.slot] * field.counts[c] / norm;
        weighted += part;
        slot_score[f] += idf[c] * part;
        why.fields.emplace_back(std::string(slots.names[field.slot]), field.counts[c]);
      }
      if (weighted == 0) continue;
      ++hit.matched;
      why.clause = query.clauses[c].text;
      why.idf = idf[c];
      why.score = idf[c] * weighted * (k_k1 + 1) / (k_k1 + weighted);
      total += why.score;
      hit.why.push_back(std::move(why));
    }
    hit.score = total * static_cast<double>(hit.matched) / static_cast<double>(clauses);
    const auto best = static_cast<std::size_t>(
        std::max_element(slot_score.begin(), slot_score.end()) - slot_score.begin());
    hit.field = std::string(slots.names[candidate.fields[best].slot]);
    ranking.hits.push_back(std::move(hit));
  }
  std::stable_sort(ranking.hits.begin(), ranking.hits.end(),
                   [](const Ranked& a, const Ranked& b) { return a.score > b.score; });

  // The text shown for each hit: the first piece of its best field with a match, and
  // where in it the query's words are.
  for (auto& hit : ranking.hits) {
    pieces.clear();
    fields_of(hit.record, pieces);
    for (const auto& piece : pieces) {
      if (piece.name != hit.field) continue;
      std::size_t begin = 0, end = 0;
      for (std::size_t from = 0; util::next_word(piece.text, from, begin, end); from = end) {
        const auto raw = piece.text.substr(begin, end - begin);
        if (!matcher.may_match(raw)) continue;
        words.match(raw, matched_entries);
        if (!matched_entries.empty()) hit.spans.emplace_back(begin, end);
      }
      if (!hit.spans.empty()) {
        hit.text = std::string(piece.text);
        break;
      }
    }
  }
  return ranking;
}

std::vector<std::string> nearest_words(std::string_view word, std::size_t count,
                                       const FieldsOf& fields_of, std::size_t limit) {
  std::unordered_map<std::string, std::size_t> vocabulary;
  std::vector<FieldText> pieces;
  std::string folded;
  for (std::size_t record = 0; record < count; ++record) {
    pieces.clear();
    fields_of(record, pieces);
    for (const auto& piece : pieces) {
      std::size_t begin = 0, end = 0;
      for (std::size_t from = 0; util::next_word(piece.text, from, begin, end); from = end) {
        util::fold_word(piece.text.substr(begin, end - begin), folded);
        ++vocabulary[folded];
      }
    }
  }
  const std::size_t length = util::code_point_count(word);
  const std::size_t allowed = length <= 4 ? 1 : length <= 8 ? 2 : 3;
  struct Near {
    std::size_t distance;
    std::size_t frequency;
    std::string_view word;
  };
  std::vector<Near> near;
  for (const auto& [candidate, frequency] : vocabulary) {
    const std::size_t size = util::code_point_count(candidate);
    if (size + allowed < length || length + allowed < size || size < 2) continue;
    const auto distance = util::word_distance(word, candidate);
    if (distance > 0 && distance <= allowed) near.push_back({distance, frequency, candidate});
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

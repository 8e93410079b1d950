// Splitting text into words, as search sees them: runs of letters, marks and digits by
// their Unicode categories (utf8proc), case-folded and NFKC-normalised, with accents
// dropped. Apostrophes (', ’, ‘, ʼ) inside a word join it ("don't" is "dont") and a
// possessive "'s" is dropped ("Hanawon's" is "hanawon"); a comma or full stop between two
// digits joins them ("34,000" is "34000", "1.5" stays "1.5"); everything else, hyphens
// included, separates words. Nothing here knows about facts.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "util/edit_distance.hpp"

namespace nkfacts::util {

// Where the next word of `text` at or after `from` starts and ends (byte offsets); false
// when there is none. Words are found without copying; fold_word gives their search form.
bool next_word(std::string_view text, std::size_t from, std::size_t& begin, std::size_t& end);

// The search form of the word text[begin, end) found by next_word, into `out`: apostrophes
// and digit separators taken out, case folded, NFKC with marks stripped.
void fold_word(std::string_view word, std::string& out);

struct Word {
  std::string text;                // folded
  std::size_t begin = 0, end = 0;  // byte range in the text split
};
std::vector<Word> split_words(std::string_view text);

// Hangul syllables only (U+AC00-U+D7A3), at least one.
bool is_hangul_word(std::string_view word);

// A Hangul word without one trailing particle or ending of a short list (의, 이, 가, 을,
// 를, 은, 는, 에서, 으로, 들의...), when at least two syllables are left: "탈북민의" is
// "탈북민", "북한" stays "북한".
std::string_view strip_korean_particle(std::string_view word);

// Levenshtein distance between two words counted in code points (util::edit_distance
// counts bytes, which makes every Hangul syllable three edits), exact up to `bound` and
// bound + 1 beyond it; words over 100 code points are never compared
// (util/edit_distance.hpp).
std::size_t word_distance(std::string_view a, std::string_view b,
                          std::size_t bound = k_longest_compared);
std::size_t code_point_count(std::string_view word);

// A word's code points, decoded once to be compared with many words ("did you mean"
// over the search index's words).
struct CodePoints {
  explicit CodePoints(std::string_view word);
  std::array<std::int32_t, k_longest_compared + 1> points{};
  std::size_t size = 0;             // k_longest_compared + 1 for a longer word
  std::uint64_t ascii[2] = {0, 0};  // the ASCII code points among them, as a bit set
  bool all_ascii = true;
};

// word_distance(word, b, bound) for the word `a` was decoded from.
std::size_t word_distance(const CodePoints& a, std::string_view b,
                          std::size_t bound = k_longest_compared);

// The code points of `b` (code_point_count), and how many of them are nowhere in `a`.
// Each of those takes an edit of its own (an insertion or a substitution), so more than
// `bound` of them put b more than `bound` edits from a; the count is read in one pass
// over b's bytes, far cheaper than the distance. The pass stops at the (bound + 1)th:
// then `missing` is bound + 1 and `code_points` counts only the bytes read.
struct LetterCheck {
  std::size_t code_points = 0;
  std::size_t missing = 0;
};
LetterCheck letters_missing(const CodePoints& a, std::string_view b, std::size_t bound);

}  // namespace nkfacts::util

// Levenshtein distance, the one implementation: over bytes (ids, for "did you mean" on the
// command line) and over code points (words, util::word_distance, where a Hangul syllable
// is one letter and not three bytes). Bounded and capped, because "did you mean" only
// wants small distances and compares one word with thousands:
// - the answer is exact up to `bound`; anything farther is reported as bound + 1;
// - sequences whose lengths differ by more than `bound` are not compared at all, and the
//   table stops at the first row whose every cell is past `bound`;
// - a sequence longer than k_longest_compared elements is never compared (bound + 1):
//   nobody mistypes a hundred letters, and the table costs the product of the lengths
//   (a 100,000-byte id against another once took 25 seconds). The table's one row then
//   lives on the stack: no allocation per comparison.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <span>

namespace nkfacts::util {

inline constexpr std::size_t k_longest_compared = 100;

template <typename T>
std::size_t edit_distance(std::span<const T> a, std::span<const T> b,
                          std::size_t bound = k_longest_compared) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() > k_longest_compared || b.size() - a.size() > bound) return bound + 1;
  std::array<std::size_t, k_longest_compared + 1> row;
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    std::size_t least = row[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
      least = std::min(least, row[j]);
    }
    if (least > bound) return bound + 1;
  }
  return std::min(row[b.size()], bound + 1);
}

}  // namespace nkfacts::util

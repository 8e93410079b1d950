#include "util/edit_distance.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <span>
#include <string>
#include <vector>

#include "util/text.hpp"

using namespace nkfacts::util;

namespace {

// Plain Levenshtein, the full table: what the bounded one must agree with.
std::size_t reference_distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min(
          {d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    }
  }
  return d[a.size()][b.size()];
}

}  // namespace

TEST_CASE("edit distance is exact up to its bound and bound + 1 beyond") {
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("abc", "abc") == 0);
  CHECK(edit_distance("kitten", "sitting", 2) == 3);
  CHECK(edit_distance("kitten", "sitting", 1) == 2);
  CHECK(edit_distance("a", "abcdef", 2) == 3);  // lengths too far apart: not compared
  // Every pair of short strings over a small alphabet, every bound: the same answer as
  // the full table, capped at bound + 1.
  std::vector<std::string> words;
  for (std::size_t length = 0; length <= 4; ++length) {
    std::size_t count = 1;
    for (std::size_t i = 0; i < length; ++i) count *= 3;
    for (std::size_t n = 0; n < count; ++n) {
      std::string word(length, 'a');
      for (std::size_t i = 0, rest = n; i < length; ++i, rest /= 3)
        word[i] = static_cast<char>('a' + rest % 3);
      words.push_back(word);
    }
  }
  for (const auto& a : words) {
    for (const auto& b : words) {
      const auto exact = reference_distance(a, b);
      REQUIRE(edit_distance(a, b) == exact);
      for (std::size_t bound = 0; bound <= 4; ++bound) {
        REQUIRE(edit_distance(a, b, bound) == std::min(exact, bound + 1));
      }
    }
  }
}

TEST_CASE("edit distance never compares what is over its cap") {
  const std::string limit(k_longest_compared, 'a');
  const std::string over(k_longest_compared + 1, 'a');
  CHECK(edit_distance(limit, over) == k_longest_compared + 1);
  CHECK(edit_distance(limit, limit) == 0);
  CHECK(edit_distance(over, over, 3) == 4);
  // The same template over other elements: code points.
  const std::u32string x = U"탈북민", y = U"탈북만";
  CHECK(edit_distance(std::span<const char32_t>(x), std::span<const char32_t>(y)) == 1);
}

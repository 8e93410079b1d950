#include "util/words.hpp"

#include <catch2/catch.hpp>

using namespace nkfacts::util;

namespace {

std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& word : split_words(text)) out.push_back(word.text);
  return out;
}

using List = std::vector<std::string>;

}  // namespace

TEST_CASE("words are split at spaces and punctuation and folded") {
  CHECK(words("Crossing the Tumen, in winter.") ==
        List{"crossing", "the", "tumen", "in", "winter"});
  CHECK(words("") == List{});
  CHECK(words(" -- ; ") == List{});
}

TEST_CASE("a word never matches inside another: thousands is one word") {
  CHECK(words("thoUSAnds of SOLDiers") == List{"thousands", "of", "soldiers"});
}

TEST_CASE("apostrophes and curly quotes join a word, a possessive s is dropped") {
  CHECK(words("Hanawon's") == List{"hanawon"});
  CHECK(words("Hanawon\u2019s programme") == List{"hanawon", "programme"});
  CHECK(words("don't") == List{"dont"});
  CHECK(words("'quoted' \u2018words\u2019") == List{"quoted", "words"});
  CHECK(words("defectors' stories") == List{"defectors", "stories"});
  CHECK(words("Defectors\u2019 Day") == List{"defectors", "day"});
}

TEST_CASE("hyphens separate words") {
  CHECK(words("Kim Jong-un's shoot-to-kill order") ==
        List{"kim", "jong", "un", "shoot", "to", "kill", "order"});
  CHECK(words("North\u2013South") == List{"north", "south"});
}

TEST_CASE("digits with commas are one number; a decimal point stays") {
  CHECK(words("34,000 and 1,000,000 people") == List{"34000", "and", "1000000", "people"});
  CHECK(words("1.5 million, 2025.") == List{"1.5", "million", "2025"});
  CHECK(words("one,two") == List{"one", "two"});
}

TEST_CASE("the byte ranges of words point into the original text") {
  const auto split = split_words("See Hanawon\u2019s course");
  REQUIRE(split.size() == 3);
  CHECK(split[1].begin == 4);
  CHECK(split[1].end == 4 + 7 + 3 + 1);
}

TEST_CASE("Hangul words are split at spaces and punctuation, particles kept") {
  CHECK(words("지난해 입국 탈북민 223명…추세 유지") ==
        List{"지난해", "입국", "탈북민", "223명", "추세", "유지"});
  CHECK(words("통일부, 탈북민의") == List{"통일부", "탈북민의"});
}

TEST_CASE("look-alike characters are normalised (NFKC), accents dropped") {
  CHECK(words("\uFF35\uFF33\uFF21") == List{"usa"});  // full-width USA
  CHECK(words("CAF\u00C9 cafe\u0301") == List{"cafe", "cafe"});
  CHECK(words("Stra\u00DFe") == List{"strasse"});
  CHECK(words("P\u2019y\u014Fngyang") == List{"pyongyang"});
}

TEST_CASE("invalid UTF-8 separates words instead of failing") {
  CHECK(words("ab\xff"
              "cd") == List{"ab", "cd"});
}

TEST_CASE("Korean particles and endings are stripped when two syllables remain") {
  CHECK(strip_korean_particle("탈북민의") == "탈북민");
  CHECK(strip_korean_particle("탈북민이") == "탈북민");
  CHECK(strip_korean_particle("탈북민을") == "탈북민");
  CHECK(strip_korean_particle("탈북민들은") == "탈북민");
  CHECK(strip_korean_particle("두만강에서") == "두만강");
  CHECK(strip_korean_particle("북한") == "북한");
  CHECK(strip_korean_particle("국가") == "국가");
  CHECK(strip_korean_particle("usa") == "usa");
}

TEST_CASE("word distance counts code points, not bytes") {
  CHECK(word_distance("hanawn", "hanawon") == 1);
  CHECK(word_distance("탈북만", "탈북민") == 1);
  CHECK(word_distance("", "abc") == 3);
  CHECK(word_distance("탈북민", "북한이탈주민", 1) == 2);  // past the bound: bound + 1
  CHECK(word_distance("탈북민", "북한이탈주민") == 4);
  CHECK(word_distance("café", "cafe") == 1);
  CHECK(code_point_count("탈북민") == 3);
}

TEST_CASE("a word decoded once measures as the word itself") {
  const std::vector<std::string> words = {"hanawn",
                                          "hanawon",
                                          "탈북만",
                                          "탈북민",
                                          "북한이탈주민",
                                          "café",
                                          "cafe",
                                          "xyzzy",
                                          "tumen",
                                          "",
                                          "두만강",
                                          "\xff\xfe"
                                          "ab"};
  for (const auto& a : words) {
    const CodePoints decoded(a);
    for (const auto& b : words) {
      for (const std::size_t bound : {1, 2, 3, 100}) {
        CHECK(word_distance(decoded, b, bound) == word_distance(a, b, bound));
      }
    }
  }
}

TEST_CASE("letters missing from a word count code points and bound the distance from below") {
  const CodePoints query("xyzzy");
  const auto far = letters_missing(query, "탈북민", 2);
  CHECK(far.missing == 3);  // all three syllables, then the pass stops
  const auto near = letters_missing(query, "xyzzz", 2);
  CHECK(near.code_points == 5);
  CHECK(near.missing == 0);
  const auto one = letters_missing(CodePoints("탈북민"), "탈북만", 2);
  CHECK(one.code_points == 3);
  CHECK(one.missing == 1);  // 만
  CHECK(letters_missing(CodePoints("tumen"), "tuman", 1).missing == 1);
  // Never more than the distance, up to where the pass stops.
  const std::vector<std::string> words = {"hanawn", "hanawon", "탈북만", "탈북민", "북한이탈주민",
                                          "café",   "cafe",    "xyzzy",  "tumen",  "두만강"};
  for (const auto& a : words) {
    for (const auto& b : words) {
      const auto check = letters_missing(CodePoints(a), b, 100);
      CHECK(check.code_points == code_point_count(b));
      CHECK(check.missing <= word_distance(a, b));
    }
  }
}

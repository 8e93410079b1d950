#include "util/text.hpp"

#include <catch2/catch.hpp>

#include <chrono>

using namespace nkfacts::util;

TEST_CASE("numbers are grouped only when asked") {
  CHECK(format_number(34537, true) == "34,537");
  CHECK(format_number(34537, false) == "34537");
  CHECK(format_number(947, true) == "947");
  CHECK(format_number(1000000, true) == "1,000,000");
  CHECK(format_number(-1234, true) == "-1,234");
  CHECK(format_number(72.25, true) == "72.25");
  CHECK(format_number(1234.5, true) == "1,234.5");
  CHECK(format_number(0, true) == "0");
  CHECK(format_number(-0.0, true) == "0");
  CHECK(format_number(123456, true) == "123,456");
  CHECK(format_number(-100, false) == "-100");
  CHECK(format_number(999999999999999, true) == "999,999,999,999,999");
  CHECK(format_number(1e15, true) == "1,000,000,000,000,000");
}

TEST_CASE("percentages have one decimal") {
  CHECK(format_percent(24944, 34537) == "72.2");
  CHECK(format_percent(116, 947) == "12.2");
  CHECK(format_percent(1, 0).empty());
}

TEST_CASE("wrap breaks at spaces and indents continuation lines") {
  CHECK(wrap("one two three four", 9, "", "  ") == "one two\n  three\n  four\n");
  CHECK(wrap("short", 80, "> ", "  ") == "> short\n");
}

TEST_CASE("wrap never breaks inside a word, even a long one") {
  CHECK(wrap("a https://example.org/very/long/address b", 10, "", "") ==
        "a\nhttps://example.org/very/long/address\nb\n");
}

TEST_CASE("wrap measures Hangul by display width") {
  // Each syllable is two columns: "탈북민 입국" is 11 columns wide.
  CHECK(wrap("탈북민 입국 현황", 11, "", "") == "탈북민 입국\n현황\n");
}

TEST_CASE("wrap counts a column per printable ASCII byte and measures other words") {
  // '~' (0x7E) is the last byte counted as one column; DEL (0x7F) and the other
  // controls take none, so a word of them fits where its byte count would not.
  CHECK(wrap("aaaa ~~ b", 7, "", "") == "aaaa ~~\nb\n");
  CHECK(wrap("aaaa \x7f\x7f\x7f\x7f b", 7, "", "") == "aaaa \x7f\x7f\x7f\x7f b\n");
  CHECK(wrap("aaaa \x1f\x1f\x1f\x1f b", 7, "", "") == "aaaa \x1f\x1f\x1f\x1f b\n");
  CHECK(wrap("aaaa   b", 6, "", "") == "aaaa b\n");  // runs of spaces are one break
  // The same with 16 bytes or more after the word, where its end is found 16 bytes at a
  // time, and with a double space before it.
  CHECK(wrap("aaaa  \x7f\x7f\x7f\x7f b ccccccccccccccccccc", 7, "", "") ==
        "aaaa \x7f\x7f\x7f\x7f b\nccccccccccccccccccc\n");
  CHECK(wrap("aa  \ud0c8\ubd81\ubbfc b cccccccccccccccccccc", 9, "", "") ==
        "aa \ud0c8\ubd81\ubbfc\nb\ncccccccccccccccccccc\n");
  CHECK(wrap("aa  ~~~~~~ b cccccccccccccccccccc", 9, "", "") == "aa ~~~~~~\nb\ncccccccccccccccccccc\n");
}

TEST_CASE("wrap output is pinned: runs of spaces, blank lines, wide text, continued lines") {
  // What the two wrapping algorithms that were merged into one wrote (checked on 300,000
  // random texts of words, runs of spaces, newlines, Hangul, controls and invalid bytes).
  CHECK(wrap("one  two   three four five", 10, "> ", "  ") ==
        "> one two\n  three\n  four\n  five\n");
  CHECK(wrap("  leading and trailing  ", 12, "", "") == "leading and\ntrailing\n");
  CHECK(wrap("first\n\nthird line here\n   \nlast", 9, "- ", "  ") ==
        "- first\n\n  third\n  line\n  here\n\n  last\n");
  CHECK(wrap("탈북민 입국 현황 2025 통계", 10, "", "  ") == "탈북민\n  입국\n  현황\n  2025\n  통계\n");
  CHECK(wrap_rest("continued text that wraps", 12, "Label: ", "    ") ==
        "continued\n    text\n    that\n    wraps\n");
  CHECK(wrap_rest("", 10, "Label: ", "  ") == "\n");
  CHECK(wrap_rest("word", 3, "Label: ", "  ") == "word\n");
}

TEST_CASE("wrap breaks single-spaced text where it breaks the same words spaced apart") {
  // Words one space apart are copied a run at a time; a doubled space makes the run
  // stop there and the spaces fold into one. Both must break every line at the same place.
  const std::string words = "a bb ccc dddd eeeee ffffff-ggggggg h ii https://example.org/x jjj";
  std::string doubled = words;
  doubled.insert(doubled.find(' '), " ");
  for (std::size_t width = 0; width <= 40; ++width) {
    for (const auto& [first, indent] : {std::pair<std::string, std::string>{"", ""},
                                        {"  ", "    "},
                                        {"Label: ", "  "},
                                        {"", "          "}}) {
      CAPTURE(width, first, indent);
      CHECK(wrap(words, width, first, indent) == wrap(doubled, width, first, indent));
      CHECK(wrap_rest(words, width, first, indent) == wrap_rest(doubled, width, first, indent));
    }
  }
}

TEST_CASE("wrap with width 0 does not wrap and keeps newlines") {
  CHECK(wrap("one two\nthree", 0, "", "  ") == "one two\n  three\n");
}

TEST_CASE("wrap_rest continues a begun line and survives empty or blank first lines") {
  CHECK(wrap_rest("alpha beta gamma", 17, "Label: ", "       ") == "alpha beta\n       gamma\n");
  // Fuzz finding (tests/data/hostile/fuzz-blank-id-in-field.toml): a blank value wrapped
  // to a bare line end, and cutting the indent off it threw.
  CHECK(wrap_rest("", 80, "    ", "    ") == "\n");
  CHECK(wrap_rest(" ", 80, "    ", "    ") == "\n");
  CHECK(wrap_rest("\nnext", 80, "    ", "    ") == "\n    next\n");
}

TEST_CASE("padding is by display width") {
  CHECK(pad_right("한", 4) == "한  ");
  CHECK(pad_left("12", 5) == "   12");
  CHECK(pad_left("toolong", 3) == "toolong");
}

TEST_CASE("closest matches suggest plausible typos only") {
  const std::vector<std::string> ids = {"china-mongolia", "china-southeast-asia", "dmz-crossing",
                                        "sea-crossing"};
  CHECK(closest_matches("dmz-crosing", ids) == std::vector<std::string>{"dmz-crossing"});
  CHECK(closest_matches("china", ids) ==
        std::vector<std::string>{"china-mongolia", "china-southeast-asia"});
  CHECK(closest_matches("zzzzzz", ids).empty());
}

TEST_CASE("closest matches stay close, and bounded, whatever the lengths") {
  // The closest of several plausible ones come first, at most `count` of them.
  const std::vector<std::string> ids = {"route-abcdefgh", "route-abcdefgx", "route-abcdefxx",
                                        "route-abcdexxx", "other"};
  CHECK(closest_matches("route-abcdefgh", ids, 2) ==
        std::vector<std::string>{"route-abcdefgh", "route-abcdefgx"});
  // A very long word is no typo: nothing is suggested, and quickly (an edit distance of
  // two 100,000-byte ids took 25 seconds).
  const std::string long_a(100'000, 'a');
  std::string long_b = long_a;
  long_b.back() = 'b';
  CHECK(closest_matches(long_a, {long_b, long_a + "c"}).empty());
  CHECK(closest_matches("abc", {long_b}).empty());
}

TEST_CASE("two neighbouring characters swapped is the closest slip") {
  const std::vector<std::string> ids = {"arrivals-total-2019", "arrivals-total-2023",
                                        "arrivals-total-2024", "arrivals-total-2025"};
  CHECK(closest_matches("arrivals-total-2052", ids, 1) == std::vector<std::string>{"arrivals-total-2025"});
}

TEST_CASE("quoted alternatives read as a sentence") {
  CHECK(quoted_alternatives({"a"}, "or") == "'a'");
  CHECK(quoted_alternatives({"a", "b"}, "or") == "'a' or 'b'");
  CHECK(quoted_alternatives({"a", "b", "c"}, "or") == "'a', 'b' or 'c'");
}

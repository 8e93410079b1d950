// Every scanner of util/scan.hpp against its definition: the predicate applied a byte at a
// time. The vector versions test 16 bytes a step and finish byte by byte, so each is tried
// at every length from 0 to 40 (none, part of one block, blocks and a tail), with every
// byte value at every offset, starting at several offsets.
#include "util/scan.hpp"

#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include <vector>

using namespace nkfacts::util;

namespace {

// The reference: the first offset at or after `i` whose byte fails `keep`.
template <typename Keep>
std::size_t reference_end(const std::string& text, std::size_t i, Keep keep) {
  while (i < text.size() && keep(static_cast<unsigned char>(text[i]))) ++i;
  return i;
}

// Calls `check(text, start)` for every length 0-40, every byte value at every offset,
// on a background of `filler`, from starts 0, 1 and 5; returns how many calls failed.
template <typename Check>
std::size_t count_failures(char filler, Check check) {
  std::size_t failures = 0;
  for (std::size_t length = 0; length <= 40; ++length) {
    for (std::size_t at = 0; at < std::max<std::size_t>(length, 1); ++at) {
      for (unsigned byte = 0; byte < 256; ++byte) {
        std::string text(length, filler);
        if (length > 0) text[at] = static_cast<char>(byte);
        for (const std::size_t start : {0u, 1u, 5u}) {
          if (start > length) continue;
          if (!check(text, start)) {
            if (failures == 0) {
              UNSCOPED_INFO("first failure: length " << length << ", byte " << byte << " at " << at
                                                     << ", start " << start);
            }
            ++failures;
          }
        }
      }
    }
  }
  return failures;
}

// Random texts over bytes the scanners care about, for runs of several of them.
std::vector<std::string> mixed_texts() {
  const std::string alphabet = std::string("aZ ~\"\\\x1f\x7f\t\n#'", 12) + "\x80\xc2\xe2\xff";
  std::vector<std::string> texts;
  std::uint32_t state = 12345;
  for (int n = 0; n < 4000; ++n) {
    state = state * 1664525u + 1013904223u;
    const std::size_t length = (state >> 8) % 70;
    std::string text;
    for (std::size_t k = 0; k < length; ++k) {
      state = state * 1664525u + 1013904223u;
      // Mostly plain letters, so that runs reach past a block.
      const std::uint32_t pick = (state >> 16) % 64;
      text += pick < alphabet.size() ? alphabet[pick] : 'a';
    }
    texts.push_back(text);
  }
  return texts;
}

}  // namespace

TEST_CASE("the predicates say what their names say") {
  CHECK(is_printable_ascii(' '));
  CHECK(is_printable_ascii('~'));
  CHECK_FALSE(is_printable_ascii(0x1F));
  CHECK_FALSE(is_printable_ascii(0x7F));
  CHECK_FALSE(is_printable_ascii(0x80));
  CHECK(is_json_plain_byte('a'));
  CHECK_FALSE(is_json_plain_byte('"'));
  CHECK_FALSE(is_json_plain_byte('\\'));
  CHECK_FALSE(is_json_plain_byte('\n'));
  CHECK_FALSE(is_json_plain_byte(0xC2));
  CHECK_FALSE(is_json_plain_byte(0xE2));
  CHECK(is_json_plain_byte(0xC3));
  CHECK(is_json_plain_byte(0x80));
}

TEST_CASE("printable_ascii_end stops where is_printable_ascii first fails") {
  const auto check = [](const std::string& text, std::size_t start) {
    const auto expected = reference_end(text, start, is_printable_ascii);
    return printable_ascii_end(text, start) == expected &&
           scalar::printable_ascii_end(text, start) == expected;
  };
  CHECK(count_failures('a', check) == 0);
  for (const auto& text : mixed_texts()) CHECK(check(text, 0));
}

TEST_CASE("json_plain_end stops where is_json_plain_byte first fails") {
  const auto check = [](const std::string& text, std::size_t start) {
    const auto expected = reference_end(text, start, is_json_plain_byte);
    return json_plain_end(text, start) == expected &&
           scalar::json_plain_end(text, start) == expected;
  };
  CHECK(count_failures('a', check) == 0);
  CHECK(count_failures('\xc3', check) == 0);  // a plain byte from 0x80 up as the background
  for (const auto& text : mixed_texts()) CHECK(check(text, 0));
}

TEST_CASE("markdown_plain_end stops where is_markdown_plain first fails") {
  const auto check = [](const std::string& text, std::size_t start) {
    const auto expected = reference_end(text, start, is_markdown_plain);
    return markdown_plain_end(text, start) == expected &&
           scalar::markdown_plain_end(text, start) == expected;
  };
  CHECK(count_failures('a', check) == 0);
  for (const auto& text : mixed_texts()) CHECK(check(text, 0));
  for (const char c : std::string("\\`*_[]<>|#")) CHECK_FALSE(is_markdown_plain(c));
  CHECK(is_markdown_plain('('));
  CHECK(is_markdown_plain('a'));
  CHECK_FALSE(is_markdown_plain(0x80));
}

TEST_CASE("word_at ends a word at the first space and knows if it is plain ASCII") {
  const auto check = [](const std::string& text, std::size_t start) {
    const auto end = reference_end(text, start, [](unsigned char b) { return b != ' '; });
    const bool plain = reference_end(text, start, is_printable_ascii) >= end;
    const auto fast = word_at(text, start);
    const auto slow = scalar::word_at(text, start);
    return fast.end == end && fast.plain == plain && slow.end == end && slow.plain == plain;
  };
  CHECK(count_failures('a', check) == 0);
  for (const auto& text : mixed_texts()) CHECK(check(text, 0));
}

TEST_CASE("lower_ascii lower-cases exactly A-Z and reports any byte from 0x80 up") {
  const auto check = [](const std::string& text, std::size_t start) {
    std::string expected, fast(text.size() - start, '?'), slow(text.size() - start, '?');
    bool ascii = true;
    for (std::size_t k = start; k < text.size(); ++k) {
      const auto c = static_cast<unsigned char>(text[k]);
      ascii = ascii && c < 0x80;
      expected += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    const auto* source = reinterpret_cast<const unsigned char*>(text.data() + start);
    const bool fast_ascii =
        lower_ascii(reinterpret_cast<unsigned char*>(fast.data()), source, fast.size());
    const bool slow_ascii =
        scalar::lower_ascii(reinterpret_cast<unsigned char*>(slow.data()), source, slow.size());
    return fast == expected && slow == expected && fast_ascii == ascii && slow_ascii == ascii;
  };
  CHECK(count_failures('Q', check) == 0);
  for (const auto& text : mixed_texts()) CHECK(check(text, 0));
}

TEST_CASE("skip_to_any stops at the first given byte, or the first from 0x80 up if asked") {
  const auto check = [](const std::string& text, std::size_t start) {
    const auto toml = reference_end(
        text, start, [](unsigned char b) { return b != '"' && b != '\'' && b != '#' && b < 0x80; });
    const auto basic = reference_end(
        text, start, [](unsigned char b) { return b != '\\' && b != '"' && b != '\n'; });
    return skip_to_any<true, '"', '\'', '#'>(text, start) == toml &&
           scalar::skip_to_any<true, '"', '\'', '#'>(text, start) == toml &&
           skip_to_any<false, '\\', '"', '\n'>(text, start) == basic &&
           scalar::skip_to_any<false, '\\', '"', '\n'>(text, start) == basic;
  };
  CHECK(count_failures('a', check) == 0);
  for (const auto& text : mixed_texts()) CHECK(check(text, 0));
}

TEST_CASE("skip_to_digit stops at the first ASCII digit") {
  const auto check = [](const std::string& text, std::size_t start) {
    const auto digit =
        reference_end(text, start, [](unsigned char b) { return b < '0' || b > '9'; });
    return skip_to_digit(text, start) == digit && scalar::skip_to_digit(text, start) == digit;
  };
  CHECK(count_failures('7', check) == 0);
  for (const auto& text : mixed_texts()) CHECK(check(text, 0));
}

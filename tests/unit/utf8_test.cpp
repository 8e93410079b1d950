#include "util/utf8.hpp"

#include <utf8proc.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <string>

using namespace nkfacts::util;

TEST_CASE("display width counts Hangul as two columns and arrows as one") {
  CHECK(display_width("abc") == 3);
  CHECK(display_width("탈북민") == 6);
  CHECK(display_width("A \u2192 B") == 5);
  CHECK(display_width("e\u0301") == 1);  // combining acute accent takes no column
}

TEST_CASE("display width skips the colour escapes nkfacts writes itself") {
  CHECK(display_width("\x1b[1mbold\x1b[0m") == 4);
}

TEST_CASE("display width is right wherever a wide, control or escape sequence falls") {
  // Printable ASCII is counted 16 bytes at a time: put each kind of other text at every
  // offset of the first blocks.
  const std::pair<std::string, std::size_t> cases[] = {
      {"\xed\x83\x88", 2},  // 탈, two columns
      {"\xe2\x86\x92", 1},  // →, one
      {"\x1b[1;31m", 0},    // our own colour escape, none
      {"\x07", 0},          // a control character, none
      {"\x7f", 0},          // DEL, none
      {"~", 1}};
  for (const auto& [inner, columns] : cases) {
    for (std::size_t at = 0; at < 40; ++at) {
      INFO("offset " << at << ", inner width " << columns);
      const std::string text = std::string(at, 'a') + inner + std::string(21, 'b');
      CHECK(display_width(text) == at + columns + 21);
    }
  }
}

TEST_CASE("invalid UTF-8 is found at its byte offset") {
  CHECK_FALSE(find_invalid_utf8("plain and 한국어").has_value());
  const auto bad = find_invalid_utf8(
      "ab\xff"
      "cd");
  REQUIRE(bad.has_value());
  CHECK(*bad == 2);
  CHECK(find_invalid_utf8("\xe2\x82").value() == 0);  // truncated sequence
}

TEST_CASE("case folding is Unicode-aware and leaves Hangul alone") {
  CHECK(fold_case("Tumen RIVER") == "tumen river");
  CHECK(fold_case("STRASSE") == "strasse");
  CHECK(fold_case("Straße") == "strasse");
  CHECK(fold_case("ÉCOLE") == "école");
  CHECK(fold_case("탈북민") == "탈북민");
  // Folding into a reused buffer leaves nothing of the previous, longer text.
  std::string buffer;
  fold_case_into(buffer, "A much longer ASCII Text @[Z]");
  CHECK(buffer == "a much longer ascii text @[z]");
  fold_case_into(buffer, "ÉCOLE");
  CHECK(buffer == "école");
  fold_case_into(buffer, "");
  CHECK(buffer.empty());
}

TEST_CASE("ASCII folding lower-cases exactly A-Z, at every offset of the 16-byte steps") {
  // Every ASCII byte at every position of the first three blocks and the tail, each
  // checked against the one-byte rule; then a non-ASCII character after whole ASCII
  // blocks, which must send the text to utf8proc.
  std::string folded;
  for (int byte = 1; byte < 0x80; ++byte) {
    for (std::size_t at = 0; at < 40; ++at) {
      std::string text(40, 'Q');
      text[at] = static_cast<char>(byte);
      std::string expected(40, 'q');
      expected[at] = static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte + 32 : byte);
      fold_case_into(folded, text);
      CHECK(folded == expected);
    }
  }
  CHECK(fold_case("ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`@ \u00c9COLE") ==
        "abcdefghijklmnopqrstuvwxyz[\\]^_`@ \u00e9cole");
  CHECK(fold_case("0123456789abcdef\u212a") == "0123456789abcdefk");  // KELVIN SIGN
}

namespace {

// What utf8proc itself makes of `text`: the reference the fast paths must agree with.
std::string utf8proc_fold(std::string_view text) {
  utf8proc_uint8_t* mapped = nullptr;
  const auto length = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
      static_cast<utf8proc_ssize_t>(text.size()), &mapped,
      static_cast<utf8proc_option_t>(UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE | UTF8PROC_STABLE));
  REQUIRE(length >= 0);
  std::string folded(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(length));
  std::free(mapped);
  return folded;
}

std::string utf8_of(char32_t c) {
  std::string out;
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
  return out;
}

}  // namespace

TEST_CASE("display width agrees with utf8proc for every character up to U+FFFF") {
  // The blocks most text is written in are measured without utf8proc's tables.
  std::size_t checked = 0;
  for (char32_t c = 0xA0; c <= 0xFFFF; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;  // surrogates are not characters
    const int expected = utf8proc_charwidth(static_cast<utf8proc_int32_t>(c));
    if (display_width(utf8_of(c)) != static_cast<std::size_t>(expected)) {
      FAIL("U+" << std::hex << unsigned(c));
    }
    ++checked;
  }
  CHECK(checked == 0xFFFF - 0xA0 + 1 - 0x800);
  CHECK(display_width("\u91ce\u3072\u30ab\u2014\u00e9") == 8);  // 野ひカ—é
}

TEST_CASE("folding punctuation, kana, CJK and Hangul without utf8proc gives what utf8proc gives") {
  // Every character from U+2010 to the last Hangul syllable (those the fast path copies and
  // those it sends to utf8proc), alone, between capitals and after a capital whose next
  // character is outside the set; and every one before a kana voicing mark and a final
  // jamo, which compose with what comes before them.
  for (char32_t c = 0x2010; c <= 0xD7A3; ++c) {
    const std::string ch = utf8_of(c);
    for (const std::string& text :
         {ch, "A" + ch + "B", "\u2018" + ch + "Z\u0301", ch + "\u3099", ch + "\u11a8"}) {
      if (fold_case(text) != utf8proc_fold(text)) FAIL("U+" << std::hex << unsigned(c));
    }
  }
  CHECK(fold_case("\u304b\u3099") == "\u304c");  // か and the voicing mark: が
  // Neighbours that compose go to utf8proc: a final jamo after a syllable, an accent after
  // an ASCII letter; and U+2000, whose canonical form is U+2002, is outside the set.
  CHECK(fold_case("\uac00\u11a8") == "\uac01");
  CHECK(fold_case("E\u0301 \u201cX\u201d") == "\u00e9 \u201cx\u201d");
  CHECK(fold_case("a\u2000b") == utf8proc_fold("a\u2000b"));
  CHECK(fold_case("Kim \u2013 \uae40 \u2026 \u201cNorth\u201d") ==
        "kim \u2013 \uae40 \u2026 \u201cnorth\u201d");
}

TEST_CASE("control characters are shown escaped, never raw") {
  CHECK(escape_controls("a\x1b[31mb") == "a\\x1b[31mb");
  CHECK(escape_controls("bell\x07") == "bell\\x07");
  CHECK(escape_controls("cr\r") == "cr\\x0d");
  CHECK(escape_controls("c1\xc2\x9b") == "c1\\u009b");
  CHECK(escape_controls("bidi\xe2\x80\xae") == "bidi\\u202e");
  CHECK(escape_controls("tab\there") == "tab here");
  CHECK(escape_controls("two\nlines") == "two\nlines");
  CHECK(escape_controls("two\nlines", Newlines::escape) == "two\\x0alines");
  CHECK(escape_controls("한국어 ok") == "한국어 ok");
}

TEST_CASE("has_control_characters ignores tab and newline") {
  CHECK_FALSE(has_control_characters("a\tb\nc"));
  CHECK(has_control_characters("a\x1b"));
  CHECK(has_control_characters("\xe2\x81\xa6"));  // U+2066 isolate
}

// Printable ASCII is skipped eight bytes at a time: a control character must be found at
// every offset of a word, and in the bytes after the last whole word.
TEST_CASE("has_control_characters finds a control character at any offset") {
  for (std::size_t at = 0; at < 24; ++at) {
    INFO("offset " << at);
    std::string text(24, 'a');
    for (const char c : {'\x1b', '\x07', '\x7f', '\r', '\b', '\0'}) {
      text[at] = c;
      CHECK(has_control_characters(text));
    }
    for (const char c : {'\t', '\n', '~', ' '}) {
      text[at] = c;
      CHECK_FALSE(has_control_characters(text));
    }
    text.replace(at, 1, "\xc2\x9b");  // CSI as a C1 control, U+009B
    CHECK(has_control_characters(text));
    text.replace(at, 2, "\xc3\xa9");  // é
    CHECK_FALSE(has_control_characters(text));
  }
}

TEST_CASE("escaping finds a control character at any offset of a long string") {
  // Printable ASCII is skipped 16 bytes at a time: put each kind of stop at every offset
  // of the first blocks, with text on both sides.
  const std::pair<std::string, std::string> cases[] = {
      {"\x1b", "\\x1b"},
      {"\x7f", "\\x7f"},
      {"\x01", "\\x01"},
      {"\xc2\x9b", "\\u009b"},
      {"\xe2\x80\xae", "\\u202e"},
      {"\xc3\xa9", "\xc3\xa9"},
      {"\xff", "\\xff"},
      {"~", "~"},
      {" ", " "},
      {"\xe2\x80\x94", "\xe2\x80\x94"},              // an em dash, as it is
      {"\xf0\x9f\x98\x80", "\xf0\x9f\x98\x80"},      // U+1F600, four bytes
      {"\xed\x95\x9c", "\xed\x95\x9c"},              // 한
      {"\xed\xa0\x80", "\\xed\\xa0\\x80"},           // a surrogate: not UTF-8
      {"\xc0\xaf", "\\xc0\\xaf"},                    // an overlong '/'
      {"\xe0\x80\xaf", "\\xe0\\x80\\xaf"},           // another
      {"\xf4\x90\x80\x80", "\\xf4\\x90\\x80\\x80"},  // above U+10FFFF
      {"\xe2\x81\xa6", "\\u2066"},                   // LRI, a bidi control
      {"\xc2\xa0", "\xc2\xa0"},                      // no-break space, as it is
      {"\xe2\x80", "\\xe2\\x80"}};                   // cut short
  for (const auto& [raw, escaped] : cases) {
    for (std::size_t at = 0; at < 40; ++at) {
      const std::string before(at, 'a'), after(21, 'b');
      INFO("offset " << at << ", escaped " << escaped);
      CHECK(escape_controls(before + raw + after) == before + escaped + after);
    }
  }
}

TEST_CASE("Markdown literals escape punctuation and control characters in one pass") {
  CHECK(markdown_literal("") == "");
  CHECK(markdown_literal("plain words, 34,078.") == "plain words, 34,078.");
  CHECK(markdown_literal("*bold* _it_ `code` [link](x) <b> a|b #1 C:\\") ==
        "\\*bold\\* \\_it\\_ \\`code\\` \\[link\\](x) \\<b\\> a\\|b \\#1 C:\\\\");
  CHECK(markdown_literal("\xed\x83\x88\xeb\xb6\x81 *") == "\xed\x83\x88\xeb\xb6\x81 \\*");
  CHECK(markdown_literal("a\x1b[31m_b\nc") == "a\\x1b\\[31m\\_b\\x0ac");
  CHECK(markdown_literal("a\nb", Newlines::to_space) == "a b");
  CHECK(markdown_literal("a\nb", Newlines::keep) == "a\nb");
}

TEST_CASE("the one decoder reads each character and refuses what is not well-formed UTF-8") {
  using nkfacts::util::decode_utf8;
  CHECK(decode_utf8("A", 0).code_point == U'A');
  CHECK(decode_utf8("A", 0).length == 1);
  CHECK(decode_utf8("\xc3\xa9", 0).code_point == U'\u00e9');
  CHECK(decode_utf8("\xed\x95\x9c", 0).code_point == U'\ud55c');  // 한
  CHECK(decode_utf8("\xed\x95\x9c", 0).length == 3);
  CHECK(decode_utf8("\xf0\x9f\x98\x80", 0).code_point == U'\U0001F600');
  CHECK(decode_utf8("x\xe2\x80\xae", 1).code_point == U'\u202e');
  // Each of these has length 0: cut short, a stray continuation byte, overlong forms, a
  // surrogate, past U+10FFFF, the end of the text.
  for (const std::string_view bad : {"\xe2\x80", "\x80", "\xc0\xaf", "\xe0\x80\xaf", "\xed\xa0\x80",
                                     "\xf4\x90\x80\x80", "\xff"}) {
    CHECK(decode_utf8(bad, 0).length == 0);
  }
  CHECK(decode_utf8("", 0).length == 0);
  CHECK(decode_utf8("ab", 2).length == 0);
}

#include "load/toml_hazards.hpp"

#include <catch2/catch.hpp>

using namespace nkfacts::load;

TEST_CASE("non-ASCII outside quotes is caught before toml++ sees it (fuzz finding)") {
  // The fuzzer's input: U+FEDF at the top level made toml++ 3.3 reach unreachable code.
  const auto hazard = find_parser_hazard("\xef\xbb\x9figure]d\"x \"\"=");
  REQUIRE(hazard.has_value());
  CHECK(hazard->offset == 0);
  CHECK(hazard->message == "character U+FEDF is not allowed outside a quoted string");
  CHECK(find_parser_hazard("a = 1 \xc3\xa9\n")->offset == 6);
}

TEST_CASE("non-ASCII inside strings and comments is left to the parser") {
  CHECK_FALSE(find_parser_hazard("a = \"caf\xc3\xa9\"\nb = 'caf\xc3\xa9'\n# caf\xc3\xa9\n"));
  CHECK_FALSE(find_parser_hazard("a = \"\"\"\n\xed\x83\x88\xeb\xb6\x81\n\"\"\"\n"));
  CHECK_FALSE(find_parser_hazard("a = '''\ncaf\xc3\xa9\n'''\n"));
  CHECK_FALSE(find_parser_hazard("a = \"x \\\" caf\xc3\xa9\"\n"));  // escaped quote
  CHECK_FALSE(find_parser_hazard("\xef\xbb\xbf# a BOM is fine\n"));
}

TEST_CASE("a backslash may not be followed by a character toml++ breaks on (fuzz finding)") {
  // The fuzzer's second input: backslash, spaces, then U+00E8, in a multi-line string.
  const auto hazard = find_parser_hazard("a = \"\"\"\n]\\   \xc3\xa8\"\"\"\n");
  REQUIRE(hazard.has_value());
  CHECK(hazard->message == "character U+00E8 cannot follow a backslash");
  CHECK(find_parser_hazard("a = \"x\\\xc3\xa8\"\n").has_value());
  CHECK_FALSE(find_parser_hazard("a = \"x\\\xed\x83\x88\"\n"));  // Hangul is safe
}

TEST_CASE("a line continued with a backslash may not start with a character toml++ breaks on") {
  const auto hazard = find_parser_hazard("a = \"\"\"x\\\n   \xc3\xa9\"\"\"\n");
  REQUIRE(hazard.has_value());
  CHECK(hazard->message == "character U+00E9 cannot start a line continued with a backslash");
  // Hangul is classified correctly by toml++ and passes.
  CHECK_FALSE(find_parser_hazard("a = \"\"\"x\\\n   \xed\x83\x88\"\"\"\n"));
  CHECK(breaks_toml_whitespace_table(0xFEDF));
  CHECK_FALSE(breaks_toml_whitespace_table(0xFEFF));
  CHECK_FALSE(breaks_toml_whitespace_table(0xAC00));
}

// The scan tests 16 bytes at a time: a stop must be found at every offset of a block, in
// the bytes after the last whole block, and across the boundary between two blocks.
TEST_CASE("the scan finds a hazard at every offset, in whole blocks and in the tail") {
  for (std::size_t at = 0; at < 40; ++at) {
    INFO("offset " << at);
    std::string key(40, 'k');
    key.replace(at, 2, "\xc3\xa9");  // é, outside quotes
    const auto outside = find_parser_hazard(key + " = 1\n");
    REQUIRE(outside.has_value());
    CHECK(outside->offset == at);
    // Inside a basic string the scan must stop at the backslash, wherever it falls.
    std::string text = "a = \"" + std::string(at, 'x') + "\\\xc3\xa8\"\n";
    const auto after_backslash = find_parser_hazard(text);
    REQUIRE(after_backslash.has_value());
    CHECK(after_backslash->offset == 5 + at + 1);
    // A closing quote anywhere ends the string, and non-ASCII inside it is fine.
    CHECK_FALSE(find_parser_hazard("a = \"" + std::string(at, 'x') + "\xc3\xa9\"\nb = 2\n"));
  }
}

TEST_CASE("a quote right after a bare value opens no string (fuzz finding)") {
  // toml++ takes the quotes as part of the value and tests what follows for whitespace.
  const auto hazard = find_parser_hazard("t = 0462-01-2= 01T!0:0\"\"\"\xc3\xa9&\"\"\n");
  REQUIRE(hazard.has_value());
  CHECK(hazard->offset == 25);
  CHECK(find_parser_hazard("x = 1'\xc3\xa9'\n").has_value());
  // Everywhere valid TOML opens a string, non-ASCII inside it is fine.
  CHECK_FALSE(find_parser_hazard("a=\"\xc3\xa9\"\nb = [\"\xc3\xa9\",'\xc3\xa9']\nc = {d=\"\xc3\xa9\"}\n"
                                 "e.\"\xc3\xa9\" = 1\n[\"\xc3\xa9\"]\n\"\xc3\xa9\" = 1\r\n'\xc3\xa9' = 2\n"
                                 "f =\t\"\"\"\xc3\xa9\"\"\"\n"));
}

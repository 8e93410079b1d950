#include "load/toml_hazards.hpp"

#include <fmt/format.h>

#include "util/scan.hpp"
#include "util/utf8.hpp"

namespace nkfacts::load {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t';
}

// After a backslash in a basic string toml++ tests the next character, past any spaces,
// for whitespace: it must be safe to test.
std::optional<ParserHazard> check_after_backslash(std::string_view text, std::size_t backslash);

}  // namespace

namespace {

std::optional<ParserHazard> check_after_backslash(std::string_view text, std::size_t backslash) {
  std::size_t j = backslash + 1;
  while (j < text.size() && is_space(text[j])) ++j;
  if (j >= text.size() || static_cast<unsigned char>(text[j]) < 0x80) return std::nullopt;
  const auto cp = static_cast<std::uint32_t>(util::decode_utf8(text, j).code_point);
  if (!breaks_toml_whitespace_table(cp)) return std::nullopt;
  return ParserHazard{j, fmt::format("character U+{:04X} cannot follow a backslash", cp),
                      "a backslash escapes only ASCII characters, such as \\n or \\u00E9"};
}

}  // namespace

bool breaks_toml_whitespace_table(std::uint32_t cp) {
  return (cp >= 0xA1 && cp <= 0x499) || (cp >= 0x2C5E && cp <= 0x2FFF) ||
         (cp >= 0x3001 && cp <= 0x3057) || (cp >= 0xFB26 && cp <= 0xFEFE);
}

std::optional<ParserHazard> find_parser_hazard(std::string_view text) {
  enum class State { normal, comment, basic, literal, multiline_basic, multiline_literal };
  constexpr std::string_view k_basic3 = "\"\"\"";
  constexpr std::string_view k_literal3 = "'''";
  State state = State::normal;
  const std::size_t first =
      text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;  // a byte-order mark is fine
  std::size_t i = first;
  auto at = [&](std::string_view what) { return text.substr(i, what.size()) == what; };
  while (i < text.size()) {
    if (state == State::normal) i = util::skip_to_any<true, '"', '\'', '#'>(text, i);
    if (state == State::basic) i = util::skip_to_any<false, '\\', '"', '\n'>(text, i);
    if (i >= text.size()) break;
    const char c = text[i];
    switch (state) {
      case State::normal:
        if (static_cast<unsigned char>(c) >= 0x80) {
          return ParserHazard{
              i,
              fmt::format("character U+{:04X} is not allowed outside a quoted string",
                          static_cast<std::uint32_t>(util::decode_utf8(text, i).code_point)),
              "TOML allows only ASCII outside quotes; put text in a quoted string"};
        }
        // In valid TOML a quote opens a string only after a space, a line break, '=', '[',
        // '{', ',' or '.'. Right after other text ("0:0\"") toml++ takes it as part of
        // a bare value and reads on, testing each character for whitespace: what
        // follows is not quoted for it, so it is not for this scan either (fuzz finding).
        if ((c == '"' || c == '\'') && i > first &&
            std::string_view(" \t\r\n=[{,.").find(text[i - 1]) == std::string_view::npos) {
          ++i;
          break;
        }
        // The three-quote tests run only at a quote: this loop sees every byte of a file.
        if (c == '"' && at(k_basic3)) {
          state = State::multiline_basic;
          i += 3;
        } else if (c == '\'' && at(k_literal3)) {
          state = State::multiline_literal;
          i += 3;
        } else {
          if (c == '#') state = State::comment;
          if (c == '"') state = State::basic;
          if (c == '\'') state = State::literal;
          ++i;
        }
        break;
      case State::comment: {
        const auto end = text.find('\n', i);
        i = end == std::string_view::npos ? text.size() : end + 1;
        state = State::normal;
        break;
      }
      case State::basic:
        if (c == '\\') {
          if (auto hazard = check_after_backslash(text, i)) return hazard;
        }
        if (c == '"' || c == '\n') state = State::normal;
        i += c == '\\' ? 2 : 1;  // an escape takes the next byte with it
        break;
      case State::literal:
        if (c == '\'' || c == '\n') state = State::normal;
        ++i;
        break;
      case State::multiline_basic: {
        if (c == '"' && at(k_basic3)) {
          i += 3;
          while (i < text.size() && text[i] == '"') ++i;  // up to two quotes end the content
          state = State::normal;
          break;
        }
        if (c != '\\') {
          ++i;
          break;
        }
        if (auto hazard = check_after_backslash(text, i)) return hazard;
        std::size_t j = i + 1;
        while (j < text.size() && is_space(text[j])) ++j;
        if (j >= text.size() || (text[j] != '\n' && text[j] != '\r')) {
          i += 2;  // an ordinary escape
          break;
        }
        // A line-ending backslash: toml++ skips the whitespace after it, testing each
        // character, so the first one that is not whitespace must be safe to test.
        while (j < text.size() && (is_space(text[j]) || text[j] == '\n' || text[j] == '\r')) ++j;
        if (j < text.size() && static_cast<unsigned char>(text[j]) >= 0x80) {
          const auto cp = static_cast<std::uint32_t>(util::decode_utf8(text, j).code_point);
          if (breaks_toml_whitespace_table(cp)) {
            return ParserHazard{
                j,
                fmt::format("character U+{:04X} cannot start a line continued with a backslash",
                            cp),
                "join the lines, or begin the continued line with an ASCII character"};
          }
        }
        i = j;
        break;
      }
      case State::multiline_literal:
        if (c == '\'' && at(k_literal3)) {
          i += 3;
          while (i < text.size() && text[i] == '\'') ++i;
          state = State::normal;
        } else {
          ++i;
        }
        break;
    }
  }
  return std::nullopt;
}

}  // namespace nkfacts::load

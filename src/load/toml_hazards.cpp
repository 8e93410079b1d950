#include "load/toml_hazards.hpp"

#include <fmt/format.h>

#include <vector>

#include "load/limits.hpp"
#include "load/say.hpp"
#include "util/scan.hpp"
#include "util/text.hpp"
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
  return ParserHazard{
      j, say("character U+{:04X} cannot follow a backslash", cp),
      std::string(util::tr("a backslash escapes only ASCII characters, such as \\n or \\u00E9"))};
}

}  // namespace

bool breaks_toml_whitespace_table(std::uint32_t cp) {
  return (cp >= 0xA1 && cp <= 0x499) || (cp >= 0x2C5E && cp <= 0x2FFF) ||
         (cp >= 0x3001 && cp <= 0x3057) || (cp >= 0xFB26 && cp <= 0xFEFE);
}

namespace {

// Arrays and inline tables open around the scan, with how much each holds so far. toml++
// builds the whole tree before the loader sees a record, so a 60 MB file of one array
// would take gigabytes: the limits are counted here, on the text, before parsing.
class Containers {
 public:
  std::optional<ParserHazard> open(char kind, std::size_t offset) {
    if (m_open.size() == k_max_toml_depth) {
      return ParserHazard{
          offset, say("arrays and inline tables nested more than {} deep", k_max_toml_depth),
          std::string(
              util::tr("flatten the data: nesting this deep is never needed in a fact file"))};
    }
    m_open.push_back({kind, offset, 0});
    return std::nullopt;
  }
  void close(char kind) {
    if (!m_open.empty() && m_open.back().kind == kind) m_open.pop_back();
  }
  bool empty() const { return m_open.empty(); }
  // A ',' or '=' directly inside the innermost one.
  std::optional<ParserHazard> separator(char c) {
    if (m_open.empty()) return std::nullopt;
    auto& innermost = m_open.back();
    if (innermost.kind == '[' && c == ',' && ++innermost.count >= k_max_array_elements) {
      return ParserHazard{innermost.offset,
                          say("this array holds more than {} elements",
                              util::format_number(static_cast<double>(k_max_array_elements), true)),
                          std::string(util::tr("split the data over records or files"))};
    }
    if (innermost.kind == '{' && c == '=' && ++innermost.count > k_max_inline_table_keys) {
      return ParserHazard{
          innermost.offset,
          say("this inline table holds more than {} keys",
              util::format_number(static_cast<double>(k_max_inline_table_keys), true)),
          std::string(util::tr("write it as a [table] instead"))};
    }
    return std::nullopt;
  }

 private:
  struct Open {
    char kind;           // '[' or '{'
    std::size_t offset;  // where it opens
    std::size_t count;   // commas in an array, keys in an inline table
  };
  std::vector<Open> m_open;
};

}  // namespace

std::optional<ParserHazard> find_parser_hazard(std::string_view text) {
  enum class State { normal, comment, basic, literal, multiline_basic, multiline_literal };
  constexpr std::string_view k_basic3 = "\"\"\"";
  constexpr std::string_view k_literal3 = "'''";
  State state = State::normal;
  Containers containers;
  bool value_next = false;  // after '=' on a line outside any container: '[' opens an array
  bool header = false;      // on a [table] or [[table]] header line
  std::size_t values = 0;   // keys and array elements so far
  // The brackets, braces, commas and equals signs outside strings and comments.
  const auto structure = [&](char c, std::size_t at) -> std::optional<ParserHazard> {
    switch (c) {
      case '\n':
        if (containers.empty()) value_next = header = false;
        return std::nullopt;
      case '=':
      case ',':
        // Every value is one '=' (a key's) or follows one ',' (in an array), more or less:
        // the parser's memory grows with their number, whatever their size.
        if (++values > k_max_values_per_file) {
          return ParserHazard{
              at,
              say("this file holds more than {} values",
                  util::format_number(static_cast<double>(k_max_values_per_file), true)),
              std::string(util::tr("split it into several files"))};
        }
        if (!containers.empty()) return containers.separator(c);
        if (c == '=' && !header) value_next = true;
        return std::nullopt;
      case '[':
        if (containers.empty() && !value_next) {
          header = true;
          return std::nullopt;
        }
        return containers.open('[', at);
      case '{':
        if (header) return std::nullopt;
        return containers.open('{', at);
      case ']':
        if (!header) containers.close('[');
        return std::nullopt;
      default:  // '}'
        containers.close('{');
        return std::nullopt;
    }
  };
  const std::size_t first =
      text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;  // a byte-order mark is fine
  std::size_t i = first;
  auto at = [&](std::string_view what) { return text.substr(i, what.size()) == what; };
  while (i < text.size()) {
    if (state == State::normal) {
      i = util::skip_to_any<true, '"', '\'', '#', '[', ']', '{', '}', ',', '=', '\n'>(text, i);
    }
    if (state == State::basic) i = util::skip_to_any<false, '\\', '"', '\n'>(text, i);
    if (i >= text.size()) break;
    const char c = text[i];
    switch (state) {
      case State::normal:
        if (std::string_view("[]{},=\n").find(c) != std::string_view::npos) {
          if (auto hazard = structure(c, i)) return hazard;
          ++i;
          break;
        }
        if (static_cast<unsigned char>(c) >= 0x80) {
          return ParserHazard{
              i,
              say("character U+{:04X} is not allowed outside a quoted string",
                  static_cast<std::uint32_t>(util::decode_utf8(text, i).code_point)),
              std::string(
                  util::tr("TOML allows only ASCII outside quotes; put text in a quoted string"))};
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
                j, say("character U+{:04X} cannot start a line continued with a backslash", cp),
                std::string(util::tr(
                    "join the lines, or begin the continued line with an ASCII character"))};
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

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

// The scan of find_parser_hazard: where it is in the text and what it is inside of (a
// string, a comment, arrays and inline tables). Each step reads the byte at `m_i` and moves
// past what it has read, or returns the hazard found there.
class HazardScan {
 public:
  explicit HazardScan(std::string_view text)
      : m_text(text),
        m_first(text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0),  // a byte-order mark is fine
        m_i(m_first) {}

  std::optional<ParserHazard> run();

 private:
  enum class State { normal, comment, basic, literal, multiline_basic, multiline_literal };
  static constexpr std::string_view k_basic3 = "\"\"\"";
  static constexpr std::string_view k_literal3 = "'''";

  bool at(std::string_view what) const { return m_text.substr(m_i, what.size()) == what; }
  std::optional<ParserHazard> structure(char c, std::size_t offset);
  std::optional<ParserHazard> step_normal(char c);
  std::optional<ParserHazard> step_multiline_basic(char c);
  // Past the closing quotes of a multi-line string, and up to two more that end its content.
  void close_multiline(char quote);

  std::string_view m_text;
  std::size_t m_first;  // the first byte after a byte-order mark
  std::size_t m_i;
  State m_state = State::normal;
  Containers m_containers;
  bool m_value_next = false;  // after '=' on a line outside any container: '[' opens an array
  bool m_header = false;      // on a [table] or [[table]] header line
  std::size_t m_values = 0;   // keys and array elements so far
};

// The brackets, braces, commas and equals signs outside strings and comments.
std::optional<ParserHazard> HazardScan::structure(char c, std::size_t offset) {
  switch (c) {
    case '\n':
      if (m_containers.empty()) m_value_next = m_header = false;
      return std::nullopt;
    case '=':
    case ',':
      // Every value is one '=' (a key's) or follows one ',' (in an array), more or less:
      // the parser's memory grows with their number, whatever their size.
      if (++m_values > k_max_values_per_file) {
        return ParserHazard{
            offset,
            say("this file holds more than {} values",
                util::format_number(static_cast<double>(k_max_values_per_file), true)),
            std::string(util::tr("split it into several files"))};
      }
      if (!m_containers.empty()) return m_containers.separator(c);
      if (c == '=' && !m_header) m_value_next = true;
      return std::nullopt;
    case '[':
      if (m_containers.empty() && !m_value_next) {
        m_header = true;
        return std::nullopt;
      }
      return m_containers.open('[', offset);
    case '{':
      if (m_header) return std::nullopt;
      return m_containers.open('{', offset);
    case ']':
      if (!m_header) m_containers.close('[');
      return std::nullopt;
    default:  // '}'
      m_containers.close('{');
      return std::nullopt;
  }
}

std::optional<ParserHazard> HazardScan::step_normal(char c) {
  if (std::string_view("[]{},=\n").find(c) != std::string_view::npos) {
    auto hazard = structure(c, m_i);
    ++m_i;
    return hazard;
  }
  if (static_cast<unsigned char>(c) >= 0x80) {
    return ParserHazard{m_i,
                        say("character U+{:04X} is not allowed outside a quoted string",
                            static_cast<std::uint32_t>(util::decode_utf8(m_text, m_i).code_point)),
                        std::string(util::tr(
                            "TOML allows only ASCII outside quotes; put text in a quoted string"))};
  }
  // In valid TOML a quote opens a string only after a space, a line break, '=', '[',
  // '{', ',' or '.'. Right after other text ("0:0\"") toml++ takes it as part of
  // a bare value and reads on, testing each character for whitespace: what
  // follows is not quoted for it, so it is not for this scan either (fuzz finding).
  if ((c == '"' || c == '\'') && m_i > m_first &&
      std::string_view(" \t\r\n=[{,.").find(m_text[m_i - 1]) == std::string_view::npos) {
    ++m_i;
    return std::nullopt;
  }
  // The three-quote tests run only at a quote: this loop sees every byte of a file.
  if (c == '"' && at(k_basic3)) {
    m_state = State::multiline_basic;
    m_i += 3;
  } else if (c == '\'' && at(k_literal3)) {
    m_state = State::multiline_literal;
    m_i += 3;
  } else {
    if (c == '#') m_state = State::comment;
    if (c == '"') m_state = State::basic;
    if (c == '\'') m_state = State::literal;
    ++m_i;
  }
  return std::nullopt;
}

void HazardScan::close_multiline(char quote) {
  m_i += 3;
  while (m_i < m_text.size() && m_text[m_i] == quote) ++m_i;
  m_state = State::normal;
}

std::optional<ParserHazard> HazardScan::step_multiline_basic(char c) {
  if (c == '"' && at(k_basic3)) {
    close_multiline('"');
    return std::nullopt;
  }
  if (c != '\\') {
    ++m_i;
    return std::nullopt;
  }
  if (auto hazard = check_after_backslash(m_text, m_i)) return hazard;
  std::size_t j = m_i + 1;
  while (j < m_text.size() && is_space(m_text[j])) ++j;
  if (j >= m_text.size() || (m_text[j] != '\n' && m_text[j] != '\r')) {
    m_i += 2;  // an ordinary escape
    return std::nullopt;
  }
  // A line-ending backslash: toml++ skips the whitespace after it, testing each
  // character, so the first one that is not whitespace must be safe to test.
  while (j < m_text.size() && (is_space(m_text[j]) || m_text[j] == '\n' || m_text[j] == '\r')) ++j;
  if (j < m_text.size() && static_cast<unsigned char>(m_text[j]) >= 0x80) {
    const auto cp = static_cast<std::uint32_t>(util::decode_utf8(m_text, j).code_point);
    if (breaks_toml_whitespace_table(cp)) {
      return ParserHazard{
          j, say("character U+{:04X} cannot start a line continued with a backslash", cp),
          std::string(
              util::tr("join the lines, or begin the continued line with an ASCII character"))};
    }
  }
  m_i = j;
  return std::nullopt;
}

std::optional<ParserHazard> HazardScan::run() {
  while (m_i < m_text.size()) {
    if (m_state == State::normal) {
      m_i =
          util::skip_to_any<true, '"', '\'', '#', '[', ']', '{', '}', ',', '=', '\n'>(m_text, m_i);
    }
    if (m_state == State::basic) m_i = util::skip_to_any<false, '\\', '"', '\n'>(m_text, m_i);
    if (m_i >= m_text.size()) break;
    const char c = m_text[m_i];
    std::optional<ParserHazard> hazard;
    switch (m_state) {
      case State::normal:
        hazard = step_normal(c);
        break;
      case State::comment: {
        const auto end = m_text.find('\n', m_i);
        m_i = end == std::string_view::npos ? m_text.size() : end + 1;
        m_state = State::normal;
        break;
      }
      case State::basic:
        if (c == '\\') hazard = check_after_backslash(m_text, m_i);
        if (c == '"' || c == '\n') m_state = State::normal;
        m_i += c == '\\' ? 2 : 1;  // an escape takes the next byte with it
        break;
      case State::literal:
        if (c == '\'' || c == '\n') m_state = State::normal;
        ++m_i;
        break;
      case State::multiline_basic:
        hazard = step_multiline_basic(c);
        break;
      case State::multiline_literal:
        if (c == '\'' && at(k_literal3)) {
          close_multiline('\'');
        } else {
          ++m_i;
        }
        break;
    }
    if (hazard) return hazard;
  }
  return std::nullopt;
}

}  // namespace

std::optional<ParserHazard> find_parser_hazard(std::string_view text) {
  return HazardScan(text).run();
}

}  // namespace nkfacts::load

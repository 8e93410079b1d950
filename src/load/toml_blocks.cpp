#include "load/toml_blocks.hpp"

#include <algorithm>

#include "util/scan.hpp"

namespace nkfacts::load {
namespace {

constexpr bool is_bare_key_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

// From just past a string's opening quotes to just past its closing ones. A single-line
// string also ends at a newline (an error the parser reports), which is left for the
// caller to count. A multi-line string's closing quotes may be followed by up to two more
// quotes, which belong to the string.
std::size_t skip_string(std::string_view text, std::size_t i, char quote, bool multi_line) {
  const std::size_t n = text.size();
  if (multi_line) {
    const char closing[] = {quote, quote, quote};
    std::size_t end = std::string_view::npos;
    if (quote == '\'') {
      end = text.find(std::string_view(closing, 3), i);  // literal: no escapes
    } else {
      for (std::size_t j = util::skip_to_any<false, '\\', '"'>(text, i); j < n;
           j = util::skip_to_any<false, '\\', '"'>(text, j)) {
        if (text[j] == '\\') {
          j += 2;  // the escaped byte, or the newline of a line-ending backslash
        } else if (text.compare(j, 3, std::string_view(closing, 3)) == 0) {
          end = j;
          break;
        } else {
          ++j;
        }
      }
    }
    if (end == std::string_view::npos) return n;
    std::size_t j = end + 3;
    for (int extra = 0; extra < 2 && j < n && text[j] == quote; ++extra) ++j;
    return j;
  }
  if (quote == '\'') {
    const std::size_t j = util::skip_to_any<false, '\'', '\n'>(text, i);
    return j < n && text[j] == quote ? j + 1 : j;
  }
  for (std::size_t j = util::skip_to_any<false, '\\', '"', '\n'>(text, i); j < n;
       j = util::skip_to_any<false, '\\', '"', '\n'>(text, j)) {
    const char c = text[j];
    if (c == '\n') return j;
    if (c == quote) return j + 1;
    j += j + 1 < n && text[j + 1] != '\n' ? 2 : 1;  // a backslash and what it escapes
  }
  return n;
}

// The blocks of `text` between the cuts, the prefix before the first one included, each
// with the number of lines before it.
void add_blocks(std::string_view text, const std::vector<std::size_t>& cuts, TomlBlocks& result) {
  result.blocks.reserve(cuts.size() + 1);
  std::size_t begin = 0;
  std::uint32_t line = 0;
  std::size_t newline = text.find('\n');  // found by memchr: std::count went byte by byte
  for (std::size_t b = 0; b <= cuts.size(); ++b) {
    const std::size_t end = b < cuts.size() ? cuts[b] : text.size();
    result.blocks.push_back({begin, end, line});
    for (; newline < end; newline = text.find('\n', newline + 1)) ++line;
    begin = end;
  }
}

}  // namespace

std::optional<TomlBlocks> split_toml_blocks(std::string_view text, std::size_t block_bytes,
                                            std::span<const std::string_view> kinds) {
  const std::size_t n = text.size();
  std::vector<std::size_t> cuts;  // where each block after the prefix starts
  TomlBlocks result;
  std::string_view record;  // the kind of the latest `[[kind]]` line; empty in the prefix
  int depth = 0;            // arrays and inline tables open around the scan
  bool line_start = true;   // at the start of a line outside every value
  std::size_t i = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  while (i < n) {
    if (line_start) {
      line_start = false;
      const std::size_t line_begin = i;
      while (i < n && (text[i] == ' ' || text[i] == '\t')) ++i;
      if (i == n || text[i] != '[') continue;
      // A table header. Only its first key decides; the rest of the line is the parser's.
      const std::size_t eol = std::min(text.find('\n', i), n);
      const bool array = i + 1 < n && text[i + 1] == '[';
      const std::size_t name = i + (array ? 2 : 1);
      const std::string_view header = text.substr(name, eol - std::min(name, eol));
      std::size_t k = 0;
      while (k < header.size() && is_bare_key_char(header[k])) ++k;
      const std::string_view first = header.substr(0, k);
      const std::string_view after = header.substr(k);
      if (array && after.substr(0, 2) == "]]" &&
          std::find(kinds.begin(), kinds.end(), first) != kinds.end()) {
        if (cuts.empty() || line_begin - cuts.back() >= block_bytes) cuts.push_back(line_begin);
        if (std::find(result.opened.begin(), result.opened.end(), first) == result.opened.end()) {
          result.opened.push_back(first);
        }
        record = first;
      } else if (!record.empty() && (first != record || after.substr(0, 1) != ".")) {
        return std::nullopt;  // a header that does not continue the record above it
      }
      i = eol;
      continue;
    }
    // Only these bytes can change what the scan is inside of.
    i = util::skip_to_any<false, '\n', '#', '"', '\'', '[', ']', '{', '}'>(text, i);
    if (i == n) break;
    switch (const char c = text[i]) {
      case '\n':
        ++i;
        line_start = depth == 0;
        break;
      case '#':
        i = std::min(text.find('\n', i), n);
        break;
      case '"':
      case '\'': {
        const bool multi_line = i + 2 < n && text[i + 1] == c && text[i + 2] == c;
        i = skip_string(text, i + (multi_line ? 3 : 1), c, multi_line);
        break;
      }
      case '[':
      case '{':
        ++depth;
        ++i;
        break;
      default:  // ']' or '}'
        if (depth > 0) --depth;
        ++i;
        break;
    }
  }
  if (cuts.size() < 2) return std::nullopt;
  add_blocks(text, cuts, result);
  return result;
}

}  // namespace nkfacts::load

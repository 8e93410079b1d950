#include "util/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

#include "util/scan.hpp"
#include "util/utf8.hpp"

namespace nkfacts::util {
namespace {

std::string group_integer_digits(std::string_view digits) {
  std::string out;
  const std::size_t first = digits.size() % 3 == 0 ? 3 : digits.size() % 3;
  out.append(digits.substr(0, first));
  for (std::size_t i = first; i < digits.size(); i += 3) {
    out += ',';
    out.append(digits.substr(i, 3));
  }
  return out;
}

// "-1234.5" as "-1,234.5": the sign and the decimals kept, the whole part grouped.
std::string grouped_number(std::string_view text) {
  std::string out;
  if (!text.empty() && text.front() == '-') {
    out += '-';
    text.remove_prefix(1);
  }
  const auto dot = text.find('.');
  out += group_integer_digits(text.substr(0, dot));
  if (dot != std::string_view::npos) out.append(text.substr(dot));
  return out;
}

}  // namespace

std::string format_number(double value, bool grouped, int max_decimals) {
  if (std::nearbyint(value) == value && std::fabs(value) < 1e15) {
    // Whole numbers, the common case (counts, years), without a format string: tables
    // print dozens of them, and this path costs a fifth of fmt::format's.
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, static_cast<long long>(value)).ptr;
    const std::string_view text(digits, static_cast<std::size_t>(end - digits));
    return grouped ? grouped_number(text) : std::string(text);
  }
  std::string text = fmt::format("{:.{}f}", value, max_decimals);
  while (!text.empty() && text.back() == '0') text.pop_back();
  if (!text.empty() && text.back() == '.') text.pop_back();
  return grouped ? grouped_number(text) : text;
}

std::string format_percent(double numerator, double denominator) {
  if (denominator == 0) return "";
  return fmt::format("{:.1f}", numerator * 100.0 / denominator);
}

std::string wrap(std::string_view text, std::size_t width, std::string_view first_indent,
                 std::string_view indent) {
  std::string out;
  out.reserve(text.size() + text.size() / 8 + first_indent.size() + 1);
  wrap_into(out, text, width, first_indent, indent);
  return out;
}

namespace {

// A paragraph that wraps by byte offsets: printable ASCII only (a column a byte), words
// one space apart, no space at either end. Most text is, and its lines can then be
// found and copied whole instead of word by word.
bool simple_paragraph(std::string_view paragraph) {
  const char* const chars = paragraph.data();
  const std::size_t size = paragraph.size();
  if (size == 0 || chars[0] == ' ' || chars[size - 1] == ' ') return false;
  std::size_t i = 0;
#if defined(__SSE2__)
  // 16 bytes a step: a byte that is not printable ASCII, or a space followed by a space.
  const __m128i space = _mm_set1_epi8(' ');
  for (; i + 17 <= size; i += 16) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(chars + i));
    const __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(chars + i + 1));
    const __m128i bad = _mm_or_si128(
        not_printable_ascii(block),
        _mm_and_si128(_mm_cmpeq_epi8(block, space), _mm_cmpeq_epi8(next, space)));
    if (_mm_movemask_epi8(bad) != 0) return false;
  }
#endif
  for (; i < size; ++i) {
    if (!is_printable_ascii(static_cast<unsigned char>(chars[i]))) return false;
    if (chars[i] == ' ' && chars[i + 1] == ' ') return false;  // the last byte is not a space
  }
  return true;
}

// Wraps `text` into `out`. The first line starts `first_columns` in: with `first_indent`
// written there, or (for wrap_rest) after text already on the line.
void wrap_lines(std::string& out, std::string_view text, std::size_t width,
                std::string_view first_indent, std::size_t first_columns, std::string_view indent) {
  // Written straight into `out`, line by line: a line built apart and then copied in cost
  // a quarter of a command that prints a list of citations (bench/README.md).
  const std::size_t indent_width = display_width(indent);
  std::size_t line_start = 0;
  bool first_line = true;
  while (line_start <= text.size()) {
    const auto newline = text.find('\n', line_start);
    const std::string_view paragraph =
        text.substr(line_start, newline == std::string_view::npos ? std::string_view::npos
                                                                   : newline - line_start);
    std::size_t line_begin = out.size();
    out.append(first_line ? first_indent : indent);
    std::size_t column = first_line ? first_columns : indent_width;
    if (simple_paragraph(paragraph)) {
      // Each line is the longest run of whole words that ends within the width (at least
      // one word): up to the last space at or before the line's room.
      std::string_view rest = paragraph;
      for (;;) {
        const std::size_t room = column < width ? width - column : 0;
        if (width == 0 || rest.size() <= room) break;
        auto end = rest.rfind(' ', room);
        if (end == std::string_view::npos) end = rest.find(' ');  // a word longer than the line
        if (end == std::string_view::npos) break;
        out.append(rest.substr(0, end));
        out += '\n';
        out.append(indent);
        column = indent_width;
        rest.remove_prefix(end + 1);
      }
      out.append(rest);
      out += '\n';
      first_line = false;
      if (newline == std::string_view::npos) break;
      line_start = newline + 1;
      continue;
    }
    bool line_has_word = false;
#if defined(__SSE2__)
    const __m128i space = _mm_set1_epi8(' ');
#endif
    const char* const chars = paragraph.data();
    const std::size_t size = paragraph.size();
    std::size_t pos = 0;
    while (pos < size) {
      while (pos < size && chars[pos] == ' ') ++pos;
      if (pos >= size) break;
      // The word, and whether it is all printable ASCII (0x20-0x7E), one column a byte:
      // most words are, and measuring them here saves a call per word.
      std::size_t end = pos;
      unsigned plain = 1;
#if defined(__SSE2__)
      if (pos + 16 <= size) {  // a word of up to 15 bytes: one step
        const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(chars + pos));
        const auto spaces = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(block, space)));
        if (spaces != 0) {
          const auto length = static_cast<unsigned>(__builtin_ctz(spaces));
          const auto odd = static_cast<unsigned>(_mm_movemask_epi8(not_printable_ascii(block)));
          plain = (odd & ((1u << length) - 1)) == 0;
          end = pos + length;
        }
      }
      if (end == pos)
#endif
      {
        while (end < size && chars[end] != ' ') {
          plain &= static_cast<unsigned>(is_printable_ascii(static_cast<unsigned char>(chars[end])));
          ++end;
        }
      }
      const std::string_view word(chars + pos, end - pos);
      const std::size_t word_width = plain ? word.size() : display_width(word);
      const std::size_t needed = column + (line_has_word ? 1 : 0) + word_width;
      if (line_has_word && width > 0 && needed > width) {
        out += '\n';
        line_begin = out.size();
        out.append(indent);
        column = indent_width;
        line_has_word = false;
      }
      if (line_has_word) {
        out += ' ';
        ++column;
      }
      out.append(word);
      column += word_width;
      line_has_word = true;
      pos = end;
    }
    // A blank paragraph keeps its line but no trailing indentation.
    if (!line_has_word) {
      while (out.size() > line_begin && out.back() == ' ') out.pop_back();
    }
    out += '\n';
    first_line = false;
    if (newline == std::string_view::npos) break;
    line_start = newline + 1;
  }
}

}  // namespace

void wrap_into(std::string& out, std::string_view text, std::size_t width,
               std::string_view first_indent, std::string_view indent) {
  wrap_lines(out, text, width, first_indent, display_width(first_indent), indent);
}

void wrap_rest_into(std::string& out, std::string_view text, std::size_t width,
                    std::size_t first_columns, std::string_view indent) {
  wrap_lines(out, text, width, {}, first_columns, indent);
}

std::string wrap_rest(std::string_view text, std::size_t width, std::string_view first_indent,
                      std::string_view indent) {
  std::string out;
  out.reserve(text.size() + text.size() / 8 + 1);
  wrap_rest_into(out, text, width, display_width(first_indent), indent);
  return out;
}

std::string pad_right(std::string_view text, std::size_t width) {
  std::string out(text);
  const auto used = display_width(text);
  if (used < width) out.append(width - used, ' ');
  return out;
}

std::string pad_left(std::string_view text, std::size_t width) {
  const auto used = display_width(text);
  std::string out(used < width ? width - used : 0, ' ');
  out.append(text);
  return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

namespace {

// Whether `a` becomes `b` by swapping two neighbouring bytes ("2052" and "2025"): the
// commonest slip of the fingers, which plain edit distance counts as two changes.
bool one_swap_apart(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  std::size_t first = 0;
  while (first < a.size() && a[first] == b[first]) ++first;
  return first + 1 < a.size() && a[first] == b[first + 1] && a[first + 1] == b[first] &&
         a.substr(first + 2) == b.substr(first + 2);
}

}  // namespace

std::vector<std::string> closest_matches(std::string_view word,
                                         const std::vector<std::string>& candidates,
                                         std::size_t count) {
  struct Scored {
    std::size_t distance;
    bool contains;
    const std::string* text;
  };
  std::vector<Scored> scored;
  for (const auto& candidate : candidates) {
    // Containment suggests an id only for words long enough to mean something ("a" is in
    // almost every id).
    const bool contains = word.size() >= 3 && candidate.find(word) != std::string::npos;
    const std::size_t distance = one_swap_apart(word, candidate) ? 1 : edit_distance(word, candidate);
    // Plausible: a small edit relative to the length (a third of it, at least two), or the
    // word appears inside the id.
    const std::size_t limit = std::max<std::size_t>(2, word.size() / 3);
    if (contains || distance <= limit) scored.push_back({distance, contains, &candidate});
  }
  std::sort(scored.begin(), scored.end(), [](const Scored& x, const Scored& y) {
    if (x.contains != y.contains) return x.contains;
    if (x.distance != y.distance) return x.distance < y.distance;
    return *x.text < *y.text;
  });
  std::vector<std::string> out;
  for (std::size_t i = 0; i < scored.size() && i < count; ++i) out.push_back(*scored[i].text);
  return out;
}

std::string quoted_alternatives(const std::vector<std::string>& items, std::string_view word) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += (i + 1 == items.size()) ? fmt::format(" {} ", word) : std::string(", ");
    out += '\'';
    out += items[i];
    out += '\'';
  }
  return out;
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

std::optional<std::string> take_back_if_any(std::string& out, std::size_t start,
                                            std::string_view bytes) {
  // A table of the bytes, then one lookup a byte: string_view::find_first_of searches
  // `bytes` for every byte of the text, which made BibTeX entries a fifth slower.
  std::array<bool, 256> wanted{};
  for (const char c : bytes) wanted[static_cast<unsigned char>(c)] = true;
  std::size_t i = start;
  while (i < out.size() && !wanted[static_cast<unsigned char>(out[i])]) ++i;
  if (i == out.size()) return std::nullopt;
  std::string written = out.substr(start);
  out.resize(start);
  return written;
}

}  // namespace nkfacts::util

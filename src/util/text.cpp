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
  if (std::fabs(value) > k_exact_integer_limit) return fmt::format("{}", value);
  if (std::nearbyint(value) == value) {
    // Whole numbers, the common case (counts, years), without a format string: tables
    // print dozens of them, and this path costs a fifth of fmt::format's.
    char digits[24];
    const auto end =
        std::to_chars(digits, digits + sizeof digits, static_cast<long long>(value)).ptr;
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

// Whether a line may break between two characters of a word: beside a wide character
// (Japanese and Chinese are written without spaces), never inside a URL.
bool wide_at(std::string_view word, std::size_t i, std::size_t& length) {
  length = std::max<std::size_t>(1, decode_utf8(word, i).length);
  return display_width(word.substr(i, length)) > 1;
}

// Writes `word` from `column` on (after a space when the line has a word already), broken
// into pieces at the places wide_at allows, each piece on the current line when it fits
// there, else on a new line with `indent`.
// Returns the column after it.
std::size_t break_wide_word(std::string& out, std::string_view word, std::size_t width,
                            std::size_t column, bool line_has_word, std::string_view indent,
                            std::size_t indent_width) {
  std::size_t piece_start = 0;
  std::size_t i = 0;
  bool previous_wide = false;
  while (piece_start < word.size()) {
    // The piece: up to the next place a line may break.
    std::size_t length = 0;
    do {
      const bool wide = wide_at(word, i, length);
      if (i > piece_start && (wide || previous_wide)) break;
      previous_wide = wide;
      i += length;
    } while (i < word.size());
    const std::string_view piece = word.substr(piece_start, i - piece_start);
    const std::size_t piece_width = display_width(piece);
    const std::size_t space = piece_start == 0 && line_has_word ? 1 : 0;
    if (line_has_word && column + space + piece_width > width) {
      out += '\n';
      out.append(indent);
      column = indent_width;
    } else if (space) {
      out += ' ';
      ++column;
    }
    out.append(piece);
    column += piece_width;
    line_has_word = true;
    piece_start = i;
  }
  return column;
}

// One paragraph (no newline in it) from `column` on: words are what lies between spaces,
// a run of spaces between two words is written as one, and each line takes the words that
// fit within `width` (at least one: a word longer than the line stands alone). Words one
// space apart, as most text is, are copied as one run, a line or more at a time.
// `line_begin` is where the line, with its indentation, starts in `out`.
void wrap_paragraph(std::string& out, std::size_t line_begin, std::string_view paragraph,
                    std::size_t width, std::size_t column, std::string_view indent,
                    std::size_t indent_width) {
  const std::size_t size = paragraph.size();
  std::size_t run_start = 0;  // the words not yet written, [run_start, run_end), one space apart
  std::size_t run_end = 0;
  bool line_has_word = false;
  std::size_t pos = 0;
  while (pos < size) {
    const std::size_t gap_start = pos;
    while (pos < size && paragraph[pos] == ' ') ++pos;
    if (pos >= size) break;
    const auto [end, plain] = word_at(paragraph, pos);
    const std::size_t word_width =
        plain ? end - pos : display_width(paragraph.substr(pos, end - pos));
    if (!plain && width > 0 && indent_width + word_width > width &&
        paragraph.substr(pos, end - pos).find("://") == std::string_view::npos) {
      // Wider than a whole line, and not ASCII: Japanese or Chinese, written without
      // spaces, is broken beside its wide characters (never inside a run of others).
      out.append(paragraph.data() + run_start, run_end - run_start);
      column = break_wide_word(out, paragraph.substr(pos, end - pos), width, column, line_has_word,
                               indent, indent_width);
      run_start = run_end = end;
      line_has_word = true;
      pos = end;
      continue;
    }
    if (line_has_word && width > 0 && column + 1 + word_width > width) {
      out.append(paragraph.data() + run_start, run_end - run_start);
      out += '\n';
      if (indent_width + word_width > width && word_width <= width &&
          indent.find_first_not_of(' ') == std::string_view::npos) {
        // A word too wide for an indented line (an id): indented less, so that it fits. One
        // wider than any line (a long URL) keeps the indentation.
        column = width - word_width;
        out.append(column, ' ');
      } else {
        out.append(indent);
        column = indent_width;
      }
      line_has_word = false;
    }
    if (!line_has_word) {
      run_start = pos;
    } else if (pos - gap_start != 1) {  // more than one space: write the run, then one space
      out.append(paragraph.data() + run_start, run_end - run_start);
      out += ' ';
      run_start = pos;
      ++column;
    } else {
      ++column;
    }
    run_end = end;
    column += word_width;
    line_has_word = true;
    pos = end;
  }
  if (line_has_word) {
    out.append(paragraph.data() + run_start, run_end - run_start);
  } else {
    // A blank paragraph keeps its line but no trailing indentation.
    while (out.size() > line_begin && out.back() == ' ') out.pop_back();
  }
  out += '\n';
}

// Wraps `text` into `out`, paragraph by paragraph. The first line starts `first_columns`
// in: with `first_indent` written there, or (for wrap_rest) after text already on the line.
void wrap_lines(std::string& out, std::string_view text, std::size_t width,
                std::string_view first_indent, std::size_t first_columns, std::string_view indent) {
  // Written straight into `out`: a line built apart and then copied in cost a quarter of
  // a command that prints a list of citations (bench/README.md).
  const std::size_t indent_width = display_width(indent);
  std::size_t line_start = 0;
  bool first_line = true;
  for (;;) {
    const auto newline = text.find('\n', line_start);
    const std::string_view paragraph =
        text.substr(line_start, newline == std::string_view::npos ? std::string_view::npos
                                                                  : newline - line_start);
    const std::size_t line_begin = out.size();
    out.append(first_line ? first_indent : indent);
    wrap_paragraph(out, line_begin, paragraph, width, first_line ? first_columns : indent_width,
                   indent, indent_width);
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

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t bound) {
  return edit_distance(std::span<const char>(a), std::span<const char>(b), bound);
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
  if (word.size() > k_longest_compared || count == 0) return {};
  // Plausible: a small edit relative to the length (a third of it, at least two), or the
  // word appears inside the id.
  const std::size_t limit = std::max<std::size_t>(2, word.size() / 3);
  std::vector<Scored> scored;
  // The distances of the `count` closest so far: a candidate farther than all of them
  // can no longer be shown, so its comparison stops there.
  std::vector<std::size_t> best;
  for (const auto& candidate : candidates) {
    if (candidate.size() > k_longest_compared) continue;
    // Containment suggests an id only for words long enough to mean something ("a" is in
    // almost every id).
    const bool contains = word.size() >= 3 && candidate.find(word) != std::string::npos;
    const std::size_t bound = best.size() < count ? limit : std::min(limit, best.back());
    const std::size_t distance =
        one_swap_apart(word, candidate)
            ? 1
            : edit_distance(word, candidate, contains ? k_longest_compared : bound);
    if (!contains && distance > bound) continue;
    scored.push_back({distance, contains, &candidate});
    if (!contains) {
      best.insert(std::upper_bound(best.begin(), best.end(), distance), distance);
      if (best.size() > count) best.pop_back();
    }
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

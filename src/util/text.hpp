// Plain text helpers: number formatting, wrapping by display width, padding, edit distance.
#pragma once

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/edit_distance.hpp"

namespace nkfacts::util {

// Whole numbers up to this magnitude (2^53) are exact in a double: every writer prints
// them as integers, digit for digit.
inline constexpr double k_exact_integer_limit = 9007199254740992.0;

// Room reserved for a whole answer before it is written: 256 KB, a block glibc gives a
// mapping of its own, whose pages are touched only as the text reaches them. Room never
// written costs nothing, and a long answer is never copied into a larger block as it grows
// (a copy touches every page of the answer again: bench/README.md, page faults).
inline constexpr std::size_t k_answer_room = 256 * 1024;

// "34537" -> "34,537" when grouped. Non-integral values keep up to `max_decimals` digits.
// Beyond k_exact_integer_limit a double does not hold every integer, and the shortest form
// that reads back as the same double is written ("9.223372036854776e+18"), not digits
// the value does not have.
std::string format_number(double value, bool grouped, int max_decimals = 3);

// Percentage with one decimal: 72.2
std::string format_percent(double numerator, double denominator);

// Appends the decimal digits of a whole number ("-12", "2020"), without a format string:
// markers, footnote numbers, years and list numbers are written this way by the dozen.
template <typename Integer>
void append_integer(std::string& out, Integer number) {
  char digits[24];
  out.append(digits, std::to_chars(digits, digits + sizeof digits, number).ptr);
}

// Breaks `text` into lines of at most `width` columns at spaces (never inside a word; a word
// longer than the line stands alone). Newlines in `text` start a new line. Each line after
// the first starts with `indent` (measured by display width); the first starts with
// `first_indent`. Every line ends with '\n'. width 0 means: do not wrap.
std::string wrap(std::string_view text, std::size_t width, std::string_view first_indent,
                 std::string_view indent);
// The same, appended to `out` (no string of its own for the result).
void wrap_into(std::string& out, std::string_view text, std::size_t width,
               std::string_view first_indent, std::string_view indent);

// The same for text that continues a line already begun: the first line is measured as if
// it started with `first_indent` (the columns already used), which is not written. An
// empty first line comes back as a bare line end.
std::string wrap_rest(std::string_view text, std::size_t width, std::string_view first_indent,
                      std::string_view indent);
// The same, appended to `out`, with the columns already used on the first line given.
void wrap_rest_into(std::string& out, std::string_view text, std::size_t width,
                    std::size_t first_columns, std::string_view indent);

// Pads with spaces to `width` display columns, on the right or on the left.
std::string pad_right(std::string_view text, std::size_t width);
std::string pad_left(std::string_view text, std::size_t width);

// Damerau-free Levenshtein distance in bytes, for "did you mean", exact up to `bound` and
// bound + 1 beyond it (util/edit_distance.hpp: strings over 100 bytes are never compared).
std::size_t edit_distance(std::string_view a, std::string_view b,
                          std::size_t bound = k_longest_compared);

// The `count` candidates closest to `word` (by edit distance, then prefix, then bytes),
// leaving out those too far off to be a plausible typo.
std::vector<std::string> closest_matches(std::string_view word,
                                         const std::vector<std::string>& candidates,
                                         std::size_t count = 3);

// "a", "a or b", "a, b or c" with each item quoted in single quotes.
std::string quoted_alternatives(const std::vector<std::string>& items, std::string_view word);

bool starts_with(std::string_view text, std::string_view prefix);

// For text escaped straight into `out` that a format must then rewrite (quoting a csv
// field, BibTeX's special characters): what was appended since `start`, taken back out of
// `out`, when it holds any of `bytes`; nullopt, and `out` untouched, when it holds none,
// as most text does.
std::optional<std::string> take_back_if_any(std::string& out, std::size_t start,
                                            std::string_view bytes);

}  // namespace nkfacts::util

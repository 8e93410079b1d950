#include "util/words.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <span>

#include "util/edit_distance.hpp"
#include "util/utf8.hpp"

namespace nkfacts::util {
namespace {

constexpr std::array<bool, 128> k_ascii_word = [] {
  std::array<bool, 128> table{};
  for (int c = '0'; c <= '9'; ++c) table[c] = true;
  for (int c = 'a'; c <= 'z'; ++c) table[c] = true;
  for (int c = 'A'; c <= 'Z'; ++c) table[c] = true;
  return table;
}();

bool is_ascii_digit(char c) {
  return c >= '0' && c <= '9';
}

// The code point at text[i] and its length in bytes; an invalid sequence is one byte, -1.
std::size_t decode(std::string_view text, std::size_t i, utf8proc_int32_t& cp) {
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data()) + i;
  const auto length = utf8proc_iterate(bytes, static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
  if (length <= 0) {
    cp = -1;
    return 1;
  }
  return static_cast<std::size_t>(length);
}

bool is_word_code_point(utf8proc_int32_t cp) {
  if (cp < 0) return false;
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return true;
    default:
      return false;
  }
}

// ' and its typographic look-alikes: ’ (the usual one in typeset text), ‘ and ʼ.
bool is_apostrophe(utf8proc_int32_t cp) {
  return cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC;
}

// Whether a word character starts at text[i].
bool word_character_at(std::string_view text, std::size_t i) {
  if (i >= text.size()) return false;
  const auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) return k_ascii_word[c];
  utf8proc_int32_t cp = 0;
  decode(text, i, cp);
  return is_word_code_point(cp);
}

}  // namespace

bool next_word(std::string_view text, std::size_t from, std::size_t& begin, std::size_t& end) {
  const std::size_t size = text.size();
  std::size_t i = from;
  while (i < size) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (k_ascii_word[c]) break;
      ++i;
      continue;
    }
    utf8proc_int32_t cp = 0;
    const std::size_t length = decode(text, i, cp);
    if (is_word_code_point(cp)) break;
    i += length;
  }
  if (i >= size) return false;
  begin = i;
  while (i < size) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (k_ascii_word[c]) {
        ++i;
        continue;
      }
      if ((c == ',' || c == '.') && is_ascii_digit(text[i - 1]) && i + 1 < size &&
          is_ascii_digit(text[i + 1])) {
        i += 2;
        continue;
      }
      if (c == '\'' && word_character_at(text, i + 1)) {
        ++i;
        continue;
      }
      break;
    }
    utf8proc_int32_t cp = 0;
    const std::size_t length = decode(text, i, cp);
    if (is_word_code_point(cp) || (is_apostrophe(cp) && word_character_at(text, i + length))) {
      i += length;
      continue;
    }
    break;
  }
  end = i;
  return true;
}

void fold_word(std::string_view word, std::string& out) {
  out.clear();
  bool ascii = true;
  std::size_t apostrophe = std::string::npos;  // where in `out` the last apostrophe was
  for (std::size_t i = 0; i < word.size();) {
    const auto c = static_cast<unsigned char>(word[i]);
    if (c < 0x80) {
      if (c == '\'') {
        apostrophe = out.size();
      } else if (c != ',') {
        out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
      }
      ++i;
      continue;
    }
    utf8proc_int32_t cp = 0;
    const std::size_t length = decode(word, i, cp);
    if (is_apostrophe(cp)) {
      apostrophe = out.size();
    } else {
      ascii = false;
      out.append(word.substr(i, length));
    }
    i += length;
  }
  // The possessive: "Hanawon's" and "Hanawon’s" are "hanawon".
  if (apostrophe != std::string::npos && apostrophe + 1 == out.size() && out.back() == 's') {
    out.pop_back();
  }
  if (ascii || is_hangul_word(out)) return;
  utf8proc_uint8_t* mapped = nullptr;
  const auto options =
      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE |
                                     UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
  const auto length = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(out.data()),
                                   static_cast<utf8proc_ssize_t>(out.size()), &mapped, options);
  if (length >= 0 && mapped)
    out.assign(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(length));
  std::free(mapped);
}

std::vector<Word> split_words(std::string_view text) {
  std::vector<Word> words;
  std::size_t begin = 0, end = 0;
  for (std::size_t from = 0; next_word(text, from, begin, end); from = end) {
    Word word;
    fold_word(text.substr(begin, end - begin), word.text);
    word.begin = begin;
    word.end = end;
    words.push_back(std::move(word));
  }
  return words;
}

bool is_hangul_word(std::string_view word) {
  if (word.empty() || word.size() % 3 != 0) return false;
  for (std::size_t i = 0; i < word.size(); i += 3) {
    const auto decoded = decode_utf8(word, i);
    if (decoded.length != 3 || decoded.code_point < 0xAC00 || decoded.code_point > 0xD7A3) {
      return false;
    }
  }
  return true;
}

std::string_view strip_korean_particle(std::string_view word) {
  // Longest first, so that "에서" goes before "서" could, and "들의" before "의".
  static constexpr std::string_view k_particles[] = {
      "에서는", "에게서", "으로는", "으로서", "으로써", "이라는", "들에게", "에서", "에게",
      "한테",   "께서",   "까지",   "부터",   "으로",   "처럼",   "보다",   "이나", "이란",
      "라는",   "들의",   "들이",   "들은",   "들을",   "들과",   "들도",   "에는", "와의",
      "과의",   "의",     "이",     "가",     "을",     "를",     "은",     "는",   "에",
      "로",     "와",     "과",     "도",     "만",     "들"};
  if (!is_hangul_word(word)) return word;
  for (const auto particle : k_particles) {
    if (word.size() >= particle.size() + 6 && word.ends_with(particle)) {
      return word.substr(0, word.size() - particle.size());
    }
  }
  return word;
}

std::size_t code_point_count(std::string_view word) {
  std::size_t count = 0;
  for (const char c : word) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

namespace {

// The code points of `text` into `out`, their number; more than k_longest_compared: none.
std::size_t code_points(std::string_view text,
                        std::array<utf8proc_int32_t, k_longest_compared + 1>& out) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size(); ++n) {
    if (n == out.size()) return out.size();
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      out[n] = c;
      ++i;
    } else {
      i += decode(text, i, out[n]);
    }
  }
  return n;
}

}  // namespace

CodePoints::CodePoints(std::string_view word) {
  std::array<utf8proc_int32_t, k_longest_compared + 1> decoded;
  size = code_points(word, decoded);
  std::copy(decoded.begin(), decoded.begin() + static_cast<std::ptrdiff_t>(size), points.begin());
  for (std::size_t i = 0; i < size; ++i) {
    const auto cp = points[i];
    if (cp >= 0 && cp < 0x80) {
      ascii[cp >> 6] |= std::uint64_t{1} << (cp & 63);
    } else {
      all_ascii = false;
    }
  }
}

std::size_t word_distance(const CodePoints& a, std::string_view b, std::size_t bound) {
  std::array<utf8proc_int32_t, k_longest_compared + 1> y;
  const std::size_t ny = code_points(b, y);
  static_assert(sizeof(utf8proc_int32_t) == sizeof(std::int32_t));
  return edit_distance(std::span<const std::int32_t>(a.points.data(), a.size),
                       std::span<const std::int32_t>(y.data(), ny), bound);
}

LetterCheck letters_missing(const CodePoints& a, std::string_view b, std::size_t bound) {
  const auto a_end = a.points.begin() + static_cast<std::ptrdiff_t>(a.size);
  LetterCheck check;
  for (std::size_t i = 0; i < b.size(); ++i) {
    const auto c = static_cast<unsigned char>(b[i]);
    bool missing;
    if (c < 0x80) {
      missing = (a.ascii[c >> 6] >> (c & 63) & 1) == 0;
    } else if ((c & 0xC0) != 0x80) {
      // A code point starts here; it decodes as code_points decodes it (an invalid
      // sequence is one byte, -1). A stray continuation byte is not counted as missing:
      // the count stays a lower bound.
      missing = a.all_ascii;
      if (!missing) {
        utf8proc_int32_t cp;
        decode(b, i, cp);
        missing = std::find(a.points.begin(), a_end, cp) == a_end;
      }
    } else {
      continue;
    }
    ++check.code_points;
    if (missing && ++check.missing > bound) break;
  }
  return check;
}

std::size_t word_distance(std::string_view a, std::string_view b, std::size_t bound) {
  std::array<utf8proc_int32_t, k_longest_compared + 1> x, y;
  const std::size_t nx = code_points(a, x), ny = code_points(b, y);
  return edit_distance(std::span<const utf8proc_int32_t>(x.data(), nx),
                       std::span<const utf8proc_int32_t>(y.data(), ny), bound);
}

}  // namespace nkfacts::util

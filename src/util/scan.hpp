// Skipping bytes that need no decision, 16 at a time: the one home of the program's
// vector instructions. Each scanner is defined by a plain predicate on one byte (or by the
// plain loop in namespace `scalar`, which is also the fallback where SSE2 is missing); the
// SSE2 version must give the same answer for every input, and tests/unit/scan_test.cpp
// holds it to that at every length and offset. Callers see only the named functions.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace nkfacts::util {

// ---- The predicates: what each scanner looks for, one byte at a time. ----

// Printable ASCII, 0x20-0x7E: a byte that is one column wide and needs no escaping.
constexpr bool is_printable_ascii(unsigned char byte) {
  return byte - 0x20u < 0x5Fu;
}

// A byte a JSON string copies as it is: printable ASCII but the quote and the backslash,
// and every byte from 0x80 up except C2 and E2, the lead bytes of the C1 controls and of
// the bidi controls (which are written as \uXXXX).
constexpr bool is_json_plain_byte(unsigned char byte) {
  return byte >= 0x80 ? byte != 0xC2 && byte != 0xE2
                      : is_printable_ascii(byte) && byte != '"' && byte != '\\';
}

// A byte Markdown text copies as it is: printable ASCII but the punctuation that could
// start or end markup (\ ` * _ [ ] < > | #), which is written with a backslash.
constexpr bool is_markdown_plain(unsigned char byte) {
  return is_printable_ascii(byte) && byte != '\\' && byte != '`' && byte != '*' && byte != '_' &&
         byte != '[' && byte != ']' && byte != '<' && byte != '>' && byte != '|' && byte != '#';
}

// The end of a word, for wrapping.
constexpr bool is_space(unsigned char byte) {
  return byte == ' ';
}

// A lower-case ASCII letter, 'a'-'z': what a folded English word is made of.
constexpr bool is_ascii_lower_letter(unsigned char byte) {
  return byte - unsigned{'a'} < 26u;
}

// ---- Plain definitions, one byte at a time (the fallback, and the tests' reference). ----
namespace scalar {

// The first offset at or after `i` whose byte fails `keep`, or the end.
template <typename Keep>
constexpr std::size_t run_end(std::string_view text, std::size_t i, Keep keep) {
  while (i < text.size() && keep(static_cast<unsigned char>(text[i]))) ++i;
  return i;
}

// A predicate as a table of 256 answers: one load a byte, where the predicate itself
// would branch.
template <bool (*Keep)(unsigned char)>
inline constexpr std::array<bool, 256> k_table = [] {
  std::array<bool, 256> table{};
  for (unsigned c = 0; c < 256; ++c) table[c] = Keep(static_cast<unsigned char>(c));
  return table;
}();

inline std::size_t printable_ascii_end(std::string_view text, std::size_t i) {
  return run_end(text, i, [](unsigned char b) { return k_table<is_printable_ascii>[b]; });
}

inline std::size_t json_plain_end(std::string_view text, std::size_t i) {
  return run_end(text, i, [](unsigned char b) { return k_table<is_json_plain_byte>[b]; });
}
inline std::size_t markdown_plain_end(std::string_view text, std::size_t i) {
  return run_end(text, i, [](unsigned char b) { return k_table<is_markdown_plain>[b]; });
}

struct Word {
  std::size_t end;  // the first space at or after the word's start, or the end of the text
  bool plain;       // every byte of the word is printable ASCII (a column a byte)
};
inline Word word_at(std::string_view text, std::size_t i) {
  const std::size_t end = run_end(text, i, [](unsigned char b) { return !is_space(b); });
  return {end, printable_ascii_end(text.substr(0, end), i) == end};
}

// Copies `size` bytes with 'A'-'Z' lower-cased; true when every byte was ASCII.
inline bool lower_ascii(unsigned char* target, const unsigned char* source, std::size_t size) {
  unsigned char seen = 0;
  for (std::size_t i = 0; i < size; ++i) {
    const unsigned char c = source[i];
    seen |= c;
    target[i] = static_cast<unsigned char>(static_cast<unsigned char>(c - 'A') < 26 ? c + 32 : c);
  }
  return (seen & 0x80) == 0;
}

// The first byte at or after `i` that is one of `Stops` (or, with NonAscii, from 0x80 up),
// or the end.
template <bool NonAscii, char... Stops>
std::size_t skip_to_any(std::string_view text, std::size_t i) {
  static constexpr std::array<bool, 256> stops = [] {
    std::array<bool, 256> table{};
    ((table[static_cast<unsigned char>(Stops)] = true), ...);
    for (unsigned c = 0x80; NonAscii && c < 0x100; ++c) table[c] = true;
    return table;
  }();
  return run_end(text, i, [](unsigned char b) { return !stops[b]; });
}

// The first ASCII digit at or after `i`, or the end.
inline std::size_t skip_to_digit(std::string_view text, std::size_t i) {
  return run_end(text, i,
                 [](unsigned char b) { return static_cast<unsigned char>(b - '0') >= 10; });
}

}  // namespace scalar

// ---- The SSE2 versions (every x86-64 has SSE2). ----
#if defined(__SSE2__)
namespace sse2 {

inline __m128i load(const char* at) {
  return _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
}
inline unsigned marks(__m128i hits) {
  return static_cast<unsigned>(_mm_movemask_epi8(hits));
}

// Marks the bytes of a block that are not printable ASCII. As signed bytes, those below
// 0x20 are less than ' ', and so are those from 0x80 up, which are negative; DEL is the
// one left.
inline __m128i not_printable_ascii(__m128i block) {
  return _mm_or_si128(_mm_cmplt_epi8(block, _mm_set1_epi8(' ')),
                      _mm_cmpeq_epi8(block, _mm_set1_epi8(0x7F)));
}

// From `i`, skips whole 16-byte blocks in which `stops(block)` marks no byte. Returns the
// offset of the first marked byte, or where fewer than 16 bytes are left.
template <typename Stops>
std::size_t skip_unmarked_blocks(std::string_view text, std::size_t i, Stops&& stops) {
  while (i + 16 <= text.size()) {
    const unsigned mask = marks(stops(load(text.data() + i)));
    if (mask != 0) return i + static_cast<std::size_t>(__builtin_ctz(mask));
    i += 16;
  }
  return i;
}

}  // namespace sse2
#endif

// ---- The scanners. ----

// The end of the run of printable ASCII that starts at `i`.
inline std::size_t printable_ascii_end(std::string_view text, std::size_t i) {
#if defined(__SSE2__)
  i = sse2::skip_unmarked_blocks(text, i, sse2::not_printable_ascii);
#endif
  return scalar::printable_ascii_end(text, i);
}

// The end of the run of bytes a JSON string copies as they are (is_json_plain_byte).
inline std::size_t json_plain_end(std::string_view text, std::size_t i) {
#if defined(__SSE2__)
  i = sse2::skip_unmarked_blocks(text, i, [](__m128i block) {
    // Below 0x20, unsigned: the minimum of the byte and 0x1F equals the byte.
    const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(block, _mm_set1_epi8(0x1F)), block);
    const auto is = [&](char c) { return _mm_cmpeq_epi8(block, _mm_set1_epi8(c)); };
    return _mm_or_si128(
        _mm_or_si128(_mm_or_si128(is('"'), is('\\')), _mm_or_si128(is(0x7F), control)),
        _mm_or_si128(is(static_cast<char>(0xC2)), is(static_cast<char>(0xE2))));
  });
#endif
  return scalar::json_plain_end(text, i);
}

// The end of the run of bytes Markdown text copies as they are (is_markdown_plain): most
// of a handout.
inline std::size_t markdown_plain_end(std::string_view text, std::size_t i) {
#if defined(__SSE2__)
  // Korean text stops at every word (its bytes are from 0x80 up), after a short run of
  // spaces and digits: the first bytes are tested one at a time, a block costing more.
  const std::size_t first_bytes = std::min(text.size(), i + 8);
  while (i < first_bytes && scalar::k_table<is_markdown_plain>[static_cast<unsigned char>(text[i])])
    ++i;
  if (i < first_bytes || i == text.size()) return i;
  i = sse2::skip_unmarked_blocks(text, i, [](__m128i block) {
    const auto is = [&](char c) { return _mm_cmpeq_epi8(block, _mm_set1_epi8(c)); };
    return _mm_or_si128(
        _mm_or_si128(
            _mm_or_si128(sse2::not_printable_ascii(block), _mm_or_si128(is('\\'), is('`'))),
            _mm_or_si128(_mm_or_si128(is('*'), is('_')), _mm_or_si128(is('['), is(']')))),
        _mm_or_si128(_mm_or_si128(is('<'), is('>')), _mm_or_si128(is('|'), is('#'))));
  });
#endif
  return scalar::markdown_plain_end(text, i);
}

// The answers of is_markdown_plain (or, when not `markdown`, is_printable_ascii) for every
// byte, as markdown_plain_end and printable_ascii_end read them: for a loop that steps
// over other bytes itself and meets ASCII one byte at a time.
inline const std::array<bool, 256>& plain_bytes(bool markdown) {
  return markdown ? scalar::k_table<is_markdown_plain> : scalar::k_table<is_printable_ascii>;
}

// The word that starts at `i` (not a space): where it ends, and whether it is all
// printable ASCII. A word of up to 15 bytes takes one step.
inline scalar::Word word_at(std::string_view text, std::size_t i) {
#if defined(__SSE2__)
  if (i + 16 <= text.size()) {
    const __m128i block = sse2::load(text.data() + i);
    const unsigned spaces = sse2::marks(_mm_cmpeq_epi8(block, _mm_set1_epi8(' ')));
    if (spaces != 0) {
      const auto length = static_cast<unsigned>(__builtin_ctz(spaces));
      const unsigned odd = sse2::marks(sse2::not_printable_ascii(block));
      return {i + length, (odd & ((1u << length) - 1)) == 0};
    }
  }
#endif
  return scalar::word_at(text, i);
}

// Copies `size` bytes with 'A'-'Z' lower-cased; true when every byte was ASCII.
inline bool lower_ascii(unsigned char* target, const unsigned char* source, std::size_t size) {
  std::size_t i = 0;
  bool ascii = true;
#if defined(__SSE2__)
  // 'A'-'Z' moved by 0x3F land on -128..-103 as signed bytes, and nothing else does, so
  // one signed compare marks the capitals. (GCC 12 at -O2 does not vectorise the loop.)
  __m128i seen = _mm_setzero_si128();
  for (; i + 16 <= size; i += 16) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(source + i));
    seen = _mm_or_si128(seen, block);
    const __m128i capital = _mm_cmplt_epi8(_mm_add_epi8(block, _mm_set1_epi8(0x3F)),
                                           _mm_set1_epi8(static_cast<char>(-128 + 26)));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(target + i),
                     _mm_add_epi8(block, _mm_and_si128(capital, _mm_set1_epi8(0x20))));
  }
  ascii = sse2::marks(seen) == 0;
#endif
  return scalar::lower_ascii(target + i, source + i, size - i) && ascii;
}

// The first byte at or after `i` that is one of `Stops` (or, with NonAscii, from 0x80 up),
// or the end.
template <bool NonAscii, char... Stops>
std::size_t skip_to_any(std::string_view text, std::size_t i) {
#if defined(__SSE2__)
  i = sse2::skip_unmarked_blocks(text, i, [](__m128i block) {
    // A byte from 0x80 up has its high bit set already: it marks itself.
    __m128i hit = NonAscii ? block : _mm_setzero_si128();
    ((hit = _mm_or_si128(hit, _mm_cmpeq_epi8(block, _mm_set1_epi8(Stops)))), ...);
    return hit;
  });
#endif
  return scalar::skip_to_any<NonAscii, Stops...>(text, i);
}

// The first ASCII digit at or after `i`, or the end (check compares the numerals of every
// text with its Korean twin, and most bytes are not digits).
inline std::size_t skip_to_digit(std::string_view text, std::size_t i) {
#if defined(__SSE2__)
  i = sse2::skip_unmarked_blocks(text, i, [](__m128i block) {
    // As signed bytes, '0'-'9' are above '/' and below ':'; bytes from 0x80 up are negative.
    return _mm_and_si128(_mm_cmpgt_epi8(block, _mm_set1_epi8('0' - 1)),
                         _mm_cmplt_epi8(block, _mm_set1_epi8('9' + 1)));
  });
#endif
  return scalar::skip_to_digit(text, i);
}

}  // namespace nkfacts::util

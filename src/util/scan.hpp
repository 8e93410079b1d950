// Skipping bytes that need no decision, 16 at a time. Four scans use it: the loader's
// check for parser hazards and its cutting of large files into blocks, JSON escaping and
// control-character escaping. Each gives its own test of a block; the loop, and finding
// the first byte the test marks, are here, with the tests they share: printable ASCII or
// not, and one of a few given bytes.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace nkfacts::util {

// Printable ASCII, 0x20-0x7E: a byte that is one column wide and needs no escaping.
constexpr bool is_printable_ascii(unsigned char byte) { return byte - 0x20u < 0x5Fu; }

#if defined(__SSE2__)
// The same for 16 bytes: marks those that are not (high bit set in the result). As
// signed bytes, those below 0x20 are less than ' ', and so are those from 0x80 up, which
// are negative; DEL is the one left.
inline __m128i not_printable_ascii(__m128i block) {
  return _mm_or_si128(_mm_cmplt_epi8(block, _mm_set1_epi8(' ')),
                      _mm_cmpeq_epi8(block, _mm_set1_epi8(0x7F)));
}

// From `i`, skips whole 16-byte blocks in which `stops(block)` marks no byte (a marked
// byte has its high bit set in the returned vector). Returns the offset of the first
// marked byte, or where fewer than 16 bytes are left: the caller's byte-by-byte loop
// goes on from there. SSE2 is part of every x86-64; elsewhere the callers' loops do all.
template <typename Stops>
std::size_t skip_unmarked_blocks(std::string_view text, std::size_t i, Stops&& stops) {
  while (i + 16 <= text.size()) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    const int mask = _mm_movemask_epi8(stops(block));
    if (mask != 0) return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
    i += 16;
  }
  return i;
}
#endif

// The first byte at or after `i` that is one of `Stops` (or, with NonAscii, from 0x80
// up), or the end. With SSE2 it tests 16 bytes at a time, then finishes byte by byte.
template <bool NonAscii, char... Stops>
std::size_t skip_to_any(std::string_view text, std::size_t i) {
#if defined(__SSE2__)
  i = skip_unmarked_blocks(text, i, [](__m128i block) {
    // A byte from 0x80 up has its high bit set already: it marks itself.
    __m128i hit = NonAscii ? block : _mm_setzero_si128();
    ((hit = _mm_or_si128(hit, _mm_cmpeq_epi8(block, _mm_set1_epi8(Stops)))), ...);
    return hit;
  });
#endif
  static constexpr std::array<bool, 256> stops = [] {
    std::array<bool, 256> table{};
    ((table[static_cast<unsigned char>(Stops)] = true), ...);
    for (unsigned c = 0x80; NonAscii && c < 0x100; ++c) table[c] = true;
    return table;
  }();
  while (i < text.size() && !stops[static_cast<unsigned char>(text[i])]) ++i;
  return i;
}

}  // namespace nkfacts::util

// Skipping bytes that need no decision, 16 at a time. Three scans use it: the loader's
// check for parser hazards, JSON escaping and control-character escaping. Each gives its
// own test of a block; the loop, and finding the first byte the test marks, are here.
#pragma once

#include <cstddef>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace nkfacts::util {

#if defined(__SSE2__)
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

}  // namespace nkfacts::util

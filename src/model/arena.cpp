#include "model/arena.hpp"

#include <cstdint>

namespace nkfacts::model {
namespace {

// Blocks start small, so a short file costs a page or two, and double up to 1 MB, so a
// file of 50,000 records takes a few dozen allocations. A value larger than a quarter of
// the block size gets a block of its own, so the current block is not wasted.
constexpr std::size_t k_first_block = 4096;
constexpr std::size_t k_largest_block = std::size_t{1} << 20;

}  // namespace

void* Arena::allocate(std::size_t size, std::size_t align) {
  const auto misalignment = reinterpret_cast<std::uintptr_t>(m_next) & (align - 1);
  const std::size_t padding = misalignment == 0 ? 0 : align - misalignment;
  if (m_next && padding + size <= m_left) {
    void* at = m_next + padding;
    m_next += padding + size;
    m_left -= padding + size;
    return at;
  }
  std::size_t block = m_blocks.empty() ? k_first_block : std::min(k_largest_block, m_reserved);
  if (size > block / 4) {
    // Its own block (new[] of std::byte is aligned for any fundamental type); the open
    // block stays open for the small values that follow.
    m_blocks.push_back(std::make_unique_for_overwrite<std::byte[]>(size));
    m_reserved += size;
    return m_blocks.back().get();
  }
  block = std::max(block, k_first_block);
  m_blocks.push_back(std::make_unique_for_overwrite<std::byte[]>(block));
  m_reserved += block;
  m_next = m_blocks.back().get() + size;
  m_left = block - size;
  return m_blocks.back().get();
}

}  // namespace nkfacts::model

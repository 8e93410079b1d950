// Storage for the text and lists of records loaded at run time. The model holds views
// (std::string_view, std::span) so that the embedded facts can be constant data in the
// binary, built by nothing at start-up (bench/README.md); records read from a file point
// into an Arena that their FactBase keeps alive.
//
// An arena only grows: it copies what it is given into large blocks and frees them all
// together. Only trivially destructible values are kept, so nothing needs destroying.
#pragma once

#include <cstddef>
#include <memory>
#include <span>
#include <string_view>
#include <type_traits>
#include <vector>

namespace nkfacts::model {

class Arena {
 public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;

  // A copy of `text` that lives as long as the arena; empty text takes no room.
  std::string_view keep(std::string_view text) {
    const auto kept = keep(std::span<const char>(text));
    return {kept.data(), kept.size()};
  }

  // A copy of `items` that lives as long as the arena.
  template <typename T>
  std::span<const T> keep(std::span<const T> items) {
    static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>,
                  "an arena never runs destructors");
    if (items.empty()) return {};
    auto* at = static_cast<T*>(allocate(items.size_bytes(), alignof(T)));
    std::uninitialized_copy(items.begin(), items.end(), at);
    return {at, items.size()};
  }
  template <typename T>
  std::span<const T> keep(const std::vector<T>& items) {
    return keep(std::span<const T>(items));
  }

  std::size_t bytes_reserved() const { return m_reserved; }

 private:
  void* allocate(std::size_t size, std::size_t align);

  std::vector<std::unique_ptr<std::byte[]>> m_blocks;
  std::byte* m_next = nullptr;
  std::size_t m_left = 0;
  std::size_t m_reserved = 0;
};

}  // namespace nkfacts::model

// Documented limits that bound memory whatever a fact file holds (man page, FILES section).
#pragma once

#include <cstddef>

namespace nkfacts::load {

inline constexpr std::size_t k_max_file_bytes = 64u * 1024u * 1024u;   // one fact file
inline constexpr std::size_t k_max_records = 500'000;                 // all sources together
inline constexpr std::size_t k_max_string_bytes = 1024u * 1024u;      // one text field
inline constexpr std::size_t k_max_files_per_directory = 10'000;

}  // namespace nkfacts::load

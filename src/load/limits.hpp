// Documented limits that bound memory whatever a fact file holds (man page, FILES section).
#pragma once

#include <cstddef>

namespace nkfacts::load {

inline constexpr std::size_t k_max_file_bytes = 64u * 1024u * 1024u;  // one fact file
inline constexpr std::size_t k_max_records = 500'000;                 // all sources together
inline constexpr std::size_t k_max_string_bytes = 1024u * 1024u;      // one text field
inline constexpr std::size_t k_max_files_per_directory = 10'000;
// Counted on the text before toml++ parses it (load/toml_hazards.cpp): the parser builds the
// whole tree first, so these bound its memory.
inline constexpr std::size_t k_max_array_elements = 10'000;      // one array
inline constexpr std::size_t k_max_inline_table_keys = 1'000;    // one inline table
inline constexpr std::size_t k_max_toml_depth = 128;             // arrays and inline tables
inline constexpr std::size_t k_max_values_per_file = 4'000'000;  // keys and array elements

}  // namespace nkfacts::load

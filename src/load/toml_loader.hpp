// TOML text -> model records. The one loader for the embedded facts (at build time) and for
// users' files (at run time); reports every problem it finds, each with its position.
#pragma once

#include <cstddef>
#include <string_view>

#include "load/load_result.hpp"

namespace nkfacts::load {

// A file larger than this is parsed, converted and freed a block of records at a time
// (load/toml_blocks.hpp), so that it never holds the TOML tree of the whole file.
inline constexpr std::size_t k_parse_block_bytes = 64 * 1024;

// Loads one file's text. `path` is how the file is named in messages. The result's
// facts.files is {"", path}; records point at file 1. `block_bytes` 0 parses the file
// whole; whatever it is, the result is the same (tests compare them).
LoadResult load_text(std::string_view text, std::string_view path,
                     std::size_t block_bytes = k_parse_block_bytes);

// Today's date in UTC: a date after it is an error, in loading and in `check` alike.
model::Date today_utc();

// "3.3.0": the toml++ the loader was built with, for --version --verbose.
std::string toml_library_version();

}  // namespace nkfacts::load

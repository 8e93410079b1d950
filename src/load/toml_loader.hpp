// TOML text -> model records. The one loader for the embedded facts (at build time) and for
// users' files (at run time); reports every problem it finds, each with its position.
#pragma once

#include <string_view>

#include "load/load_result.hpp"

namespace nkfacts::load {

// Loads one file's text. `path` is how the file is named in messages. The result's
// facts.files is {"", path}; records point at file 1.
LoadResult load_text(std::string_view text, std::string_view path);

// "3.3.0": the toml++ the loader was built with, for --version --verbose.
std::string toml_library_version();

}  // namespace nkfacts::load

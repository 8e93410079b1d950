// Help pages, generated from the command table and wrapped to 80 columns.
#pragma once

#include <string>

#include "cli/table.hpp"

namespace nkfacts::cli {

inline constexpr std::size_t k_help_width = 80;

// `nkfacts --help`: the commands, the global options, examples and exit statuses.
std::string top_level_help();
// `nkfacts help CMD`, `nkfacts CMD --help`.
std::string command_help(const Command& command);
// An options list as in the help pages: "  --year Y    only the period..." wrapped.
std::string options_help(std::span<const Option> options);

}  // namespace nkfacts::cli

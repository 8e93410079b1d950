// The command table: names, one-line summaries and help screens. It drives the overview,
// `help`, "did you mean" for commands, and the test that keeps the man page in step.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/fact_base.hpp"

namespace nkfacts::commands {

struct CommandInfo {
  std::string_view name;
  std::string_view summary;   // one line, for listings
  std::string_view help;      // the full help screen, without a trailing newline
};

const std::vector<CommandInfo>& command_table();
const CommandInfo* find_command(std::string_view name);

std::string top_level_help();
// "nkfacts X.Y.Z", the fact base line, any `details` lines (--verbose), then the licence.
// "facts as of 2026-11-25 (108 records, 45 sources)": the newest retrieved or as_of date.
std::string facts_line(const model::FactBase& facts);

std::string version_text(std::string_view facts_line, std::string_view details = {});

}  // namespace nkfacts::commands

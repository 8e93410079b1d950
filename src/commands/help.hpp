// The program's version text and the one line that describes a fact base. (The command
// table and the help pages are the cli layer's: cli/table.hpp.)
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/fact_base.hpp"

namespace nkfacts::commands {

// "nkfacts X.Y.Z", the fact base line, any `details` lines (--verbose), then the licence.
// "facts as of 2026-11-25 (108 records, 45 sources)": the newest retrieved or as_of date.
std::string facts_line(const model::FactBase& facts);

std::string version_text(std::string_view facts_line, std::string_view details = {});

}  // namespace nkfacts::commands

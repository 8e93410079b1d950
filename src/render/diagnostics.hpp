// The one formatter for problems in fact data and for usage errors (docs/cli.md, section 6).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.hpp"
#include "render/terminal.hpp"

namespace nkfacts::render {

// "nkfacts: FILE:LINE:COLUMN: message", the source line with a caret under the column, and
// a "hint:" line. Warnings and notes say so after "nkfacts: ".
std::string format_diagnostic(const model::Diagnostic& diagnostic, const Terminal& terminal);

// Every diagnostic, errors and warnings sorted by file and position, notes in load order.
std::string format_diagnostics(std::vector<model::Diagnostic> diagnostics, const Terminal& terminal,
                               bool include_notes, bool include_warnings);

// The report of `nkfacts check`: one line per problem, "FILE:LINE:COLUMN: error|warning|note:
// message" sorted by file and position, a "  hint: ..." line under it where there is one,
// then a summary line.
std::string format_check_report(std::vector<model::Diagnostic> diagnostics, std::size_t file_count,
                                std::size_t record_count, const Terminal& terminal);

// "nkfacts: message", for a usage error "usage: USAGE", and an optional "hint: ..." line:
// the one shape of every error that stops a command.
std::string format_error(std::string_view message, std::string_view hint, const Terminal& terminal,
                         std::string_view usage = {});

}  // namespace nkfacts::render

// A problem found in fact data, with where it is. Printed by render/diagnostics.
#pragma once

#include <cstdint>
#include <string>

namespace nkfacts::model {

struct SourcePos {         // 1-based; 0 means "not from a file"
  std::uint32_t file = 0;  // index into FactBase::files, 0 when unknown
  std::uint32_t line = 0;
  std::uint32_t column = 0;  // counted in characters (code points)
};

enum class Severity { error, warning, note };

struct Diagnostic {
  Severity severity = Severity::error;
  std::string path;        // the file as the user named it; empty when not about a file
  std::uint32_t line = 0;  // 0: no position
  std::uint32_t column = 0;
  std::string message;
  std::string hint;         // optional: how to fix it
  std::string source_line;  // optional: the text of `line`, for the caret display
};

}  // namespace nkfacts::model

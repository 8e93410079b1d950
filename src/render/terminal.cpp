#include "render/terminal.hpp"

namespace nkfacts::render {
namespace {

// The 8/16 basic colours, bold and dim only, so the user's theme picks the shades.
std::string_view escape_for(Style style) {
  switch (style) {
    case Style::heading:
      return "\x1b[1m";
    case Style::id:
      return "\x1b[36m";
    case Style::number:
      return "\x1b[1m";
    case Style::marker:
      return "\x1b[2m";
    case Style::label:
      return "\x1b[2m";
    case Style::dim:
      return "\x1b[2m";
    case Style::warning:
      return "\x1b[1;33m";
    case Style::error:
      return "\x1b[1;31m";
    case Style::note:
      return "\x1b[1;36m";
    case Style::match:
      return "\x1b[1;31m";
    case Style::bar1:
      return "\x1b[36m";
    case Style::bar2:
      return "\x1b[33m";
    case Style::bar3:
      return "\x1b[35m";
    case Style::bar4:
      return "\x1b[32m";
  }
  return "";
}

}  // namespace

std::string paint(const Terminal& terminal, Style style, std::string_view text) {
  if (!terminal.color || text.empty()) return std::string(text);
  std::string out(escape_for(style));
  out.append(text);
  out.append("\x1b[0m");
  return out;
}

}  // namespace nkfacts::render

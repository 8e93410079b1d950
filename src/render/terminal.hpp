// How output looks on a terminal: width and colour, decided once in main and passed down.
// This file and terminal.cpp are the only places that know escape sequences.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace nkfacts::render {

// What a span of text means; terminal.cpp decides how each looks.
enum class Style {
  heading,
  id,
  number,
  marker,
  label,
  dim,
  warning,
  error,
  note,
  match,
  bar1,
  bar2,
  bar3,
  bar4  // the stacked segments of a bar chart, in column order
};

struct Terminal {
  std::size_t width = 80;  // 0: do not wrap
  bool color = false;
};

// `text` wrapped in the escapes for `style`, or unchanged without colour. Never spans lines:
// callers paint single words or whole single lines.
std::string paint(const Terminal& terminal, Style style, std::string_view text);

}  // namespace nkfacts::render

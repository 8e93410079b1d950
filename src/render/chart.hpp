// Pictures for the terminal: a series as horizontal stacked bars, and events on a year
// axis. Both draw with Unicode block and box characters, or with ASCII when asked.
#pragma once

#include <string>
#include <vector>

#include "model/fact_base.hpp"
#include "render/notes.hpp"
#include "render/terminal.hpp"

namespace nkfacts::render {

enum class Glyphs { unicode, ascii };

// One bar per period, its columns stacked (first column first), scaled so the largest
// total fills the width, each labelled "total = a + b". A period of several years is one
// bar labelled with its span ("1999–2001", "up to 1998"), never spread over years.
// Without colour the columns differ by shade (█ ▒ ░ ▓) or by ASCII letter (# = + %).
void render_bar_chart(std::string& out, const model::Series& series,
                      const std::vector<const model::SeriesPoint*>& points, SourceNotes& notes,
                      const Terminal& terminal, Glyphs glyphs);

// Events in date order beside a year axis: the year once where it changes, a broken axis
// where years without events are skipped, the month and day where known.
void render_timeline(std::string& out, const std::vector<const model::Event*>& events,
                     SourceNotes& notes, const Terminal& terminal, Glyphs glyphs);

}  // namespace nkfacts::render

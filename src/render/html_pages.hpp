// The HTML pages of `-o html`: stats, timeline, routes, dangers, claims, terms and the
// handout, each one self-contained file (render/html.hpp) with its pictures drawn as inline
// SVG and its sources as numbered footnotes at the end, with working links.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "model/fact_base.hpp"
#include "render/citation.hpp"
#include "render/handout.hpp"
#include "render/html.hpp"

namespace nkfacts::render::html {

struct PageOptions {
  Paper paper = Paper::a4;
  // Records from files with this index or above (FactBase::files) are the user's own, and
  // are marked as such; the default marks none.
  std::uint32_t first_own_file = std::numeric_limits<std::uint32_t>::max();
  std::string_view edition;  // "nkfacts 0.1.0, facts as of ...", under the title
  CitationStyle style = CitationStyle::plain;
};

struct SeriesRows {
  const model::Series* series = nullptr;
  std::vector<const model::SeriesPoint*> points;
};

// `stats`: the headline figures (when `figures`), then each series as a chart and a table.
std::string stats_page(const model::FactBase& facts, const std::vector<SeriesRows>& series,
                       bool figures, const PageOptions& options);

// `timeline`: the events on an SVG year axis, numbered, then the same events as a table.
std::string timeline_page(const model::FactBase& facts,
                          const std::vector<const model::Event*>& events,
                          const PageOptions& options);

// `routes`, `dangers`, `claims` and `terms`: the records given, all of one kind, each a
// section (a route with its path drawn), `full` adding what the text shows for named ids.
std::string records_page(const model::FactBase& facts, model::Kind kind,
                         const std::vector<model::RecordRef>& records, bool full,
                         const PageOptions& options);

// `handout -o html`: the one-page sheet, or the lesson pack on `topic` (every part, each
// starting a printed page).
std::string handout_page(const model::FactBase& facts, HandoutTopic topic, HandoutLength length,
                         const PageOptions& options);

// The pictures, appended to `out`; `marks` numbers their footnotes (see the .cpp).
// A series as stacked vertical bars: every non-zero part at least k_min_part high, each
// bar's total written above it, the periods with a note marked with a letter.
inline constexpr double k_min_part = 3.0;
void bar_chart_svg(std::string& out, const model::Series& series,
                   const std::vector<const model::SeriesPoint*>& points);
// A route's places as a drawn path, first to last.
void route_svg(std::string& out, const model::Route& route);
// Events as numbered dots on a proportional year axis (the numbers are the events' order).
void timeline_svg(std::string& out, const std::vector<const model::Event*>& events);

// The letter that marks the n-th noted period (0: "a").
std::string note_letter(std::size_t n);

}  // namespace nkfacts::render::html

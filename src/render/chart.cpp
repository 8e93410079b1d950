#include "render/chart.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

#include "model/localized.hpp"
#include "render/text.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"

namespace nkfacts::render {
namespace {

constexpr std::array<Style, 4> k_bar_styles = {Style::bar1, Style::bar2, Style::bar3, Style::bar4};
constexpr std::array<std::string_view, 4> k_shades = {"\u2588", "\u2592", "\u2591", "\u2593"};
constexpr std::array<std::string_view, 4> k_ascii_shades = {"#", "=", "+", "%"};
constexpr std::array<std::string_view, 12> k_short_months = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// The cell that draws column `column`: a shade of its own, or one full block in its colour.
std::string cell(std::size_t column, const Terminal& terminal, Glyphs glyphs) {
  const auto& shades = glyphs == Glyphs::ascii ? k_ascii_shades : k_shades;
  if (terminal.color) return std::string(shades[0]);
  return std::string(shades[column % shades.size()]);
}

std::string repeat(std::string_view text, std::size_t count) {
  std::string out;
  for (std::size_t i = 0; i < count; ++i) out.append(text);
  return out;
}

std::string number(double value) {
  return util::format_number(value, true);
}

// The legend: each column's cell and name, "█ Men  ▒ Women".
std::string bar_legend(const model::Series& series, const Terminal& terminal, Glyphs glyphs) {
  std::string legend;
  for (std::size_t c = 0; c < series.columns.size(); ++c) {
    if (c > 0) legend += "  ";
    legend += paint(terminal, k_bar_styles[c % k_bar_styles.size()], cell(c, terminal, glyphs));
    legend += ' ' + clean(model::localized(series, &model::Series::columns)[c]);
  }
  return legend;
}

// Labels: the period on the left, "total = a + b" (or the total alone) on the right.
struct BarLabels {
  std::size_t label_width = 0;  // the widest period
  double largest = 0;           // the largest total
  std::vector<std::string> totals, breakdowns;
  std::vector<std::string> spans;  // periods of several years
};

BarLabels bar_labels(const std::vector<const model::SeriesPoint*>& points, std::size_t columns) {
  BarLabels labels;
  for (const auto* point : points) {
    const std::string label = model::display_period(point->period);
    labels.label_width = std::max(labels.label_width, util::display_width(label));
    if (!point->period.is_single_year()) labels.spans.push_back(label);
    double total = 0;
    std::string parts;
    for (std::size_t c = 0; c < point->values.size(); ++c) {
      const double value = std::max(0.0, point->values[c]);
      total += value;
      if (c > 0) parts += " + ";
      parts += number(value);
    }
    labels.largest = std::max(labels.largest, total);
    labels.totals.push_back(number(total));
    labels.breakdowns.push_back(parts);
  }
  // Totals right-aligned, so their digits line up.
  std::size_t total_width = 0;
  for (const auto& total : labels.totals) total_width = std::max(total_width, total.size());
  for (std::size_t i = 0; i < labels.totals.size(); ++i) {
    labels.totals[i] = util::pad_left(labels.totals[i], total_width);
    labels.breakdowns[i] =
        columns > 1 ? labels.totals[i] + " = " + labels.breakdowns[i] : labels.totals[i];
  }
  return labels;
}

// The cells left for the bar once the period, the label and the row's markers have theirs:
// "  PERIOD BAR LABEL [1][3]", on the row that needs most.
std::size_t bar_room(const std::vector<std::string>& labels,
                     const std::vector<std::string>& markers, std::size_t label_width,
                     std::size_t width) {
  std::size_t tail = 0;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    const std::size_t marker_width = markers[i].empty() ? 0 : 1 + util::display_width(markers[i]);
    tail = std::max(tail, util::display_width(labels[i]) + marker_width);
  }
  const std::size_t used = 2 + label_width + 1 + 1 + tail;
  return width > used ? width - used : 0;
}

// "   (people: total = Men + Women)" after the legend, or the unit alone.
std::string unit_line(const model::Series& series, bool breakdown) {
  const std::size_t columns = series.columns.size();
  if (!breakdown || columns <= 1) return fmt::format("   ({})\n", display_unit(series.unit));
  std::string names;
  for (std::size_t c = 0; c < columns; ++c) {
    names += (c ? " + " : "") + clean(model::localized(series, &model::Series::columns)[c]);
  }
  return fmt::format(fmt::runtime(util::tr("   ({}: total = {})\n")), display_unit(series.unit),
                     names);
}

// Each column ends where the running total ends, rounded, so the bar's length is the
// total's and the segments add up exactly. A non-zero column never vanishes: it gets at
// least one cell, taken from the widest column of the bar when it has cells to spare,
// added otherwise (2021: 40 men and 23 women show both, at every width).
std::vector<std::size_t> bar_cells(const model::SeriesPoint& point, double largest,
                                   std::size_t bar_width) {
  std::vector<std::size_t> cells(point.values.size(), 0);
  double running = 0;
  std::size_t drawn = 0;
  for (std::size_t c = 0; c < point.values.size(); ++c) {
    running += std::max(0.0, point.values[c]);
    // The share is kept within [0, 1]: totals past the range of a double (inf / inf)
    // once gave a bar of billions of cells.
    const double share = largest > 0 && std::isfinite(largest) && std::isfinite(running)
                             ? std::clamp(running / largest, 0.0, 1.0)
                             : 0.0;
    const auto end = static_cast<std::size_t>(std::lround(share * static_cast<double>(bar_width)));
    if (end > drawn) {
      cells[c] = end - drawn;
      drawn = end;
    }
  }
  for (std::size_t c = 0; c < cells.size(); ++c) {
    if (cells[c] > 0 || !(point.values[c] > 0)) continue;
    const auto widest = std::max_element(cells.begin(), cells.end());
    if (*widest > 1) --*widest;
    cells[c] = 1;
  }
  return cells;
}

// The bar's cells painted column by column, padded to `bar_width`.
std::string bar_text(const std::vector<std::size_t>& cells, std::size_t bar_width,
                     const Terminal& terminal, Glyphs glyphs) {
  std::string bar;
  std::size_t drawn = 0;
  for (std::size_t c = 0; c < cells.size(); ++c) {
    if (cells[c] == 0) continue;
    bar += paint(terminal, k_bar_styles[c % k_bar_styles.size()],
                 repeat(cell(c, terminal, glyphs), cells[c]));
    drawn += cells[c];
  }
  return bar + std::string(bar_width - std::min(drawn, bar_width), ' ');
}

// "2001-2005 counts several years together, ...": said once under the chart.
void several_years_note(std::string& out, const std::vector<std::string>& spans,
                        const Terminal& terminal) {
  std::string list;
  for (std::size_t i = 0; i < spans.size(); ++i) {
    list += (i == 0 ? "" : i + 1 == spans.size() ? util::tr(" and ") : ", ");
    list += spans[i];
  }
  const std::string_view note =
      spans.size() == 1
          ? util::tr(
                "{} counts several years together, as published; its bar is not one "
                "year's count.")
          : util::tr(
                "{} count several years together, as published; their bars are not one "
                "year's count.");
  out += util::wrap(fmt::format(fmt::runtime(note), list), terminal.width, "  ", "  ");
}

}  // namespace

void render_bar_chart(std::string& out, const model::Series& series,
                      const std::vector<const model::SeriesPoint*>& points, SourceNotes& notes,
                      const Terminal& terminal, Glyphs glyphs) {
  std::vector<std::string> markers_of;
  for (const auto* point : points) markers_of.push_back(notes.markers(point->sources, terminal));
  append_heading(out, clean(model::name_of(series)), notes.markers(series.sources, terminal),
                 terminal);
  const std::string legend = bar_legend(series, terminal, glyphs);
  const BarLabels labels = bar_labels(points, series.columns.size());
  const std::size_t width = terminal.width ? terminal.width : 80;
  std::size_t bar_width = bar_room(labels.breakdowns, markers_of, labels.label_width, width);
  const std::vector<std::string>* shown = &labels.breakdowns;
  if (bar_width < 12) {  // too narrow for the breakdown: the totals alone
    shown = &labels.totals;
    bar_width = bar_room(labels.totals, markers_of, labels.label_width, width);
  }
  // Too narrow even for the totals beside a bar: they go on a line of their own under it.
  const bool label_below = bar_width < 4;
  if (label_below)
    bar_width = std::max<std::size_t>(width - std::min(width, 3 + labels.label_width), 4);
  const std::string below_indent(4, ' ');

  // The legend and the unit on one line where they fit, else each wrapped on its own.
  const std::string unit = unit_line(series, shown == &labels.breakdowns);
  if (terminal.width == 0 || 2 + util::display_width(legend) + util::display_width(unit) <= width) {
    out += "  " + legend + unit;
  } else {
    out += util::wrap(legend, terminal.width, "  ", "  ");
    std::string_view text = unit;
    text.remove_prefix(std::min(text.find_first_not_of(' '), text.size()));
    if (!text.empty() && text.back() == '\n') text.remove_suffix(1);
    out += util::wrap(text, terminal.width, "  ", "   ");
  }
  for (std::size_t i = 0; i < points.size(); ++i) {
    const auto* point = points[i];
    const auto cells = bar_cells(*point, labels.largest, bar_width);
    out += "  " + util::pad_right(model::display_period(point->period), labels.label_width) + ' ';
    std::string bar = bar_text(cells, bar_width, terminal, glyphs);
    if (label_below) {
      bar.erase(bar.find_last_not_of(' ') + 1);
      out += bar + '\n' + below_indent;
    } else {
      out += bar + ' ';
    }
    out += paint(terminal, Style::number, (*shown)[i]);
    if (!markers_of[i].empty()) out += ' ' + markers_of[i];
    out += '\n';
  }
  if (!labels.spans.empty()) several_years_note(out, labels.spans, terminal);
}

void render_timeline(std::string& out, const std::vector<const model::Event*>& events,
                     SourceNotes& notes, const Terminal& terminal, Glyphs glyphs) {
  const std::string_view axis = glyphs == Glyphs::ascii ? "|" : "\u2503";
  const std::string_view gap = glyphs == Glyphs::ascii ? ":" : "\u250a";
  // " 1997 ┃ Feb 12  title [1]": year (5), axis (3), date (6), two spaces.
  // The month and day: "May 21" in English, "5월 21일" (wider) in Korean.
  const bool korean = util::language() == util::Language::ko;
  const std::size_t date_width = korean ? 9 : 6;
  const std::string continuation = fmt::format("      {}   {}", axis, std::string(date_width, ' '));
  const std::string first_blank(10 + date_width, ' ');
  std::optional<int> previous_year;
  for (const auto* event : events) {
    const int year = event->date.year;
    std::string year_text;
    if (previous_year && year == *previous_year) {
      year_text = "     ";
    } else {
      if (previous_year) {
        out += fmt::format("      {}\n",
                           paint(terminal, Style::dim, year > *previous_year + 1 ? gap : axis));
      }
      year_text = paint(terminal, Style::heading, util::pad_left(std::to_string(year), 5));
    }
    previous_year = year;
    std::string date;
    if (event->date.month != 0) {
      if (korean) {
        date = fmt::format("{:2}월", event->date.month);
        if (event->date.day != 0) date += fmt::format(" {:2}일", event->date.day);
      } else {
        date = std::string(k_short_months[event->date.month - 1]);
        if (event->date.day != 0) date += fmt::format(" {:2}", event->date.day);
      }
    }
    const std::string markers = notes.markers(event->sources, terminal);
    const std::string text = clean(model::name_of(*event)) + (markers.empty() ? "" : " " + markers);
    out += year_text + ' ' + paint(terminal, Style::dim, axis) + ' ' +
           paint(terminal, Style::label, util::pad_right(date, date_width)) + "  ";
    out += util::wrap_rest(text, terminal.width, first_blank, continuation);
  }
}

}  // namespace nkfacts::render

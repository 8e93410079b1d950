#include "render/html_pages.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include "model/localized.hpp"
#include "render/notes.hpp"
#include "render/text.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"

namespace nkfacts::render::html {

using model::localized;
using util::tr;

namespace {

// The pages' own CSS, after the shared style sheet (render/html.cpp).
constexpr std::string_view k_css = R"css(
.own { font-size: .75rem; color: #7a3b00; border: 1px solid #c98a4b; border-radius: 3px;
  padding: 0 .25rem; white-space: nowrap; }
.verdict { font-weight: bold; text-transform: uppercase; font-size: .8rem; }
.chart-notes, .sources { font-size: .85rem; }
.sources li { margin: .15rem 0; }
figure { margin: .6rem 0; }
figcaption { font-size: .85rem; color: #333; }
section.record { break-inside: avoid; page-break-inside: avoid; }
@media print { table.long { break-inside: auto; page-break-inside: auto; } }
.korean { font-size: 1.05rem; }
.events td:nth-child(2), .figures td:last-child { white-space: nowrap; }
@media print { section.part { break-before: page; page-break-before: always; }
  section.part:first-of-type { break-before: auto; page-break-before: auto; } }
)css";

std::string number(double value) {
  return util::format_number(value, false, 1);
}

// An inline SVG: drawn in its own coordinates, scaled to the page's width by the CSS.
std::string fmt_svg_open(double width, double height) {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + number(width) + ' ' +
         number(height) + "\" width=\"" + number(width) + "\" height=\"" + number(height) +
         "\" role=\"img\" font-family=\"sans-serif\">\n";
}

}  // namespace

std::string note_letter(std::size_t n) {
  std::string letters;
  do {
    letters.insert(letters.begin(), static_cast<char>('a' + n % 26));
    n /= 26;
  } while (n-- > 0);
  return letters;
}

// --- pictures ---------------------------------------------------------------------------

namespace {

// The bar chart's frame, in the picture's own units, and the columns' colours.
constexpr double k_chart_width = 720, k_chart_left = 24, k_chart_right = 8, k_chart_top = 34,
                 k_chart_plot = 120, k_chart_bottom = 50;
constexpr std::string_view k_colours[] = {"#3b6ea8", "#e0893a", "#5a9e5a", "#9c5bb0"};

// The title, one swatch a column with its name, and the unit on the right.
void chart_legend_svg(std::string& out, const model::Series& series, const model::TextList& names) {
  out += "<title>";
  escape(out, localized(series, &model::Series::name));
  out += "</title>\n";
  double x = k_chart_left;
  for (std::size_t c = 0; c < series.columns.size(); ++c) {
    out += "<rect x=\"" + number(x) + "\" y=\"6\" width=\"12\" height=\"12\" fill=\"" +
           std::string(k_colours[c % 4]) + "\"/><text x=\"" + number(x + 16) +
           "\" y=\"16\" font-size=\"12\">";
    escape(out, names[c]);
    out += "</text>\n";
    x += 24 + 8.0 * static_cast<double>(util::display_width(names[c])) + 16;
  }
  out += "<text x=\"" + number(k_chart_width - k_chart_right) +
         "\" y=\"16\" font-size=\"11\" text-anchor=\"end\">";
  escape(out, display_unit(series.unit));
  out += "</text>\n";
}

// Where a bar stands: its left edge and width, the baseline, units per value.
struct BarPlace {
  double x;
  double width;
  double base;
  double scale;
};

// A bar's top and the total it stands for.
struct BarTop {
  double y;
  double total;
};

// One bar: a rectangle a non-zero column, stacked from the baseline, each with its value as
// a tooltip ("2021: 40 Men", "2021년: 남성 40명").
BarTop bar_stack_svg(std::string& out, const model::Series& series, const model::SeriesPoint& point,
                     const model::TextList& names, const BarPlace& place, std::string_view period) {
  const bool korean = util::language() == util::Language::ko;
  const std::size_t columns = series.columns.size();
  BarTop top{place.base, 0};
  for (std::size_t c = 0; c < point.values.size(); ++c) {
    const double value = std::max(0.0, point.values[c]);
    top.total += value;
    if (!(value > 0)) continue;
    // Every non-zero part stays visible, however small beside the largest total.
    const double h =
        std::max(k_min_part, std::isfinite(value) ? value * place.scale : k_chart_plot);
    top.y -= h;
    out += "<rect x=\"" + number(std::round(place.x * 10) / 10) + "\" y=\"" +
           number(std::round(top.y * 10) / 10) + "\" width=\"" +
           number(std::round(place.width * 10) / 10) + "\" height=\"" +
           number(std::round(h * 10) / 10) + "\" fill=\"" + std::string(k_colours[c % 4]) +
           "\"><title>";
    escape(out, period);
    out += ": ";
    if (korean) {  // 2021년: 남성 40명
      if (c < columns) escape(out, names[c]);
      out += ' ';
      escape(out, format_quantity(model::Quantity{value, value}, series.unit, true));
    } else {
      out += util::format_number(value, true);
      out += ' ';
      if (c < columns) escape(out, names[c]);
    }
    out += "</title></rect>\n";
  }
  return top;
}

// Above a bar its total and, when the point has a note, the note's letter; below it the
// period, slanted.
void bar_labels_svg(std::string& out, double cx, const BarTop& top, double base,
                    std::string_view period, const std::string* letter) {
  out += "<text x=\"" + number(cx) + "\" y=\"" + number(std::round((top.y - 3) * 10) / 10) +
         "\" font-size=\"8\" text-anchor=\"middle\">" + util::format_number(top.total, true) +
         "</text>\n";
  if (letter) {
    out += "<text x=\"" + number(cx) + "\" y=\"" + number(std::round((top.y - 13) * 10) / 10) +
           "\" font-size=\"9\" font-weight=\"bold\" fill=\"#b00000\" text-anchor=\"middle\">" +
           *letter + "</text>\n";
  }
  out += "<text font-size=\"9\" text-anchor=\"end\" transform=\"translate(" + number(cx + 3) + " " +
         number(base + 8) + ") rotate(-55)\">";
  escape(out, period);
  out += "</text>\n";
}

}  // namespace

void bar_chart_svg(std::string& out, const model::Series& series,
                   const std::vector<const model::SeriesPoint*>& points) {
  if (points.empty()) return;
  const model::TextList names = localized(series, &model::Series::columns);
  double largest = 0;
  for (const auto* point : points) {
    double total = 0;
    for (const double v : point->values) total += std::max(0.0, v);
    largest = std::max(largest, total);
  }
  const double slot =
      (k_chart_width - k_chart_left - k_chart_right) / static_cast<double>(points.size());
  const double bar = std::max(2.0, slot * 0.72);
  const double scale = largest > 0 && std::isfinite(largest) ? k_chart_plot / largest : 0;
  out += fmt_svg_open(k_chart_width, k_chart_top + k_chart_plot + k_chart_bottom);
  chart_legend_svg(out, series, names);
  const double base = k_chart_top + k_chart_plot;
  out += "<line x1=\"" + number(k_chart_left) + "\" y1=\"" + number(base) + "\" x2=\"" +
         number(k_chart_width - k_chart_right) + "\" y2=\"" + number(base) +
         "\" stroke=\"#333\"/>\n";
  std::size_t noted = 0;
  for (std::size_t i = 0; i < points.size(); ++i) {
    const auto* point = points[i];
    const BarPlace place{k_chart_left + slot * static_cast<double>(i) + (slot - bar) / 2, bar, base,
                         scale};
    const std::string period = model::display_period(point->period);
    const BarTop top = bar_stack_svg(out, series, *point, names, place, period);
    const double cx = std::round((place.x + bar / 2) * 10) / 10;
    std::optional<std::string> letter;
    if (!model::localized_note(*point).empty()) letter = note_letter(noted++);
    bar_labels_svg(out, cx, top, base, period, letter ? &*letter : nullptr);
  }
  out += "</svg>\n";
}

void route_svg(std::string& out, const model::Route& route) {
  const std::size_t n = route.path.size();
  if (n == 0) return;
  constexpr double step = 118, left = 56, y = 22;
  const double width = std::max(240.0, left * 2 + step * static_cast<double>(n - 1));
  out += fmt_svg_open(width, 76);
  out += "<title>";
  escape(out, localized(route, &model::Route::name));
  out += "</title>\n";
  const model::TextList path = localized(route, &model::Route::path);
  for (std::size_t i = 0; i + 1 < n; ++i) {
    const double x1 = left + step * static_cast<double>(i) + 10;
    const double x2 = left + step * static_cast<double>(i + 1) - 10;
    out += "<line x1=\"" + number(x1) + "\" y1=\"" + number(y) + "\" x2=\"" + number(x2 - 6) +
           "\" y2=\"" + number(y) + "\" stroke=\"#555\" stroke-width=\"2\"/><polygon points=\"" +
           number(x2 - 8) + ',' + number(y - 5) + ' ' + number(x2) + ',' + number(y) + ' ' +
           number(x2 - 8) + ',' + number(y + 5) + "\" fill=\"#555\"/>\n";
  }
  for (std::size_t i = 0; i < n; ++i) {
    const double x = left + step * static_cast<double>(i);
    const bool end = i == 0 || i + 1 == n;
    out += "<circle cx=\"" + number(x) + "\" cy=\"" + number(y) + "\" r=\"7\" fill=\"" +
           std::string(end ? "#3b6ea8" : "#fff") + "\" stroke=\"#3b6ea8\" stroke-width=\"2\"/>\n";
    // A long name ("South Korean embassy or shelter") takes two lines, split at the space
    // nearest its middle, so that it does not run into its neighbours.
    const std::string_view place = i < path.size() ? path[i] : route.path[i];
    std::size_t split = std::string_view::npos;
    if (util::display_width(place) > 16) {
      for (std::size_t k = 0; k < place.size(); ++k) {
        const auto distance = [&](std::size_t at) {
          return at > place.size() / 2 ? at - place.size() / 2 : place.size() / 2 - at;
        };
        if (place[k] == ' ' && (split == std::string_view::npos || distance(k) < distance(split))) {
          split = k;
        }
      }
    }
    out += "<text x=\"" + number(x) + "\" y=\"" + number(y + 26) +
           "\" font-size=\"12\" text-anchor=\"middle\">";
    if (split == std::string_view::npos) {
      escape(out, place);
    } else {
      out += "<tspan x=\"" + number(x) + "\">";
      escape(out, place.substr(0, split));
      out += "</tspan><tspan x=\"" + number(x) + "\" dy=\"14\">";
      escape(out, place.substr(split + 1));
      out += "</tspan>";
    }
    out += "</text>\n";
  }
  out += "</svg>\n";
}

void timeline_svg(std::string& out, const std::vector<const model::Event*>& events) {
  if (events.empty()) return;
  constexpr double width = 720, left = 20, right = 20, radius = 7.5, row = 17;
  const int first = events.front()->date.year;
  const int last = events.back()->date.year;
  const int start = first / 10 * 10;
  const int stop = std::max(start + 10, (last + 9) / 10 * 10 + (last % 10 == 0 ? 10 : 0));
  const double span = static_cast<double>(stop - start);
  const auto x_of = [&](const model::Event& e) {
    const double month = e.date.month ? (e.date.month - 1) / 12.0 : 0.0;
    return left + (width - left - right) * (e.date.year - start + month) / span;
  };
  // Dots stack upward where they would overlap: each takes the lowest free level.
  std::vector<std::pair<double, int>> placed;
  int levels = 1;
  std::vector<int> level_of;
  for (const auto* e : events) {
    const double x = x_of(*e);
    int level = 0;
    while (std::any_of(placed.begin(), placed.end(), [&](const auto& p) {
      return p.second == level && std::abs(p.first - x) < 2 * radius + 1;
    })) {
      ++level;
    }
    placed.emplace_back(x, level);
    level_of.push_back(level);
    levels = std::max(levels, level + 1);
  }
  const double axis = 10 + row * levels;
  out += fmt_svg_open(width, axis + 24);
  out += "<title>" + std::string(tr("Timeline")) + "</title>\n";
  out += "<line x1=\"" + number(left) + "\" y1=\"" + number(axis) + "\" x2=\"" +
         number(width - right) + "\" y2=\"" + number(axis) +
         "\" stroke=\"#333\" stroke-width=\"1.5\"/>\n";
  for (int year = start; year <= stop; year += 10) {
    const double x = left + (width - left - right) * (year - start) / span;
    out += "<line x1=\"" + number(x) + "\" y1=\"" + number(axis) + "\" x2=\"" + number(x) +
           "\" y2=\"" + number(axis + 5) + "\" stroke=\"#333\"/><text x=\"" + number(x) +
           "\" y=\"" + number(axis + 17) + "\" font-size=\"11\" text-anchor=\"middle\">" +
           std::to_string(year) + "</text>\n";
  }
  for (std::size_t i = 0; i < events.size(); ++i) {
    const double x = std::round(placed[i].first * 10) / 10;
    const double cy = axis - radius - 2 - row * level_of[i];
    out += "<g><title>";
    escape(out, model::display_date(events[i]->date));
    out += ": ";
    escape(out, localized(*events[i], &model::Event::title));
    out += "</title><circle cx=\"" + number(x) + "\" cy=\"" + number(cy) + "\" r=\"" +
           number(radius) + "\" fill=\"#3b6ea8\"/><text x=\"" + number(x) + "\" y=\"" +
           number(cy + 3) + "\" font-size=\"8\" fill=\"#fff\" text-anchor=\"middle\">" +
           std::to_string(i + 1) + "</text></g>\n";
  }
  out += "</svg>\n";
}

// --- pages ------------------------------------------------------------------------------

namespace {

// One page being written: text from the facts escaped on its way in, source markers as
// links to the numbered sources at the end.
class Doc {
 public:
  Doc(const model::FactBase& facts, const PageOptions& options)
      : m_facts(facts), m_options(options), m_notes(facts) {
    out.reserve(64 * 1024);
  }

  std::string out;

  void text(std::string_view raw) { escape(out, raw); }
  void raw(std::string_view html) { out += html; }

  void markers(model::TextList ids) {
    if (ids.empty()) return;
    std::vector<std::size_t> numbers;
    for (const auto id : ids) numbers.push_back(m_notes.number_of(id));
    std::sort(numbers.begin(), numbers.end());
    numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
    out += "<sup class=\"refs\">";
    for (const auto n : numbers) {
      const auto shown = std::to_string(n);
      out += "<a href=\"#source-" + shown + "\">[" + shown + "]</a>";
    }
    out += "</sup>";
  }

  // Marks a record read from the user's own files, not from the embedded facts.
  void own(const model::SourcePos& pos) {
    if (pos.file < m_options.first_own_file) return;
    out += " <span class=\"own\">";
    text(tr("from your own facts"));
    const auto file = m_facts.file_of(pos);
    if (!file.empty()) {
      out += ": ";
      text(file);
    }
    out += "</span>";
  }

  void begin(std::string_view title, std::string_view css = {}) {
    m_css = std::string(k_css) + std::string(css);
    html::begin(out, {.title = title,
                      .lang = util::language_tag(util::language()),
                      .css = m_css,
                      .paper = m_options.paper});
    out += "<header>\n<h1>";
    text(title);
    out += "</h1>\n";
  }

  void edition() {
    if (m_options.edition.empty()) return;
    out += "<p class=\"meta\">";
    text(tr("Made with"));
    out += ' ';
    text(m_options.edition);
    out += ". ";
    text(tr("Numbers in square brackets point to the sources at the end."));
    out += "</p>\n";
  }

  // A paragraph that opens with a label: "<p><b>Crossing:</b> text</p>". A note's paragraph
  // has the class "note"; a softer label (Where:, Evidence:) is <em>. labelled() writes the
  // whole paragraph with `body` escaped; begin_labelled() only its opening, for a body made
  // of several pieces, ended by end_labelled().
  enum class Label { bold, note, soft };

  void begin_labelled(std::string_view label, Label kind = Label::bold) {
    out += kind == Label::note   ? "<p class=\"note\"><b>"
           : kind == Label::soft ? "<p><em>"
                                 : "<p><b>";
    text(label);
    out += kind == Label::soft ? "</em> " : "</b> ";
  }
  void end_labelled() { out += "</p>\n"; }
  void labelled(std::string_view label, std::string_view body, Label kind = Label::bold) {
    begin_labelled(label, kind);
    text(body);
    end_labelled();
  }

  void link(std::string_view url) {
    out += "<a href=\"";
    href(out, url);
    out += "\">";
    text(url);
    out += "</a>";
  }

  // The sheet's short entries: who, the title, the date, and the link shown by its site
  // and path cut short (the link itself is whole), so that the sources fit on the page.
  bool compact = false;

  void compact_citation(const model::Reference& reference) {
    const auto who = !reference.publisher.empty() ? reference.publisher
                     : !reference.authors.empty() ? reference.authors[0]
                                                  : std::string_view();
    if (!who.empty()) {
      text(who);
      out += ", ";
    }
    out += "\u201c";
    text(reference.title);
    out += "\u201d";
    if (reference.published) {
      out += ", ";
      text(model::display_date(*reference.published));
    }
    if (!reference.url.empty()) {
      out += ". <a href=\"";
      href(out, reference.url);
      out += "\">";
      std::string_view shown = reference.url;
      for (const std::string_view scheme : {"https://", "http://"}) {
        if (shown.substr(0, scheme.size()) == scheme) shown.remove_prefix(scheme.size());
      }
      if (shown.substr(0, 4) == "www.") shown.remove_prefix(4);
      if (shown.size() > 48) {
        std::size_t cut = 46;  // at the start of a character, not inside one
        while (cut > 0 && (static_cast<unsigned char>(shown[cut]) & 0xC0) == 0x80) --cut;
        text(shown.substr(0, cut));
        out += "\u2026";
      } else {
        text(shown);
      }
      out += "</a>";
    }
  }

  void citation(const model::Reference& reference) {
    if (compact) return compact_citation(reference);
    const std::string entry =
        cite(reference, is_export(m_options.style) ? CitationStyle::plain : m_options.style);
    const auto at = reference.url.empty() ? std::string::npos : entry.find(reference.url);
    if (at == std::string::npos) {
      text(entry);
      if (!reference.url.empty()) {
        out += ' ';
        link(reference.url);
      }
      return;
    }
    text(std::string_view(entry).substr(0, at));
    link(reference.url);
    text(std::string_view(entry).substr(at + reference.url.size()));
  }

  // The numbered sources, then the end of the page.
  std::string finish() {
    if (!m_notes.empty()) {
      out += "<section class=\"sources\">\n<h2>";
      text(tr("Sources"));
      out += "</h2>\n<ol>\n";
      const auto& order = m_notes.order();
      for (std::size_t i = 0; i < order.size(); ++i) {
        out += "<li id=\"source-" + std::to_string(i + 1) + "\">";
        if (const auto* reference = m_facts.find_reference(order[i])) {
          citation(*reference);
        } else {
          text(order[i]);
        }
        out += "</li>\n";
      }
      out += "</ol>\n</section>\n";
    }
    html::end(out);
    return std::move(out);
  }

  const model::FactBase& facts() const { return m_facts; }

 private:
  const model::FactBase& m_facts;
  const PageOptions& m_options;
  SourceNotes m_notes;
  std::string m_css;
};

std::string_view subject_name(const model::FactBase& facts) {
  return facts.subject.name.empty() ? tr("Facts") : model::localized_name(facts.subject);
}

void figures_table(Doc& doc, const std::vector<const model::Figure*>& figures, bool notes) {
  if (figures.empty()) return;
  doc.raw("<table class=\"figures\">\n<tr><th>");
  doc.text(tr("Figure"));
  doc.raw("</th><th class=\"num\">");
  doc.text(tr("Value"));
  doc.raw("</th><th>");
  doc.text(tr("As of"));
  doc.raw("</th></tr>\n");
  for (const auto* f : figures) {
    doc.raw("<tr><td>");
    doc.text(localized(*f, &model::Figure::label));
    doc.markers(f->sources);
    doc.own(f->pos);
    doc.raw("</td><td class=\"num\">");
    doc.text(format_quantity(f->value, f->unit, true));
    doc.raw("</td><td>");
    if (f->as_of) doc.text(model::display_date(*f->as_of));
    doc.raw("</td></tr>\n");
  }
  doc.raw("</table>\n");
  if (!notes) return;
  bool any = false;
  for (const auto* f : figures) {
    if (f->note.empty()) continue;
    doc.raw(any ? "" : "<ul class=\"note\">\n");
    any = true;
    doc.raw("<li><em>");
    doc.text(localized(*f, &model::Figure::label));
    doc.raw(":</em> ");
    doc.text(localized(*f, &model::Figure::note));
    doc.raw("</li>\n");
  }
  if (any) doc.raw("</ul>\n");
}

// The chart of a series and, under it, the notes of the periods its letters mark.
void series_chart(Doc& doc, const model::Series& s,
                  const std::vector<const model::SeriesPoint*>& points, bool caption = true) {
  doc.raw("<figure>\n");
  bar_chart_svg(doc.out, s, points);
  if (caption) {
    doc.raw("<figcaption>");
    doc.text(localized(s, &model::Series::name));
    doc.raw(" (");
    doc.text(display_unit(s.unit));
    doc.raw(")</figcaption>\n");
  }
  std::size_t noted = 0;
  for (const auto* point : points) {
    const model::Text note = model::localized_note(*point);
    if (note.empty()) continue;
    doc.raw(noted == 0 ? "<ul class=\"chart-notes\">\n" : "");
    doc.raw("<li><b>" + note_letter(noted++) + "</b> ");
    doc.text(model::display_period(point->period));
    doc.raw(": ");
    doc.text(note);
    doc.markers(point->sources);
    doc.raw("</li>\n");
  }
  if (noted > 0) doc.raw("</ul>\n");
  doc.raw("</figure>\n");
}

void series_table(Doc& doc, const model::Series& s,
                  const std::vector<const model::SeriesPoint*>& points) {
  const auto share = std::find(s.columns.begin(), s.columns.end(), s.share_column);
  const bool has_share = share != s.columns.end();
  const auto share_index = static_cast<std::size_t>(share - s.columns.begin());
  // A table longer than a page may break between its rows (never inside one); a shorter
  // one moves to the next page whole.
  doc.raw(points.size() > 20 ? "<table class=\"series long\">\n<tr><th>"
                             : "<table class=\"series\">\n<tr><th>");
  doc.text(tr("Period"));
  doc.raw("</th>");
  const model::TextList columns = localized(s, &model::Series::columns);
  for (const auto column : columns) {
    doc.raw("<th class=\"num\">");
    doc.text(column);
    doc.raw("</th>");
  }
  doc.raw("<th class=\"num\">");
  doc.text(tr("Total"));
  doc.raw("</th>");
  if (has_share) {
    doc.raw("<th class=\"num\">");
    doc.text(share_index < columns.size() ? columns[share_index] : s.share_column);
    doc.raw(" %</th>");
  }
  doc.raw("<th>");
  doc.text(tr("Sources"));
  doc.raw("</th></tr>\n");
  std::vector<double> sums(s.columns.size(), 0.0);
  for (const auto* point : points) {
    doc.raw("<tr><td>");
    doc.text(model::display_period(point->period));
    doc.raw("</td>");
    for (std::size_t c = 0; c < point->values.size(); ++c) {
      if (c < sums.size()) sums[c] += point->values[c];
      doc.raw("<td class=\"num\">" + util::format_number(point->values[c], true) + "</td>");
    }
    doc.raw("<td class=\"num\">" + util::format_number(point->total(), true) + "</td>");
    if (has_share && share_index < point->values.size()) {
      doc.raw("<td class=\"num\">" +
              util::format_percent(point->values[share_index], point->total()) + "</td>");
    }
    doc.raw("<td>");
    doc.markers(point->sources);
    doc.raw("</td></tr>\n");
  }
  if (points.size() > 1) {
    double all = 0;
    doc.raw("<tr><th>");
    doc.text(tr("Total"));
    doc.raw("</th>");
    for (const double sum : sums) {
      all += sum;
      doc.raw("<th class=\"num\">" + util::format_number(sum, true) + "</th>");
    }
    doc.raw("<th class=\"num\">" + util::format_number(all, true) + "</th>");
    if (has_share)
      doc.raw("<th class=\"num\">" + util::format_percent(sums[share_index], all) + "</th>");
    doc.raw("<td></td></tr>\n");
  }
  doc.raw("</table>\n");
}

void series_section(Doc& doc, const model::Series& s,
                    const std::vector<const model::SeriesPoint*>& points, bool table) {
  doc.raw("<h2>");
  doc.text(localized(s, &model::Series::name));
  doc.markers(s.sources);
  doc.own(s.pos);
  doc.raw("</h2>\n<p>");
  doc.text(localized(s, &model::Series::summary));
  doc.raw("</p>\n");
  series_chart(doc, s, points);
  if (table) series_table(doc, s, points);
  if (!s.note.empty()) {
    doc.raw("<p class=\"note\">");
    doc.text(localized(s, &model::Series::note));
    doc.raw("</p>\n");
  }
}

std::vector<const model::SeriesPoint*> all_points(const model::Series& s) {
  std::vector<const model::SeriesPoint*> points;
  for (const auto& point : s.points) points.push_back(&point);
  return points;
}

void danger_names(Doc& doc, const model::Route& r) {
  bool first = true;
  for (const auto id : r.dangers) {
    const auto* ref = doc.facts().find(id);
    if (!ref || ref->kind != model::Kind::danger) continue;
    doc.raw(first ? "" : "; ");
    first = false;
    doc.text(model::name_of(doc.facts().dangers[ref->index]));
  }
}

void route_section(Doc& doc, const model::Route& r) {
  doc.raw("<section class=\"record\">\n<h3>");
  doc.text(localized(r, &model::Route::name));
  doc.markers(r.sources);
  doc.own(r.pos);
  doc.raw("</h3>\n<p>");
  doc.text(localized(r, &model::Route::summary));
  doc.raw("</p>\n<figure>\n");
  route_svg(doc.out, r);
  doc.raw("</figure>\n");
  if (!r.crossing.empty()) {
    doc.labelled(tr("Crossing:"), localized(r, &model::Route::crossing));
  }
  if (!r.dangers.empty()) {
    doc.begin_labelled(tr("Dangers:"));
    danger_names(doc, r);
    doc.end_labelled();
  }
  if (!r.note.empty()) {
    doc.labelled(tr("Note:"), localized(r, &model::Route::note), Doc::Label::note);
  }
  doc.raw("</section>\n");
}

void danger_section(Doc& doc, const model::Danger& d) {
  doc.raw("<section class=\"record\">\n<h3>");
  doc.text(localized(d, &model::Danger::name));
  doc.markers(d.sources);
  doc.own(d.pos);
  doc.raw("</h3>\n");
  if (!d.where.empty()) {
    doc.labelled(tr("Where:"), localized(d, &model::Danger::where), Doc::Label::soft);
  }
  doc.raw("<p>");
  doc.text(localized(d, &model::Danger::summary));
  doc.raw("</p>\n");
  bool first = true;
  for (const auto& r : doc.facts().routes) {
    if (std::find(r.dangers.begin(), r.dangers.end(), d.id) == r.dangers.end()) continue;
    if (first) {
      doc.begin_labelled(tr("On the routes:"), Doc::Label::soft);
    } else {
      doc.raw("; ");
    }
    first = false;
    doc.text(localized(r, &model::Route::name));
  }
  if (!first) doc.end_labelled();
  if (!d.note.empty()) {
    doc.labelled(tr("Note:"), localized(d, &model::Danger::note), Doc::Label::note);
  }
  doc.raw("</section>\n");
}

void claim_section(Doc& doc, const model::Claim& c, bool full) {
  doc.raw("<section class=\"record\">\n<h3>\u201c");
  doc.text(localized(c, &model::Claim::statement));
  doc.raw("\u201d</h3>\n<p><span class=\"verdict\">");
  doc.text(tr(model::verdict_name(c.verdict)));
  doc.raw("</span>");
  doc.own(c.pos);
  doc.raw(" ");
  doc.text(localized(c, &model::Claim::summary));
  doc.markers(c.sources);
  doc.raw("</p>\n");
  if (full && !c.claimed_by.empty()) {
    doc.begin_labelled(tr("Claimed by:"), Doc::Label::soft);
    bool first = true;
    for (const auto id : c.claimed_by) {
      doc.raw(first ? "" : "; ");
      first = false;
      const auto* reference = doc.facts().find_reference(id);
      doc.raw("\u201c");
      doc.text(reference ? reference->title : id);
      doc.raw("\u201d");
      doc.markers(model::TextList(&id, 1));
    }
    doc.end_labelled();
  }
  if (full && !c.evidence.empty()) {
    doc.begin_labelled(tr("Evidence:"), Doc::Label::soft);
    bool first = true;
    for (const auto id : c.evidence) {
      doc.raw(first ? "" : "; ");
      first = false;
      const auto* ref = doc.facts().find(id);
      doc.text(ref ? doc.facts().name_of(*ref) : id);
    }
    doc.end_labelled();
  }
  if (!c.note.empty()) {
    doc.labelled(tr("Note:"), localized(c, &model::Claim::note), Doc::Label::note);
  }
  doc.raw("</section>\n");
}

void term_row(Doc& doc, const model::Term& t) {
  doc.raw("<tr><td><b>");
  doc.text(t.term);
  doc.raw("</b>");
  doc.own(t.pos);
  doc.raw("</td><td lang=\"ko\" class=\"korean\">");
  doc.text(t.korean);
  doc.raw("</td><td><i>");
  doc.text(t.romanization);
  doc.raw("</i></td><td>");
  doc.text(localized(t, &model::Term::summary));
  doc.markers(t.sources);
  if (!t.note.empty()) {
    doc.raw(" <span class=\"note\">");
    doc.text(localized(t, &model::Term::note));
    doc.raw("</span>");
  }
  doc.raw("</td></tr>\n");
}

void terms_table(Doc& doc, const std::vector<const model::Term*>& terms) {
  doc.raw(terms.size() > 8 ? "<table class=\"terms long\">\n<tr><th>"
                           : "<table class=\"terms\">\n<tr><th>");
  doc.text(tr("Term"));
  doc.raw("</th><th>");
  doc.text(tr("Korean"));
  doc.raw("</th><th>");
  doc.text(tr("Romanization"));
  doc.raw("</th><th>");
  doc.text(tr("Meaning"));
  doc.raw("</th></tr>\n");
  for (const auto* t : terms) term_row(doc, *t);
  doc.raw("</table>\n");
}

void timeline_body(Doc& doc, const std::vector<const model::Event*>& events) {
  doc.raw("<figure>\n");
  timeline_svg(doc.out, events);
  doc.raw(events.size() > 16
              ? "</figure>\n<table class=\"events long\">\n<tr><th class=\"num\">#</th><th>"
              : "</figure>\n<table class=\"events\">\n<tr><th class=\"num\">#</th><th>");
  doc.text(tr("Date"));
  doc.raw("</th><th>");
  doc.text(tr("Event"));
  doc.raw("</th></tr>\n");
  for (std::size_t i = 0; i < events.size(); ++i) {
    const auto* e = events[i];
    doc.raw("<tr><td class=\"num\">" + std::to_string(i + 1) + "</td><td>");
    doc.text(model::display_date(e->date));
    doc.raw("</td><td><b>");
    doc.text(localized(*e, &model::Event::title));
    doc.raw("</b>");
    doc.markers(e->sources);
    doc.own(e->pos);
    doc.raw(" ");
    doc.text(localized(*e, &model::Event::summary));
    doc.raw("</td></tr>\n");
  }
  doc.raw("</table>\n");
}

template <typename Record>
std::vector<const Record*> sorted(const model::Records<Record>& records) {
  std::vector<const Record*> out;
  for (const auto& r : records) out.push_back(&r);
  std::sort(out.begin(), out.end(), [](const auto* a, const auto* b) { return a->id < b->id; });
  return out;
}

std::vector<const model::Event*> dated(const model::FactBase& facts) {
  std::vector<const model::Event*> events;
  for (const auto& e : facts.events) events.push_back(&e);
  std::stable_sort(events.begin(), events.end(), [](const auto* a, const auto* b) {
    return a->date != b->date ? a->date < b->date : a->id < b->id;
  });
  return events;
}

// The one-page sheet: smaller type, the sources in two columns.
constexpr std::string_view k_sheet_css = R"css(
@page { margin: 10mm 10mm; }
@media print {
  html { font-size: 10px; }
  figure svg { max-height: 60mm; }
  body { font-size: 1rem; line-height: 1.25; }
  h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin: .5rem 0 .15rem; }
  figure { margin: .15rem 0; }
  .sources { font-size: .72rem; column-count: 4; column-gap: .8rem; line-height: 1.15; }
  .sources h2 { column-span: all; }
  .sources ol { margin: 0; padding-left: 1.5em; }
  .sources li { margin: 0 0 .1rem; }
  .chart-notes { margin: 0; }
}
.sheet-routes { margin: .2rem 0; padding-left: 1.1rem; }
.figures td:last-child { white-space: nowrap; }
.chart-notes { padding-left: 0; list-style: none; }
.chart-notes li { display: inline; margin-right: .8em; }
.claims-short p { margin: .15rem 0; }
)css";

}  // namespace

std::string stats_page(const model::FactBase& facts, const std::vector<SeriesRows>& series,
                       bool figures, const PageOptions& options) {
  Doc doc(facts, options);
  doc.begin(std::string(subject_name(facts)) + ": " + std::string(tr("the numbers")));
  doc.edition();
  doc.raw("</header>\n");
  if (figures) {
    const auto chosen = headline_figures(facts, true);
    if (!chosen.empty()) {
      doc.raw("<h2>");
      doc.text(tr("Headline figures"));
      doc.raw("</h2>\n");
      figures_table(doc, chosen, true);
    }
  }
  for (const auto& rows : series) {
    if (rows.series && !rows.points.empty()) series_section(doc, *rows.series, rows.points, true);
  }
  return doc.finish();
}

std::string timeline_page(const model::FactBase& facts,
                          const std::vector<const model::Event*>& events,
                          const PageOptions& options) {
  Doc doc(facts, options);
  doc.begin(tr("Timeline"));
  doc.edition();
  doc.raw("</header>\n");
  timeline_body(doc, events);
  return doc.finish();
}

std::string records_page(const model::FactBase& facts, model::Kind kind,
                         const std::vector<model::RecordRef>& records, bool full,
                         const PageOptions& options) {
  Doc doc(facts, options);
  std::string_view title;
  switch (kind) {
    case model::Kind::route:
      title = tr("Escape routes");
      break;
    case model::Kind::danger:
      title = tr("Dangers on the way out");
      break;
    case model::Kind::claim:
      title = tr("Common claims, checked");
      break;
    case model::Kind::term:
      title = tr("Glossary");
      break;
    default:
      title = tr(model::kind_plural(kind));
      break;
  }
  doc.begin(title);
  doc.edition();
  doc.raw("</header>\n");
  std::vector<const model::Term*> terms;
  for (const auto& ref : records) {
    switch (ref.kind) {
      case model::Kind::route:
        route_section(doc, facts.routes[ref.index]);
        break;
      case model::Kind::danger:
        danger_section(doc, facts.dangers[ref.index]);
        break;
      case model::Kind::claim:
        claim_section(doc, facts.claims[ref.index], full);
        break;
      case model::Kind::term:
        terms.push_back(&facts.terms[ref.index]);
        break;
      default:
        break;
    }
  }
  if (!terms.empty()) terms_table(doc, terms);
  return doc.finish();
}

namespace {

// The sheet's routes: each main route's name and the places on its way.
void sheet_routes(Doc& doc, const model::FactBase& facts) {
  doc.raw("<h2>");
  doc.text(tr("The main routes"));
  doc.raw("</h2>\n<ul class=\"sheet-routes\">\n");
  for (const auto* r : sorted(facts.routes)) {
    doc.raw("<li><b>");
    doc.text(localized(*r, &model::Route::name));
    doc.raw("</b>");
    doc.markers(r->sources);
    doc.own(r->pos);
    doc.raw(": ");
    const model::TextList path = localized(*r, &model::Route::path);
    for (std::size_t i = 0; i < path.size(); ++i) {
      if (i > 0) doc.raw(" \u2192 ");
      doc.text(path[i]);
    }
    doc.raw("</li>\n");
  }
  doc.raw("</ul>\n");
}

// The sheet's claims: a paragraph each, the claim, its verdict and the finding.
void sheet_claims(Doc& doc, const std::vector<const model::Claim*>& claims) {
  doc.raw("<h2>");
  doc.text(tr("Three claims, checked"));
  doc.raw("</h2>\n<div class=\"claims-short\">\n");
  std::string statement;
  for (const auto* c : claims) {
    statement = "\u201c";
    statement += localized(*c, &model::Claim::statement);
    statement += "\u201d";
    doc.begin_labelled(statement);
    doc.raw("<span class=\"verdict\">");
    doc.text(tr(model::verdict_name(c->verdict)));
    doc.raw("</span>");
    doc.own(c->pos);
    doc.raw(" ");
    doc.text(localized(*c, &model::Claim::summary));
    doc.markers(c->sources);
    doc.end_labelled();
  }
  doc.raw("</div>\n");
}

// The one-page fact sheet: the headline figures, the arrivals chart, the main routes and
// three checked claims.
void sheet_body(Doc& doc, const model::FactBase& facts) {
  const auto figures = headline_figures(facts, true);
  if (!figures.empty()) {
    doc.raw("<h2>");
    doc.text(tr("Key figures"));
    doc.raw("</h2>\n");
    figures_table(doc, figures, false);
  }
  if (!facts.series.empty()) {
    const auto& s = *sorted(facts.series).front();
    doc.raw("<h2>");
    doc.text(localized(s, &model::Series::name));
    doc.markers(s.sources);
    doc.own(s.pos);
    doc.raw("</h2>\n");
    series_chart(doc, s, all_points(s), false);
  }
  if (!facts.routes.empty()) sheet_routes(doc, facts);
  const auto claims = three_checked_claims(facts);
  if (!claims.empty()) sheet_claims(doc, claims);
}

// The lesson pack: a part for each section the topic takes in.
void lesson_body(Doc& doc, const model::FactBase& facts, HandoutTopic topic) {
  const bool all = topic == HandoutTopic::all;
  const auto part = [&](std::string_view heading) {
    doc.raw("<section class=\"part\">\n<h2>");
    doc.text(heading);
    doc.raw("</h2>\n");
  };
  if (all || topic == HandoutTopic::stats) {
    part(tr("Key figures"));
    figures_table(doc, headline_figures(facts, true), true);
    for (const auto* s : sorted(facts.series)) series_section(doc, *s, all_points(*s), true);
    doc.raw("</section>\n");
  }
  if ((all || topic == HandoutTopic::routes) && !facts.routes.empty()) {
    part(tr("Routes"));
    for (const auto* r : sorted(facts.routes)) route_section(doc, *r);
    doc.raw("</section>\n");
  }
  if ((all || topic == HandoutTopic::dangers || topic == HandoutTopic::routes) &&
      !facts.dangers.empty()) {
    part(tr("Dangers"));
    for (const auto* d : sorted(facts.dangers)) danger_section(doc, *d);
    doc.raw("</section>\n");
  }
  if ((all || topic == HandoutTopic::timeline) && !facts.events.empty()) {
    part(tr("Timeline"));
    timeline_body(doc, dated(facts));
    doc.raw("</section>\n");
  }
  if (all && !facts.claims.empty()) {
    part(tr("Claims, checked"));
    for (const auto* c : sorted(facts.claims)) claim_section(doc, *c, false);
    doc.raw("</section>\n");
  }
  if (all && !facts.terms.empty()) {
    part(tr("Glossary"));
    terms_table(doc, sorted(facts.terms));
    doc.raw("</section>\n");
  }
}

}  // namespace

std::string handout_page(const model::FactBase& facts, HandoutTopic topic, HandoutLength length,
                         const PageOptions& options) {
  Doc doc(facts, options);
  const bool sheet = length == HandoutLength::sheet;
  std::string title(subject_name(facts));
  if (sheet) {
    title += ": ";
    title += tr("a fact sheet");
  } else {
    title += handout_topic_suffix(topic);
  }
  doc.compact = sheet;
  doc.begin(title, sheet ? k_sheet_css : std::string_view());
  if (!facts.subject.summary.empty()) {
    doc.raw("<p>");
    doc.text(model::localized_summary(facts.subject));
    doc.raw("</p>\n");
  }
  doc.edition();
  doc.raw("</header>\n");
  if (sheet) {
    sheet_body(doc, facts);
  } else {
    lesson_body(doc, facts, topic);
  }
  return doc.finish();
}

}  // namespace nkfacts::render::html

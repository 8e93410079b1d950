#include "render/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <type_traits>
#include <variant>

#include "model/localized.hpp"
#include "model/schema.hpp"
#include "render/citation.hpp"
#include "util/i18n.hpp"
#include "util/scan.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"

namespace nkfacts::render {
namespace {

using model::localized;
using util::tr;

constexpr std::string_view k_arrow = " \u2192 ";
constexpr std::string_view k_dash = "\u2013";

std::string capitalise(std::string_view word) {
  std::string out(word);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 32);
  return out;
}

// The Korean counter or unit written after a number: 명 for people, % for percent; a unit
// without one keeps its English name after a space.
std::string korean_counter(std::string_view unit) {
  static constexpr std::pair<std::string_view, std::string_view> k_counters[] = {
      {"people", "명"}, {"persons", "명"}, {"cases", "건"},    {"records", "건"},
      {"days", "일"},   {"weeks", "주"},   {"months", "개월"}, {"years", "년"},
      {"percent", "%"}, {"KRW", "원"},     {"USD", "달러"}};
  for (const auto& [name, counter] : k_counters) {
    if (unit == name) return std::string(counter);
  }
  return unit.empty() ? std::string() : " " + clean(unit);
}

bool has_wide_character(std::string_view word) {
  for (std::size_t i = 0; i < word.size();) {
    const std::size_t length = std::max<std::size_t>(1, util::decode_utf8(word, i).length);
    if (util::display_width(word.substr(i, length)) > 1) return true;
    i += length;
  }
  return false;
}

// The widest run of text without a space or line break in it, in columns, counting only
// words that cannot be broken: a word with a wide character in it can (util::wrap), unless
// it is a URL.
std::size_t longest_word(std::string_view text) {
  std::size_t longest = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    if (text[start] == ' ' || text[start] == '\n') {
      ++start;
      continue;
    }
    // A word of printable ASCII, as most are, is as wide as it is long (it holds no line
    // break either). Measuring every word cost a third of `routes`.
    const auto [space, plain] = util::word_at(text, start);
    if (plain) {
      longest = std::max(longest, space - start);
      start = space;
      continue;
    }
    const std::size_t end = std::min(space, text.find('\n', start));
    const std::string_view word = text.substr(start, end - start);
    if (!has_wide_character(word) || word.find("://") != std::string_view::npos)
      longest = std::max(longest, util::display_width(word));
    start = end;
  }
  return longest;
}

// English units in the singular, for a count of one; a unit not listed keeps its name.
std::string_view singular_unit(std::string_view unit) {
  static constexpr std::pair<std::string_view, std::string_view> k_singulars[] = {
      {"people", "person"}, {"persons", "person"}, {"cases", "case"},   {"records", "record"},
      {"days", "day"},      {"weeks", "week"},     {"months", "month"}, {"years", "year"}};
  for (const auto& [plural, singular] : k_singulars) {
    if (unit == plural) return singular;
  }
  return unit;
}

std::string join(model::TextList items, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out.append(separator);
    out += clean(items[i]);
  }
  return out;
}

}  // namespace

void append_heading(std::string& out, std::string_view title, std::string_view markers,
                    const Terminal& terminal) {
  // The title is wrapped, then its markers (one word: "[11][12]" has no space to break at)
  // go after its last line when they fit there; else with the title's last word on a line
  // of their own, so a marker is not left alone; else alone. Painted line by line, so a
  // colour never crosses a line end.
  std::string wrapped = util::wrap(title, terminal.width, "", "");
  wrapped.pop_back();
  const std::size_t last_start =
      wrapped.rfind('\n') == std::string::npos ? 0 : wrapped.rfind('\n') + 1;
  std::string_view last_line = std::string_view(wrapped).substr(last_start);
  const std::size_t marker_width = util::display_width(markers);
  bool markers_alone = false;
  if (!markers.empty() && terminal.width > 0 &&
      util::display_width(last_line) + 1 + marker_width > terminal.width) {
    const auto space = last_line.rfind(' ');
    const std::string_view last_word =
        space == std::string_view::npos ? last_line : last_line.substr(space + 1);
    if (space != std::string_view::npos &&
        util::display_width(last_word) + 1 + marker_width <= terminal.width) {
      wrapped[last_start + space] = '\n';
    } else {
      markers_alone = true;
    }
  }
  std::size_t start = 0;
  for (;;) {
    const auto end = wrapped.find('\n', start);
    out += paint(terminal, Style::heading, std::string_view(wrapped).substr(start, end - start));
    if (end == std::string::npos) break;
    out += '\n';
    start = end + 1;
  }
  if (!markers.empty()) {
    out += markers_alone ? '\n' : ' ';
    out.append(markers);
  }
  out += '\n';
}

namespace {

void append_paragraph(std::string& out, std::string_view text, const Terminal& terminal) {
  out += util::wrap(clean(text), terminal.width, "  ", "  ");
}

std::string danger_names(const model::Route& route, const model::FactBase& facts) {
  std::vector<std::string> names;
  for (const auto& id : route.dangers) {
    const auto* ref = facts.find(id);
    names.push_back(std::string(ref ? facts.name_of(*ref) : id));
  }
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += "; ";
    out += clean(names[i]);
  }
  return out;
}

std::string as_of_text(const std::optional<model::Date>& as_of) {
  return as_of ? model::display_date(*as_of) : std::string(tr("date unknown"));
}

// The names of the records `ids` name, each with its source markers if it is a reference.
std::string linked_names(model::TextList ids, const model::FactBase& facts, SourceNotes& notes) {
  std::string out;
  for (const auto& id : ids) {
    if (!out.empty()) out += "; ";
    const auto* ref = facts.find(id);
    if (ref && ref->kind == model::Kind::reference) {
      // A reference is named by its title, in quotes as citations write it: "Claimed in
      // “North Korean defectors”" is an article, not people.
      out += fmt::format("“{}” {}", clean(facts.name_of(*ref)),
                         notes.markers(model::TextList(&id, 1), Terminal{}));
    } else {
      out += clean(ref ? facts.name_of(*ref) : id);
    }
  }
  return out;
}

// One field's value as text for the generic layout; empty when it has none.
template <typename R>
std::string field_text(const R& record, const model::Field<R>& field, const model::FactBase& facts,
                       SourceNotes& notes, const Terminal& terminal) {
  return std::visit(
      [&](auto member) -> std::string {
        using V = std::decay_t<decltype(record.*member)>;
        const V& v = record.*member;
        if constexpr (std::is_same_v<V, model::Text>) {
          return clean(localized(record, member));
        } else if constexpr (std::is_same_v<V, model::TextList>) {
          if (field.type == model::FieldType::id_list) return linked_names(v, facts, notes);
          return join(localized(record, member), "; ");
        } else if constexpr (std::is_same_v<V, std::optional<model::Date>>) {
          return v ? model::display_date(*v) : std::string();
        } else if constexpr (std::is_same_v<V, model::Date>) {
          return model::display_date(v);
        } else if constexpr (std::is_same_v<V, model::Quantity>) {
          if constexpr (requires { record.unit; }) {
            return paint(terminal, Style::number, format_quantity(v, record.unit, true));
          }
          return format_quantity(v, "", true);
        } else if constexpr (std::is_enum_v<V>) {
          return std::string(tr(field.choices[static_cast<std::size_t>(v)]));
        } else {
          return {};
        }
      },
      field.member);
}

// The generic layout, read from the record's descriptor: its name as a heading with its
// source markers, its id and labelled fields, its summary, the records it lists, its note.
template <typename R>
void render_generic(std::string& out, const R& record, const model::FactBase& facts,
                    SourceNotes& notes, const Terminal& terminal) {
  using S = model::Schema<R>;
  std::string markers;
  if constexpr (requires { record.sources; }) markers = notes.markers(record.sources, terminal);
  append_heading(out, clean(model::name_of(record)), markers, terminal);
  append_field(out, tr("Id"), paint(terminal, Style::id, clean(record.id)), terminal);
  for (const auto& field : S::fields) {
    if (field.show != model::Show::field) continue;
    std::string text = field_text(record, field, facts, notes, terminal);
    if (text.empty() && !field.missing.empty()) text = tr(field.missing);
    const std::string_view label = tr(field.label);
    append_field(out, label, text, terminal,
                 std::max<std::size_t>(10, util::display_width(label) + 1));
    if constexpr (requires { record.value.is_point(); }) {
      if (field.type == model::FieldType::quantity && !record.value.is_point()) {
        append_field(out, tr("Kind"), tr("estimate or range"), terminal);
      }
    }
  }
  for (const auto& field : S::fields) {
    if (field.show != model::Show::paragraph) continue;
    out += '\n';
    append_paragraph(out, localized(record, std::get<model::Text R::*>(field.member)), terminal);
  }
  for (const auto& field : S::fields) {
    if (field.show != model::Show::list) continue;
    const model::TextList ids = record.*std::get<model::TextList R::*>(field.member);
    if (ids.empty()) continue;
    out += '\n';
    out += paint(terminal, Style::heading, tr(field.label));
    out += '\n';
    for (const auto& id : ids) {
      const auto* ref = facts.find(id);
      const std::string text =
          ref ? fmt::format("{} ({}) {}", clean(facts.name_of(*ref)), clean(id),
                            notes.markers(facts.sources_of(*ref), Terminal{}))
              : clean(id);
      out += util::wrap(text, terminal.width, "  - ", "    ");
    }
  }
  for (const auto& field : S::fields) {
    if (field.show != model::Show::note) continue;
    const model::Text note = localized(record, std::get<model::Text R::*>(field.member));
    if (note.empty()) continue;
    out += '\n';
    append_field(out, tr(field.label), clean(note), terminal);
  }
}

}  // namespace

std::string clean(std::string_view text) {
  return util::escape_controls(text);
}

std::string display_unit(std::string_view unit) {
  if (util::language() != util::Language::ko) return clean(unit);
  std::string counter = korean_counter(unit);
  if (!counter.empty() && counter.front() == ' ') counter.erase(0, 1);
  return counter;
}

std::string format_quantity(const model::Quantity& q, std::string_view unit, bool grouped) {
  auto number = [&](double value) { return util::format_number(value, grouped); };
  std::string value;
  if (util::language() == util::Language::ko) {
    // Korean puts the counter right after the number: 34,537명, 3만–5만 원 is not used.
    const std::string counter = korean_counter(unit);
    if (q.is_point()) return number(*q.low) + counter;
    if (q.low && q.high)
      return fmt::format("{}{}{}{}", number(*q.low), k_dash, number(*q.high), counter);
    if (q.low) return number(*q.low) + counter + " 이상";
    if (q.high) return number(*q.high) + counter + " 이하";
    return {};
  }
  // One of a counted unit is singular, as count_phrase words record and source counts:
  // "1 person", "at least 1 case"; a range ("1–2 people") and other units keep the name.
  const bool range = !q.is_point() && q.low && q.high;
  const std::optional<double> shown = q.low ? q.low : q.high;
  if (!range && shown && *shown == 1) unit = singular_unit(unit);
  if (q.is_point()) {
    value = number(*q.low);
  } else if (q.low && q.high) {
    value = fmt::format("{}{}{}", number(*q.low), k_dash, number(*q.high));
  } else if (q.low) {
    value = "at least " + number(*q.low);
  } else if (q.high) {
    value = "up to " + number(*q.high);
  }
  if (unit == "percent") return value + "%";
  if (unit.empty()) return value;
  return fmt::format("{} {}", value, clean(unit));
}

void append_field(std::string& out, std::string_view label, std::string_view value,
                  const Terminal& terminal, std::size_t label_width) {
  if (value.empty()) return;
  // A label wider than its column (in Korean) moves the value over: wrapped lines go under it.
  label_width = std::max(label_width, util::display_width(label) + 1);
  const std::size_t longest = longest_word(value);
  if (terminal.width > 0 && 2 + label_width + longest > terminal.width) {
    // A word too wide to stand beside the label (an id, a URL): the label on a line of its
    // own and the value under it, as far in as leaves the word room (a URL, never split,
    // may still be wider).
    std::size_t indent = 4;
    while (indent > 0 && indent + longest > terminal.width) indent -= 2;
    out += "  ";
    out += paint(terminal, Style::label, label);
    out += '\n';
    const std::string spaces(indent, ' ');
    out += util::wrap(value, terminal.width, spaces, spaces);
    return;
  }
  const std::string indent(2 + label_width, ' ');
  out += "  ";
  out += paint(terminal, Style::label, util::pad_right(label, label_width - 1));
  out += ' ';
  out += util::wrap_rest(value, terminal.width, indent, indent);
}

std::vector<const model::Figure*> headline_figures(const model::FactBase& facts, bool all_if_none) {
  std::vector<const model::Figure*> figures;
  for (const auto& figure : facts.figures) {
    if (figure.headline) figures.push_back(&figure);
  }
  if (figures.empty() && all_if_none) {
    for (const auto& figure : facts.figures) figures.push_back(&figure);
  }
  std::sort(figures.begin(), figures.end(),
            [](const auto* a, const auto* b) { return a->id < b->id; });
  return figures;
}

void render_headline_figures(std::string& out, const model::FactBase& facts, SourceNotes& notes,
                             const Terminal& terminal, bool all_if_none) {
  const auto figures = headline_figures(facts, all_if_none);
  std::size_t value_width = 0;
  std::vector<std::string> values;
  for (const auto* figure : figures) {
    values.push_back(format_quantity(figure->value, figure->unit, true));
    value_width = std::max(value_width, util::display_width(values.back()));
  }
  value_width = std::min<std::size_t>(value_width, 24);
  for (std::size_t i = 0; i < figures.size(); ++i) {
    const auto& figure = *figures[i];
    const std::string text = fmt::format(
        fmt::runtime(tr("{} (as of {}) {}")), clean(localized(figure, &model::Figure::label)),
        as_of_text(figure.as_of), notes.markers(figure.sources, Terminal{}));
    const std::string indent(2 + value_width + 2, ' ');
    out += "  ";
    out += util::pad_right(paint(terminal, Style::number, values[i]), value_width);
    if (util::display_width(values[i]) > value_width) {
      out += '\n';
      out += util::wrap(text, terminal.width, indent, indent);
    } else {
      out += "  ";
      out += util::wrap_rest(text, terminal.width, indent, indent);
    }
  }
}

void render_route(std::string& out, const model::Route& route, const model::FactBase& facts,
                  SourceNotes& notes, const Terminal& terminal, bool full) {
  using R = model::Route;
  append_heading(out, clean(localized(route, &R::name)), notes.markers(route.sources, terminal),
                 terminal);
  append_field(out, tr("Id"), paint(terminal, Style::id, clean(route.id)), terminal);
  append_field(out, tr("Path"), join(localized(route, &R::path), k_arrow), terminal);
  append_field(out, tr("Crossing"), clean(localized(route, &R::crossing)), terminal);
  append_field(out, tr("Dangers"), danger_names(route, facts), terminal);
  append_field(out, tr("Also called"), join(route.aliases, "; "), terminal, 12);
  if (full) {
    out += '\n';
    append_paragraph(out, localized(route, &R::summary), terminal);
    if (!route.note.empty()) {
      out += '\n';
      append_field(out, tr("Note"), clean(localized(route, &R::note)), terminal);
    }
    if (!route.dangers.empty()) {
      out += '\n';
      out += paint(terminal, Style::heading, tr("Dangers on this route"));
      out += '\n';
      for (const auto& id : route.dangers) {
        const auto* ref = facts.find(id);
        if (!ref || ref->kind != model::Kind::danger) continue;
        const auto& danger = facts.dangers[ref->index];
        const std::string text =
            fmt::format("{} ({}) {}", clean(model::name_of(danger)), clean(danger.id),
                        notes.markers(danger.sources, Terminal{}));
        out += util::wrap(text, terminal.width, "  - ", "    ");
      }
    }
  }
}

void render_danger(std::string& out, const model::Danger& danger, const model::FactBase& facts,
                   SourceNotes& notes, const Terminal& terminal, bool full) {
  using D = model::Danger;
  append_heading(out, clean(localized(danger, &D::name)), notes.markers(danger.sources, terminal),
                 terminal);
  append_field(out, tr("Id"), paint(terminal, Style::id, clean(danger.id)), terminal);
  append_field(out, tr("Where"), clean(localized(danger, &D::where)), terminal);
  append_field(out, tr("Also called"), join(danger.aliases, "; "), terminal, 12);
  if (full) {
    std::vector<std::string_view> routes;
    for (const auto& route : facts.routes) {
      if (std::find(route.dangers.begin(), route.dangers.end(), danger.id) != route.dangers.end()) {
        routes.push_back(model::name_of(route));
      }
    }
    append_field(out, tr("Routes"), join(routes, "; "), terminal);
    out += '\n';
    append_paragraph(out, localized(danger, &D::summary), terminal);
    if (!danger.note.empty()) {
      out += '\n';
      append_field(out, tr("Note"), clean(localized(danger, &D::note)), terminal);
    }
  } else {
    append_field(out, tr("Summary"), clean(localized(danger, &D::summary)), terminal);
  }
}

void render_claim(std::string& out, const model::Claim& claim, const model::FactBase& facts,
                  SourceNotes& notes, const Terminal& terminal, bool full) {
  if (full) {
    render_record(out, facts, *facts.find(claim.id), notes, terminal);
    return;
  }
  append_heading(out, clean(localized(claim, &model::Claim::statement)),
                 notes.markers(claim.sources, terminal), terminal);
  append_field(out, tr("Id"), paint(terminal, Style::id, clean(claim.id)), terminal);
  append_field(out, tr("Verdict"), tr(model::verdict_name(claim.verdict)), terminal);
  append_field(out, tr("Finding"), clean(localized(claim, &model::Claim::summary)), terminal);
}

void render_term(std::string& out, const model::Term& term, const model::FactBase& facts,
                 SourceNotes& notes, const Terminal& terminal, bool full) {
  if (full) {
    render_record(out, facts, *facts.find(term.id), notes, terminal);
    return;
  }
  if (util::language() == util::Language::ko) {
    // A Korean reader looks the Korean term up: it leads, with the English beside it.
    append_heading(out, fmt::format("{} ({})", clean(term.korean), clean(term.romanization)),
                   notes.markers(term.sources, terminal), terminal);
    append_field(out, tr("Id"), paint(terminal, Style::id, clean(term.id)), terminal);
    append_field(out, tr("English"), clean(term.term), terminal);
  } else {
    append_heading(out, clean(term.term), notes.markers(term.sources, terminal), terminal);
    append_field(out, tr("Id"), paint(terminal, Style::id, clean(term.id)), terminal);
    append_field(out, tr("Korean"),
                 fmt::format("{} ({})", clean(term.korean), clean(term.romanization)), terminal);
  }
  append_field(out, tr("Meaning"), clean(localized(term, &model::Term::summary)), terminal);
}

namespace {

// A series' table as text cells: the header, a row a point (period, the columns, the total,
// the share, markers last) and a total row when there are several points; the points'
// notes go under the table.
struct SeriesCells {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row_notes;
  bool has_total = false;  // the last row is the total
};

// The heading, the unit and summary, and the other names.
void series_intro(std::string& out, const model::Series& series, SourceNotes& notes,
                  const Terminal& terminal) {
  using S = model::Series;
  append_heading(out, clean(localized(series, &S::name)), notes.markers(series.sources, terminal),
                 terminal);
  out += util::wrap(fmt::format(fmt::runtime(tr("Unit: {}. {}")), display_unit(series.unit),
                                clean(localized(series, &S::summary))),
                    terminal.width, "", "");
  if (!series.aliases.empty()) {
    out += util::wrap(fmt::format(fmt::runtime(tr("Also called: {}")), join(series.aliases, "; ")),
                      terminal.width, "", "  ");
  }
  out += '\n';
}

// "Total" (or "Total shown" for some of the points): each column's sum, their sum, the share.
std::vector<std::string> series_total_row(const std::vector<double>& sums, bool all_points,
                                          std::optional<std::size_t> share_index) {
  std::vector<std::string> total = {std::string(all_points ? tr("Total") : tr("Total shown"))};
  double all = 0;
  for (const double sum : sums) {
    total.push_back(util::format_number(sum, true));
    all += sum;
  }
  total.push_back(util::format_number(all, true));
  if (share_index) total.push_back(util::format_percent(sums[*share_index], all));
  total.emplace_back();
  return total;
}

SeriesCells series_cells(const model::Series& series,
                         const std::vector<const model::SeriesPoint*>& points, SourceNotes& notes) {
  SeriesCells cells;
  std::optional<std::size_t> share_index;
  const auto share = std::find(series.columns.begin(), series.columns.end(), series.share_column);
  if (share != series.columns.end())
    share_index = static_cast<std::size_t>(share - series.columns.begin());
  const model::TextList columns = localized(series, &model::Series::columns);
  cells.header = {std::string(tr("Period"))};
  for (const auto& column : columns) cells.header.push_back(capitalise(clean(column)));
  cells.header.push_back(std::string(tr("Total")));
  if (share_index) cells.header.push_back(capitalise(clean(columns[*share_index])) + " %");
  std::vector<double> sums(series.columns.size(), 0.0);
  for (const auto* point : points) {
    std::vector<std::string> row = {model::display_period(point->period)};
    for (std::size_t c = 0; c < point->values.size(); ++c) {
      row.push_back(util::format_number(point->values[c], true));
      sums[c] += point->values[c];
    }
    row.push_back(util::format_number(point->total(), true));
    if (share_index)
      row.push_back(util::format_percent(point->values[*share_index], point->total()));
    std::string markers = notes.markers(point->sources, Terminal{});
    if (!point->note.empty()) {
      cells.row_notes.push_back(fmt::format("{}: {}", model::display_period(point->period),
                                            clean(model::localized_note(*point))));
      markers += markers.empty() ? "*" : " *";
    }
    row.push_back(markers);
    cells.rows.push_back(std::move(row));
  }
  if (points.size() > 1) {
    cells.rows.push_back(
        series_total_row(sums, points.size() == series.points.size(), share_index));
    cells.has_total = true;
  }
  cells.header.emplace_back();
  return cells;
}

// Too narrow for a table: one block of "field value" lines per row.
void series_blocks(std::string& out, const SeriesCells& cells, const Terminal& terminal) {
  for (const auto& row : cells.rows) {
    out += paint(terminal, Style::heading, row[0]);
    if (!row.back().empty()) out += ' ' + paint(terminal, Style::marker, row.back());
    out += '\n';
    for (std::size_t c = 1; c + 1 < row.size(); ++c) {
      append_field(out, cells.header[c], row[c], terminal, 9);
    }
  }
}

// One line of the table: the period left-aligned, numbers right-aligned, markers last;
// the header and the total row as headings.
void series_row(std::string& out, const std::vector<std::string>& row,
                const std::vector<std::size_t>& widths, bool emphasised, const Terminal& terminal) {
  std::string line;
  for (std::size_t c = 0; c < row.size(); ++c) {
    const bool last = c + 1 == row.size();
    std::string cell;
    if (c == 0) {
      cell = util::pad_right(row[c], widths[c]);
    } else if (last) {
      cell = row[c];
    } else {
      cell = util::pad_left(row[c], widths[c]);
    }
    if (emphasised) {
      cell = paint(terminal, Style::heading, cell);
    } else if (last) {
      cell = paint(terminal, Style::marker, cell);
    }
    if (c > 0) line += "  ";
    line += cell;
  }
  line.erase(line.find_last_not_of(' ') + 1);
  out += line;
  out += '\n';
}

}  // namespace

void render_series_table(std::string& out, const model::Series& series,
                         const std::vector<const model::SeriesPoint*>& points, SourceNotes& notes,
                         const Terminal& terminal) {
  series_intro(out, series, notes, terminal);
  // Cells as text first, then widths, so alignment is by display width.
  const SeriesCells cells = series_cells(series, points, notes);
  std::vector<std::size_t> widths(cells.header.size(), 0);
  for (std::size_t c = 0; c < cells.header.size(); ++c)
    widths[c] = util::display_width(cells.header[c]);
  for (const auto& row : cells.rows) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      widths[c] = std::max(widths[c], util::display_width(row[c]));
    }
  }
  std::size_t table_width = 0;
  for (const auto w : widths) table_width += w + 2;
  if (terminal.width > 0 && table_width > terminal.width) {
    series_blocks(out, cells, terminal);
  } else {
    series_row(out, cells.header, widths, true, terminal);
    for (std::size_t r = 0; r < cells.rows.size(); ++r) {
      const bool is_total = cells.has_total && r + 1 == cells.rows.size();
      series_row(out, cells.rows[r], widths, is_total, terminal);
    }
  }
  if (!cells.row_notes.empty()) {
    out += '\n';
    for (const auto& note : cells.row_notes) out += util::wrap(note, terminal.width, "* ", "  ");
  }
  if (!series.note.empty()) {
    out += '\n';
    out += util::wrap(clean(localized(series, &model::Series::note)), terminal.width,
                      fmt::format("{}: ", tr("Note")), "  ");
  }
}

void render_record(std::string& out, const model::FactBase& facts, const model::RecordRef& ref,
                   SourceNotes& notes, const Terminal& terminal) {
  switch (ref.kind) {
    case model::Kind::route:
      render_route(out, facts.routes[ref.index], facts, notes, terminal, true);
      return;
    case model::Kind::danger:
      render_danger(out, facts.dangers[ref.index], facts, notes, terminal, true);
      return;
    case model::Kind::series: {
      const auto& series = facts.series[ref.index];
      std::vector<const model::SeriesPoint*> points;
      for (const auto& point : series.points) points.push_back(&point);
      render_series_table(out, series, points, notes, terminal);
      return;
    }
    case model::Kind::reference: {
      const auto& r = facts.references[ref.index];
      render_generic(out, r, facts, notes, terminal);
      std::vector<std::string_view> cited_by;
      for (const auto& citation : facts.citations()) {
        if (citation.reference == r.id) cited_by.emplace_back(citation.record);
      }
      std::sort(cited_by.begin(), cited_by.end());
      cited_by.erase(std::unique(cited_by.begin(), cited_by.end()), cited_by.end());
      append_field(out, tr("Cited by"), join(cited_by, ", "), terminal);
      out += '\n';
      out += util::wrap(cite_plain(r), terminal.width, "  ", "  ");
      return;
    }
    default:
      model::visit_record(facts, ref, [&](const auto& record, auto) {
        render_generic(out, record, facts, notes, terminal);
      });
      return;
  }
}

void render_bibliography(std::string& out, const std::vector<const model::Reference*>& references,
                         CitationStyle style, const Terminal& terminal,
                         const std::function<void()>& after_entry) {
  if (style == CitationStyle::plain) {
    const std::size_t width = fmt::format("{}", references.size()).size();
    for (std::size_t i = 0; i < references.size(); ++i) {
      append_numbered_entry(out, i + 1, width, cite_plain(*references[i]), terminal);
      if (after_entry) after_entry();
    }
    return;
  }
  const auto entries = bibliography(references, style);
  // Room for the whole list at once: a list of citations is the longest answer there is.
  std::size_t size = out.size();
  for (const auto& entry : entries) size += entry.text.size() + entry.text.size() / 8 + 2;
  out.reserve(size);
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (style == CitationStyle::bibtex) {
      if (i > 0) out += '\n';
      out += entries[i].text;
      out += '\n';
    } else {
      util::wrap_into(out, entries[i].text, terminal.width, "", "    ");
    }
    if (after_entry) after_entry();
  }
}

}  // namespace nkfacts::render

#include <fmt/format.h>

#include <algorithm>

#include "commands/commands.hpp"
#include "commands/exit_status.hpp"
#include "commands/help.hpp"
#include "query/lookup.hpp"
#include "render/chart.hpp"
#include "render/diagnostics.hpp"
#include "render/html_pages.hpp"
#include "render/record_rows.hpp"
#include "render/text.hpp"
#include "util/i18n.hpp"

namespace nkfacts::commands {

namespace {

// The years asked for: --year, or --from and --to (either may be open).
struct Range {
  std::optional<int> from, to;
  bool filtered() const { return from || to; }
};

// Every series, by id: the order of the tables, the charts and the data rows.
std::vector<const model::Series*> series_by_id(const model::FactBase& facts) {
  std::vector<const model::Series*> all;
  for (const auto& s : facts.series) all.push_back(&s);
  std::sort(all.begin(), all.end(), [](const auto* a, const auto* b) { return a->id < b->id; });
  return all;
}

int nothing_in_range(Context& context, const Range& range) {
  context.err +=
      render::format_error(range.filtered() ? "no period in the series falls in the range given"
                                            : "no figures or series in the loaded facts",
                           "'nkfacts stats' shows every period", context.err_terminal);
  return exit_status::nothing_found;
}

int stats_page(const StatsOptions& options, Context& context, const Range& range) {
  const auto& facts = context.facts;
  if (options.ascii) {
    return usage_error(context, util::tr("--ascii applies to the text chart"),
                       util::tr("drop --ascii: the page draws its chart itself"));
  }
  std::vector<render::html::SeriesRows> rows;
  for (const auto* s : series_by_id(facts)) {
    auto points = query::points_between(*s, range.from, range.to);
    if (!points.empty()) rows.push_back({s, std::move(points)});
  }
  const bool figures = !range.filtered() && !options.chart && !facts.figures.empty();
  if (rows.empty() && !figures) return nothing_in_range(context, range);
  append_output(context, render::html::stats_page(
                             facts, rows, figures,
                             {context.paper, context.first_own_file,
                              fmt::format("nkfacts {}, {}", NKFACTS_VERSION, facts_line(facts))}));
  return exit_status::answered;
}

// One row per period of every series, and before them the headline figures as the text
// shows them (not when a year or range is asked for). The series rows' fields come first
// in the schema, so their columns keep their places in csv and tsv.
int stats_data(Context& context, const Range& range) {
  const auto& facts = context.facts;
  std::vector<const model::Figure*> figures;
  if (!range.filtered()) figures = render::headline_figures(facts, true);
  std::vector<std::string> schema;
  std::vector<std::pair<const model::Series*, std::vector<const model::SeriesPoint*>>> series;
  std::size_t count = figures.size();
  for (const auto* s : series_by_id(facts)) {
    render::add_fields(schema, render::series_fields(*s));
    series.emplace_back(s, query::points_between(*s, range.from, range.to));
    count += series.back().second.size();
  }
  if (!figures.empty()) render::add_fields(schema, render::fields_of(model::Kind::figure));
  if (count == 0) return nothing_in_range(context, range);
  if (!check_fields(context, schema)) return exit_status::usage_error;
  RowStream rows(context, schema, count);
  for (const auto* figure : figures) rows.row(render::record_row(facts, *facts.find(figure->id)));
  for (const auto& [s, points] : series) {
    for (const auto* point : points) rows.row(render::series_row(*s, *point));
  }
  return rows.finish();
}

int stats_text(const StatsOptions& options, Context& context, const Range& range) {
  const auto& facts = context.facts;
  render::SourceNotes notes(facts);
  std::string body;
  const bool any_headline = std::any_of(facts.figures.begin(), facts.figures.end(),
                                        [](const auto& f) { return f.headline; });
  if (!range.filtered() && !facts.figures.empty() && !options.chart) {
    // A fact base that marks no figure headline shows all its figures.
    body += render::paint(context.out_terminal, render::Style::heading,
                          any_headline ? util::tr("Headline figures") : util::tr("Figures"));
    body += '\n';
    render::render_headline_figures(body, facts, notes, context.out_terminal, true);
  }
  bool any_rows = false;
  for (const auto* s : series_by_id(facts)) {
    const auto points = query::points_between(*s, range.from, range.to);
    if (points.empty()) continue;
    any_rows = true;
    if (!body.empty()) body += '\n';
    if (options.chart) {
      render::render_bar_chart(body, *s, points, notes, context.out_terminal,
                               options.ascii ? render::Glyphs::ascii : render::Glyphs::unicode);
    } else {
      render::render_series_table(body, *s, points, notes, context.out_terminal);
    }
  }
  if (range.filtered() && !any_rows) {
    const std::string years =
        options.year ? fmt::format("{}", *options.year)
                     : fmt::format("{}\u2013{}", range.from ? fmt::format("{}", *range.from) : "",
                                   range.to ? fmt::format("{}", *range.to) : "");
    context.err += render::format_error(
        fmt::format(fmt::runtime(util::tr("no period in the series falls in {}")), years),
        util::tr("'nkfacts stats' shows every period"), context.err_terminal);
    return exit_status::nothing_found;
  }
  if (body.empty()) {
    context.err += render::format_error(util::tr("no figures or series in the loaded facts"), "",
                                        context.err_terminal);
    return exit_status::nothing_found;
  }
  append_output(context, std::move(body));
  notes.render(context.out, context.out_terminal);
  return exit_status::answered;
}

}  // namespace

int run_stats(const StatsOptions& options, Context& context) {
  const Range range{options.year ? options.year : options.from,
                    options.year ? options.year : options.to};
  if (range.from && range.to && *range.from > *range.to) {
    context.err +=
        render::format_error(fmt::format("--from {} is after --to {}", *range.from, *range.to),
                             "give the earlier year first", context.err_terminal);
    return exit_status::usage_error;
  }
  if (options.ascii && !options.chart) {
    return usage_error(context, "--ascii applies to --chart",
                       "add --chart, e.g. 'nkfacts stats --chart --ascii'");
  }
  if (options.chart && is_machine_format(context) && context.format != render::Format::html) {
    return usage_error(context, "--chart draws for the terminal, not in a machine format",
                       "drop --chart to get the table's rows, or drop --format to see the chart");
  }
  if (context.format == render::Format::html) return stats_page(options, context, range);
  if (is_machine_format(context)) return stats_data(context, range);
  return stats_text(options, context, range);
}

}  // namespace nkfacts::commands

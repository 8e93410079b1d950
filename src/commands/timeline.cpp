#include <fmt/format.h>

#include <algorithm>

#include "commands/commands.hpp"
#include "commands/exit_status.hpp"
#include "commands/help.hpp"
#include "render/chart.hpp"
#include "render/diagnostics.hpp"
#include "render/html_pages.hpp"
#include "render/record_rows.hpp"
#include "render/text.hpp"
#include "util/i18n.hpp"

namespace nkfacts::commands {

int run_timeline(const TimelineOptions& options, Context& context) {
  const auto& facts = context.facts;
  const std::optional<int> from = options.year ? options.year : options.from;
  const std::optional<int> to = options.year ? options.year : options.to;
  if (from && to && *from > *to) {
    return usage_error(context, fmt::format("--from {} is after --to {}", *from, *to),
                       "give the earlier year first");
  }
  if (options.ascii && is_machine_format(context)) {
    return usage_error(context, "--ascii applies to the text timeline", "drop --ascii or --format");
  }
  std::vector<const model::Event*> events;
  for (const auto& event : facts.events) {
    if (from && event.date.year < *from) continue;
    if (to && event.date.year > *to) continue;
    events.push_back(&event);
  }
  // By date; a date known only to the year comes before the dated events of that year.
  std::stable_sort(events.begin(), events.end(), [](const auto* a, const auto* b) {
    return a->date != b->date ? a->date < b->date : a->id < b->id;
  });
  if (events.empty()) {
    if (facts.events.empty()) {
      context.err +=
          render::format_error(util::tr("no events in the loaded facts"), "", context.err_terminal);
    } else {
      context.err +=
          render::format_error("no event falls in the years given",
                               "'nkfacts timeline' shows every event", context.err_terminal);
    }
    return exit_status::nothing_found;
  }
  if (context.format == render::Format::html) {
    append_output(context,
                  render::html::timeline_page(
                      facts, events,
                      {context.paper, context.first_own_file,
                       fmt::format("nkfacts {}, {}", NKFACTS_VERSION, facts_line(facts))}));
    return exit_status::answered;
  }
  if (is_machine_format(context)) {
    const auto& schema = render::fields_of(model::Kind::event);
    if (!check_fields(context, schema)) return exit_status::usage_error;
    RowStream rows(context, schema, events.size());
    for (const auto* event : events) rows.row(render::record_row(facts, *facts.find(event->id)));
    return rows.finish();
  }
  expect_answer_of(context, events.size() * 500);
  render::SourceNotes notes(facts);
  const int first = events.front()->date.year;
  const int last = events.back()->date.year;
  render::append_heading(
      context.out,
      util::language() == util::Language::ko
          ? fmt::format(fmt::runtime(util::tr("Timeline, {}{}: {} event(s)")), first,
                        last != first ? fmt::format("\u2013{}", last) : std::string(),
                        events.size())
          : fmt::format("Timeline, {}{}: {} event{}", first,
                        last != first ? fmt::format("\u2013{}", last) : std::string(),
                        events.size(), events.size() == 1 ? "" : "s"),
      "", context.out_terminal);
  render::render_timeline(context.out, events, notes, context.out_terminal,
                          options.ascii ? render::Glyphs::ascii : render::Glyphs::unicode);
  notes.render(context.out, context.out_terminal);
  return exit_status::answered;
}

}  // namespace nkfacts::commands

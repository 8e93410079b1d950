#include "commands/commands.hpp"
#include "commands/exit_status.hpp"
#include "query/lookup.hpp"
#include "render/diagnostics.hpp"
#include "render/record_rows.hpp"
#include "render/text.hpp"
#include "util/i18n.hpp"

namespace nkfacts::commands {

int run_show(const ShowOptions& options, Context& context) {
  if (options.ids.empty()) {
    context.err +=
        render::format_error(util::tr("show needs at least one id"),
                             util::tr("'nkfacts list' shows every id"), context.err_terminal);
    return exit_status::usage_error;
  }
  // What exists is shown; every id not found is reported, and the status says so.
  std::vector<const model::RecordRef*> refs;
  int status = exit_status::answered;
  for (const auto& id : options.ids) {
    const auto found = query::lookup(context.facts, id);
    if (!found.ref) {
      status = report_unknown_id(context, id, "", found.suggestions);
      continue;
    }
    refs.push_back(found.ref);
  }
  if (refs.empty()) return status;
  if (is_machine_format(context)) {
    render::Dataset data;
    std::vector<std::string> valid;
    for (const model::Kind kind : model::k_all_kinds)
      render::add_fields(valid, render::record_fields(kind));
    for (const auto* ref : refs) {
      render::add_fields(data.fields, render::record_fields(ref->kind));
      data.rows.push_back(render::record_row(context.facts, *ref));
    }
    // A series carries its rows, as its text shows them: after the records, one a period.
    for (const auto* ref : refs) {
      if (ref->kind != model::Kind::series) continue;
      const auto& series = context.facts.series[ref->index];
      render::add_fields(data.fields, render::series_fields(series));
      for (const auto& point : series.points)
        data.rows.push_back(render::series_row(series, point));
    }
    for (const auto& series : context.facts.series)
      render::add_fields(valid, render::series_fields(series));
    render::resolve_references(data, context.facts);
    const int emitted = emit_dataset(context, data, valid);
    return emitted != exit_status::answered ? emitted : status;
  }
  render::SourceNotes notes(context.facts);
  for (std::size_t i = 0; i < refs.size(); ++i) {
    if (i > 0) context.out += '\n';
    render::render_record(context.out, context.facts, *refs[i], notes, context.out_terminal);
  }
  notes.render(context.out, context.out_terminal);
  return status;
}

}  // namespace nkfacts::commands

#include "commands/commands.hpp"
#include "commands/exit_status.hpp"
#include "render/record_rows.hpp"
#include "render/text.hpp"

namespace nkfacts::commands {

int run_overview(Context& context, const std::vector<render::CommandSummary>& summaries) {
  if (is_machine_format(context)) {
    // The numbers of the overview: the headline figures, by id.
    render::Dataset data;
    data.fields = render::fields_of(model::Kind::figure);
    for (const auto& id : context.facts.ids_of(model::Kind::figure)) {
      const auto* ref = context.facts.find(id);
      if (context.facts.figures[ref->index].headline) {
        data.rows.push_back(render::record_row(context.facts, *ref));
      }
    }
    render::resolve_references(data, context.facts);
    return emit_dataset(context, data, data.fields);
  }
  render::SourceNotes notes(context.facts);
  render::render_overview(context.out, context.facts, summaries, notes, context.out_terminal);
  notes.render(context.out, context.out_terminal);
  return exit_status::answered;
}

}  // namespace nkfacts::commands

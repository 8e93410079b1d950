#include <fmt/format.h>

#include "commands/commands.hpp"
#include "commands/exit_status.hpp"
#include "render/diagnostics.hpp"
#include "util/utf8.hpp"

namespace nkfacts::commands {

// One record per line, "id<TAB>kind<TAB>name", sorted by id: the stable input for scripts
// and shell completion (docs/cli.md, section 7). The machine formats carry the same three fields.
int run_list(const ListOptions& options, Context& context) {
  const auto& facts = context.facts;
  std::optional<model::Kind> kind;
  if (!parse_kind_argument(context, options.kind, kind)) return exit_status::usage_error;
  const auto ids = kind ? facts.ids_of(*kind) : facts.ids();
  if (ids.empty()) {
    return report(
        context, exit_status::nothing_found,
        fmt::format("no {} in the loaded facts", kind ? model::kind_plural(*kind) : "records"));
  }
  if (is_machine_format(context)) {
    render::Dataset data;
    data.fields = {"id", "kind", "name"};
    for (const auto& id : ids) {
      const auto* ref = facts.find(id);
      render::Row row;
      row.add("id", id);
      row.add("kind", std::string(model::kind_name(ref->kind)));
      row.add("name", std::string(facts.name_of(*ref)));
      data.rows.push_back(std::move(row));
    }
    return emit_dataset(context, data, data.fields);
  }
  // The text form is written directly: this runs at every shell completion.
  expect_answer_of(context, ids.size() * 100);
  for (const auto& id : ids) {
    const auto* ref = facts.find(id);
    context.out += id;
    context.out += '\t';
    context.out += model::kind_name(ref->kind);
    context.out += '\t';
    context.out += util::escape_controls(facts.name_of(*ref), util::Newlines::escape);
    context.out += '\n';
    pass_on(context);
  }
  return exit_status::answered;
}

}  // namespace nkfacts::commands

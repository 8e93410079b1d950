#include <fmt/format.h>

#include "commands/commands.hpp"
#include "commands/exit_status.hpp"
#include "render/diagnostics.hpp"
#include "util/utf8.hpp"

namespace nkfacts::commands {

// One record per line, "id<TAB>kind<TAB>name", sorted by id: the stable input for scripts
// and shell completion (CLI.md section 6).
int run_list(const ListOptions& options, Context& context) {
  const auto& facts = context.facts;
  std::optional<model::Kind> kind;
  if (!options.kind.empty()) {
    kind = model::parse_kind(options.kind);
    if (!kind) {
      context.err += render::format_error(
          fmt::format("unknown kind '{}'", util::escape_controls(options.kind, util::Newlines::escape)),
          "valid kinds: figure, series, route, danger, event, fact, reference", context.err_terminal);
      return exit_status::usage_error;
    }
  }
  std::size_t count = 0;
  for (const auto& id : kind ? facts.ids_of(*kind) : facts.ids()) {
    const auto* ref = facts.find(id);
    context.out += fmt::format("{}\t{}\t{}\n", id, model::kind_name(ref->kind),
                               util::escape_controls(facts.name_of(*ref), util::Newlines::escape));
    ++count;
  }
  if (count == 0) {
    context.err += fmt::format("nkfacts: no {} in the loaded facts\n",
                               kind ? model::kind_plural(*kind) : "records");
    return exit_status::nothing_found;
  }
  return exit_status::answered;
}

}  // namespace nkfacts::commands

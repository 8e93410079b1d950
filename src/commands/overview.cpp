#include "commands/commands.hpp"
#include "commands/exit_status.hpp"
#include "commands/help.hpp"
#include "render/text.hpp"

namespace nkfacts::commands {

int run_overview(Context& context) {
  std::vector<render::CommandSummary> summaries;
  for (const auto& command : command_table()) {
    if (command.name != "help") summaries.push_back({command.name, command.summary});
  }
  render::SourceNotes notes(context.facts);
  render::render_overview(context.out, context.facts, summaries, notes, context.out_terminal);
  notes.render(context.out, context.out_terminal);
  return exit_status::answered;
}

}  // namespace nkfacts::commands

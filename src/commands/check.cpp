#include <algorithm>
#include <set>

#include "commands/commands.hpp"
#include "commands/exit_status.hpp"
#include "load/review.hpp"
#include "render/diagnostics.hpp"

namespace nkfacts::commands {

int run_check(const CheckOptions& options, load::SourceOptions sources, const model::Date& today,
              Context& context) {
  if (!options.paths.empty()) {
    // The files named are checked on top of the embedded facts (so they may cite them),
    // without NKFACTS_PATH.
    sources.env_paths.clear();
    sources.cli_paths.insert(sources.cli_paths.end(), options.paths.begin(), options.paths.end());
  }
  load::LoadResult loaded = load::load_sources(std::move(sources));
  auto diagnostics = std::move(loaded.diagnostics);
  // The paths named here came as check's arguments, not as --facts: say so in the hint.
  for (auto& d : diagnostics) {
    const auto named = [&](const std::string& path) { return d.message.rfind(path + ": ", 0) == 0; };
    if (d.hint.rfind("--facts takes", 0) == 0 &&
        std::any_of(options.paths.begin(), options.paths.end(), named)) {
      d.hint = "check takes a .toml file, a directory of them, or - for standard input";
    }
  }
  auto more = load::review_fact_base(loaded.facts, today);
  diagnostics.insert(diagnostics.end(), more.begin(), more.end());
  std::set<std::string_view> files;
  for (std::size_t i = 1; i < loaded.facts.files.size(); ++i) files.insert(loaded.facts.files[i]);
  append_output(context, render::format_check_report(diagnostics, files.size(),
                                                     loaded.facts.record_count(),
                                                     context.out_terminal));
  for (const auto& d : diagnostics) {
    if (d.severity == model::Severity::error) return exit_status::data_error;
  }
  return exit_status::answered;
}

}  // namespace nkfacts::commands

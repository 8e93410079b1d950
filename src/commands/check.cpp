#include <algorithm>
#include <set>

#include "commands/commands.hpp"
#include "commands/exit_status.hpp"
#include "load/review.hpp"
#include "render/diagnostics.hpp"
#include "util/i18n.hpp"

namespace nkfacts::commands {

int run_check(const CheckOptions& options, load::SourceOptions sources, Context& context) {
  // `check FILE` counts only the files named and their records, not the embedded facts
  // they are checked on top of; a bare `check` counts everything it loaded.
  const std::size_t first_checked =
      options.paths.empty() || !sources.embedded ? 1 : sources.embedded->files.size();
  if (!options.paths.empty()) {
    // The files named are checked on top of the embedded facts (so they may cite them),
    // without NKFACTS_PATH.
    sources.env_paths.clear();
    sources.cli_paths.insert(sources.cli_paths.end(), options.paths.begin(), options.paths.end());
  }
  // The embedded facts must be in Korean in full (load/review.hpp).
  const std::size_t embedded_end = sources.embedded ? sources.embedded->files.size() : 1;
  // The build reviewed the embedded facts' Korean already; when it found nothing, only
  // the user's files are reviewed here.
  const std::size_t first_reviewed = sources.embedded && sources.embedded->translations_reviewed
                                         ? std::max(first_checked, embedded_end)
                                         : first_checked;
  load::LoadResult loaded = load::load_sources(std::move(sources));
  auto diagnostics = std::move(loaded.diagnostics);
  // The paths named here came as check's arguments, not as --facts: say so in the hint.
  for (auto& d : diagnostics) {
    const auto named = [&](const std::string& path) {
      return d.message.rfind(path + ": ", 0) == 0;
    };
    if (d.hint == util::tr("--facts takes a .toml file or a directory of them") &&
        std::any_of(options.paths.begin(), options.paths.end(), named)) {
      d.hint = util::tr("check takes a .toml file, a directory of them, or - for standard input");
    }
  }
  auto more = load::review_fact_base(loaded.facts);
  diagnostics.insert(diagnostics.end(), more.begin(), more.end());
  auto korean = load::review_translations(loaded.facts, first_reviewed, embedded_end);
  diagnostics.insert(diagnostics.end(), korean.begin(), korean.end());
  std::set<std::string_view> files;
  for (std::size_t i = first_checked; i < loaded.facts.files.size(); ++i) {
    files.insert(loaded.facts.files[i]);
  }
  std::size_t records = 0;
  for (const auto& ref : loaded.facts.index()) {
    if (loaded.facts.pos_of(ref).file >= first_checked) ++records;
  }
  append_output(context, render::format_check_report(diagnostics, files.size(), records,
                                                     context.out_terminal));
  for (const auto& d : diagnostics) {
    if (d.severity == model::Severity::error) return exit_status::data_error;
  }
  return exit_status::answered;
}

}  // namespace nkfacts::commands

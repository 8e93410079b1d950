#include <fmt/format.h>

#include <algorithm>

#include "commands/commands.hpp"
#include "commands/exit_status.hpp"
#include "query/lookup.hpp"
#include "render/record_rows.hpp"
#include "render/text.hpp"
#include "util/i18n.hpp"

namespace nkfacts::commands {

int run_cite(const CiteOptions& options, Context& context) {
  const auto& facts = context.facts;
  const auto style = render::parse_citation_style(options.style);
  if (!style)
    return usage_error(
        context, fmt::format(fmt::runtime(util::tr("unknown citation style '{}'")), options.style),
        fmt::format(fmt::runtime(util::tr("valid styles: {}")), render::k_citation_style_names));
  std::vector<const model::Reference*> references;
  if (options.ids.empty()) {
    for (const auto& reference : facts.references) references.push_back(&reference);
    std::sort(references.begin(), references.end(),
              [](const auto* a, const auto* b) { return a->id < b->id; });
  } else {
    for (const auto& id : options.ids) {
      const auto found = query::lookup(facts, id);
      if (!found.ref) return report_unknown_id(context, id, "", found.suggestions);
      for (const auto& reference_id : query::references_behind(facts, *found.ref)) {
        const auto* reference = facts.find_reference(reference_id);
        if (reference &&
            std::find(references.begin(), references.end(), reference) == references.end()) {
          references.push_back(reference);
        }
      }
    }
  }
  if (references.empty()) {
    return report(context, exit_status::nothing_found,
                  util::tr("no references in the loaded facts"));
  }
  if (is_machine_format(context)) {
    // Written a row at a time: every reference's row held at once took a dozen fresh
    // pages, as much as the rest of the command (bench/README.md).
    const auto& valid = render::fields_of(model::Kind::reference);
    if (!check_fields(context, valid)) return exit_status::usage_error;
    RowStream rows(context, valid, references.size());
    for (auto& entry : render::bibliography(references, *style)) {
      rows.row(render::reference_row(*entry.reference, std::move(entry.text)));
    }
    return rows.finish();
  }
  expect_answer_of(context, references.size() * 400);  // a citation is 300-700 bytes
  if (render::is_export(*style)) {
    // A file to import: the same bytes on a terminal as in a pipe.
    render::write_export(context.out, references, *style, facts, [&] { pass_on(context); });
    return exit_status::answered;
  }
  render::render_bibliography(context.out, references, *style, context.out_terminal,
                              [&] { pass_on(context); });
  return exit_status::answered;
}

}  // namespace nkfacts::commands

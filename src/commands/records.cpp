// `routes` and `dangers`: the same shape (every record briefly, or the named ones in full),
// so one function serves both.
#include <fmt/format.h>

#include <algorithm>

#include "commands/commands.hpp"
#include "commands/exit_status.hpp"
#include "commands/help.hpp"
#include "query/lookup.hpp"
#include "render/html_pages.hpp"
#include "render/record_rows.hpp"
#include "render/text.hpp"
#include "util/i18n.hpp"

namespace nkfacts::commands {
namespace {

// Every record of `records` that `keep` accepts (by id), or the ones named in options.ids.
template <typename Record, typename Render, typename Keep>
int run_record_listing(const RecordsOptions& options, Context& context, model::Kind kind,
                       const model::Records<Record>& records, Render&& render_one, Keep&& keep) {
  const auto& facts = context.facts;
  std::vector<const Record*> chosen;
  if (options.ids.empty()) {
    for (const auto& record : records) {
      if (keep(record)) chosen.push_back(&record);
    }
    std::sort(chosen.begin(), chosen.end(),
              [](const auto* a, const auto* b) { return a->id < b->id; });
  } else {
    for (const auto& id : options.ids) {
      const auto found = query::lookup(facts, id, kind);
      if (!found.ref)
        return report_unknown_id(context, id, model::kind_name(kind), found.suggestions);
      if (found.ref->kind != kind) {
        return report_wrong_kind(context, id, model::kind_name(kind),
                                 model::kind_name(found.ref->kind));
      }
      chosen.push_back(&records[found.ref->index]);
    }
  }
  if (chosen.empty()) {
    return report(context, exit_status::nothing_found,
                  fmt::format(fmt::runtime(util::tr("no {} in the loaded facts")),
                              util::tr(model::kind_plural(kind))));
  }
  if (context.format == render::Format::html) {
    std::vector<model::RecordRef> refs;
    for (const auto* record : chosen) refs.push_back(*facts.find(record->id));
    append_output(context,
                  render::html::records_page(
                      facts, kind, refs, !options.ids.empty(),
                      {context.paper, context.first_own_file,
                       fmt::format("nkfacts {}, {}", NKFACTS_VERSION, facts_line(facts))}));
    return exit_status::answered;
  }
  if (is_machine_format(context)) {
    const auto& schema = render::fields_of(kind);
    if (!check_fields(context, schema)) return exit_status::usage_error;
    RowStream rows(context, schema, chosen.size());
    for (const auto* record : chosen) rows.row(render::record_row(facts, *facts.find(record->id)));
    return rows.finish();
  }
  render::SourceNotes notes(facts);
  const bool full = !options.ids.empty();
  for (std::size_t i = 0; i < chosen.size(); ++i) {
    if (i > 0) context.out += '\n';
    render_one(context.out, *chosen[i], facts, notes, context.out_terminal, full);
  }
  notes.render(context.out, context.out_terminal);
  return exit_status::answered;
}

constexpr auto k_every = [](const auto&) { return true; };

}  // namespace

int run_routes(const RecordsOptions& options, Context& context) {
  return run_record_listing(options, context, model::Kind::route, context.facts.routes,
                            render::render_route, k_every);
}

int run_dangers(const RecordsOptions& options, Context& context) {
  return run_record_listing(options, context, model::Kind::danger, context.facts.dangers,
                            render::render_danger, k_every);
}

int run_claims(const ClaimsOptions& options, Context& context) {
  std::optional<model::Verdict> verdict;
  if (!options.verdict.empty()) {
    for (const auto candidate :
         {model::Verdict::accurate, model::Verdict::outdated, model::Verdict::wrong,
          model::Verdict::unverified, model::Verdict::disputed}) {
      if (model::verdict_name(candidate) == options.verdict) verdict = candidate;
    }
    if (!verdict) {
      return usage_error(context, fmt::format("unknown verdict '{}'", options.verdict),
                         "--verdict takes accurate, outdated, wrong, unverified or disputed");
    }
  }
  return run_record_listing(
      options.records, context, model::Kind::claim, context.facts.claims, render::render_claim,
      [&](const model::Claim& claim) { return !verdict || claim.verdict == *verdict; });
}

int run_terms(const RecordsOptions& options, Context& context) {
  return run_record_listing(options, context, model::Kind::term, context.facts.terms,
                            render::render_term, k_every);
}

}  // namespace nkfacts::commands

#include <fmt/format.h>

#include "commands/commands.hpp"
#include "commands/exit_status.hpp"
#include "model/localized.hpp"
#include "render/notes.hpp"
#include "render/record_rows.hpp"
#include "render/text.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"

namespace nkfacts::commands {
namespace {

// "[1] Newsis, 2026-02-04": enough to tell the sources apart; `nkfacts cite ID` gives one
// in full.
std::string short_source(const model::FactBase& facts, std::size_t number, std::string_view id) {
  const auto* reference = facts.find_reference(id);
  std::string out = fmt::format("[{}]", number);
  if (!reference) return out;
  std::string_view who = reference->publisher;
  if (who.empty() && !reference->authors.empty()) who = reference->authors[0];
  if (who.empty()) who = reference->title;
  out += ' ';
  out += render::clean(who);
  if (reference->published) out += ", " + model::display_date(*reference->published);
  return out;
}

// "Label: text...", the label painted, the text wrapped under an indent of two.
void labelled(std::string& out, std::string_view label, std::string_view text,
              const render::Terminal& terminal) {
  out += render::paint(terminal, render::Style::heading, label);
  out += ' ';
  util::wrap_rest_into(out, text, terminal.width, util::display_width(label) + 1, "  ");
}

}  // namespace

// The overview fits one 24-line screen at 80 columns (with the prompt that follows): the
// headline figures with their sources in short, the command names, and where to go next.
int run_overview(Context& context, const std::vector<render::CommandSummary>& commands) {
  const auto& facts = context.facts;
  if (is_machine_format(context)) {
    // The numbers of the overview: the headline figures, by id.
    render::Dataset data;
    data.fields = render::fields_of(model::Kind::figure);
    for (const auto& id : facts.ids_of(model::Kind::figure)) {
      const auto* ref = facts.find(id);
      if (facts.figures[ref->index].headline) data.rows.push_back(render::record_row(facts, *ref));
    }
    render::resolve_references(data, facts);
    return emit_dataset(context, data, data.fields);
  }
  const auto& terminal = context.out_terminal;
  std::string& out = context.out;
  // Without a [subject] the facts are about nothing the program can name: it says so
  // plainly rather than "facts about facts".
  const std::string title =
      facts.subject.name.empty()
          ? std::string(util::tr("nkfacts \u2014 cited facts, offline"))
          : fmt::format(fmt::runtime(util::tr("nkfacts \u2014 cited facts about {}, offline")),
                        render::clean(model::localized_name(facts.subject)));
  render::append_heading(out, title, "", terminal);
  render::SourceNotes notes(facts);
  std::string figures;
  render::render_headline_figures(figures, facts, notes, terminal);
  if (!figures.empty()) {
    out += '\n';
    out += render::paint(terminal, render::Style::heading, util::tr("Headline figures"));
    out += '\n';
    out += figures;
  }
  if (!notes.empty()) {
    out += '\n';
    std::string sources;
    for (std::size_t i = 0; i < notes.order().size(); ++i) {
      if (i > 0) sources += "; ";
      sources += short_source(facts, i + 1, notes.order()[i]);
    }
    labelled(out, util::tr("Sources:"), sources, terminal);
  }
  std::string names;
  for (const auto& command : commands)
    names += fmt::format("{}{}", names.empty() ? "" : " ", command.name);
  out += '\n';
  labelled(out, util::tr("Commands:"), names, terminal);
  util::wrap_into(
      out,
      fmt::format(
          fmt::runtime(util::tr("{} from {}. More: 'nkfacts help COMMAND', 'nkfacts cite ID'.")),
          count_phrase(facts.record_count(), util::tr("{} record"), util::tr("{} records")),
          count_phrase(facts.references.size(), util::tr("{} source"), util::tr("{} sources"))),
      terminal.width, "", "");
  return exit_status::answered;
}

}  // namespace nkfacts::commands

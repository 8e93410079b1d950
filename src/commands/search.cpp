#include <fmt/format.h>

#include "commands/commands.hpp"
#include "commands/exit_status.hpp"
#include "query/search.hpp"
#include "render/diagnostics.hpp"
#include "render/record_rows.hpp"
#include "render/text.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"

namespace nkfacts::commands {
namespace {

constexpr std::size_t k_snippet_bytes = 160;

// The part of `hit.text` around its first match, with the matches painted. Cuts fall on
// spaces, so words and UTF-8 sequences stay whole.
std::string snippet(const query::SearchHit& hit, const render::Terminal& terminal) {
  const std::string& text = hit.text;
  std::size_t begin = 0;
  std::size_t end = text.size();
  if (text.size() > k_snippet_bytes) {
    const std::size_t first = hit.spans.empty() ? 0 : hit.spans.front().first;
    begin = first > 40 ? text.rfind(' ', first - 40) : std::string::npos;
    begin = begin == std::string::npos ? 0 : begin + 1;
    end = text.find(' ', std::min(text.size(), begin + k_snippet_bytes));
    if (end == std::string::npos) end = text.size();
  }
  std::string out = begin > 0 ? "\u2026" : "";
  std::size_t at = begin;
  for (const auto& [from, to] : hit.spans) {
    if (from < at || to > end) continue;
    out += render::clean(std::string_view(text).substr(at, from - at));
    out += render::paint(terminal, render::Style::match, render::clean(text.substr(from, to - from)));
    at = to;
  }
  out += render::clean(std::string_view(text).substr(at, end - at));
  if (end < text.size()) out += "\u2026";
  return out;
}

}  // namespace

int run_search(const SearchOptions& options, Context& context) {
  const auto& facts = context.facts;
  std::optional<model::Kind> kind;
  if (!parse_kind_argument(context, options.kind, kind)) return exit_status::usage_error;
  std::string query;
  for (const auto& word : options.words) query += (query.empty() ? "" : " ") + word;
  if (query.find_first_not_of(' ') == std::string::npos) {
    context.err += render::format_error("search needs at least one word",
                                        "e.g. nkfacts search Tumen river", context.err_terminal);
    return exit_status::usage_error;
  }
  // Words are separated by spaces, whether given as one argument or several.
  std::vector<std::string> words;
  for (std::size_t start = 0; start < query.size();) {
    const auto end = std::min(query.find(' ', start), query.size());
    if (end > start) words.push_back(query.substr(start, end - start));
    start = end + 1;
  }
  const auto hits = query::search(facts, words, kind);
  if (hits.empty()) {
    context.err += render::format_error(
        fmt::format("no record matches '{}'", util::escape_controls(query, util::Newlines::escape)),
        kind ? "try without --kind, or fewer words" : "try fewer or other words",
        context.err_terminal);
    return exit_status::nothing_found;
  }
  if (is_machine_format(context)) {
    render::Dataset data;
    data.fields = {"id", "kind", "name", "score", "field", "match", "sources"};
    for (const auto& hit : hits) {
      render::Row row;
      row.add("id", std::string(facts.id_of(hit.ref)));
      row.add("kind", std::string(model::kind_name(hit.ref.kind)));
      row.add("name", std::string(facts.name_of(hit.ref)));
      row.add("score", hit.score);
      row.add("field", hit.field);
      row.add("match", hit.text);
      row.add("sources", facts.sources_of(hit.ref));
      data.rows.push_back(std::move(row));
    }
    render::resolve_references(data, facts);
    return emit_dataset(context, data, data.fields);
  }
  render::SourceNotes notes(facts);
  const auto& terminal = context.out_terminal;
  for (std::size_t i = 0; i < hits.size(); ++i) {
    const auto& hit = hits[i];
    if (i > 0) context.out += '\n';
    const std::string markers = notes.markers(facts.sources_of(hit.ref), render::Terminal{});
    context.out += util::wrap(
        fmt::format("{} {} \u2014 {} {}", render::paint(terminal, render::Style::dim, model::kind_name(hit.ref.kind)),
                    render::paint(terminal, render::Style::id, facts.id_of(hit.ref)),
                    render::clean(facts.name_of(hit.ref)), markers),
        terminal.width, "", "  ");
    if (hit.field != "id" && hit.field != "title" && hit.field != "label" && hit.field != "name") {
      context.out += util::wrap(fmt::format("{}: {}", hit.field, snippet(hit, terminal)),
                                terminal.width, "  ", "  ");
    }
  }
  notes.render(context.out, terminal);
  return exit_status::answered;
}

}  // namespace nkfacts::commands

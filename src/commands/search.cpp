#include "query/search.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "commands/commands.hpp"
#include "commands/exit_status.hpp"
#include "query/index.hpp"
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
    out +=
        render::paint(terminal, render::Style::match, render::clean(text.substr(from, to - from)));
    at = to;
  }
  out += render::clean(std::string_view(text).substr(at, end - at));
  if (end < text.size()) out += "\u2026";
  return out;
}

// Why a hit ranked where it did: each matched word's share (its rarity, idf, times its
// weighted occurrences per field), and the share of the query's words matched.
std::string explain(const query::SearchHit& hit, std::size_t clauses) {
  std::string out = fmt::format("why: score {}", util::format_number(hit.score, false));
  for (const auto& part : hit.why) {
    std::string fields;
    for (const auto& [field, count] : part.fields) {
      fields += fmt::format("{}{} \u00d7{}", fields.empty() ? "" : ", ", field, count);
    }
    out += fmt::format("; '{}' {:.3f} (idf {:.2f}; {})", render::clean(part.clause), part.score,
                       part.idf, fields);
  }
  out +=
      fmt::format("; {} of {} {} matched", hit.matched, clauses, clauses == 1 ? "word" : "words");
  return out;
}

// Nothing found: a word in no record may be misspelt, so the nearest words of the records,
// if any; else what else to try.
std::string no_match_hint(const query::SearchResult& result, const model::SearchIndex& index,
                          std::optional<model::Kind> kind) {
  std::vector<std::string> near;
  for (const auto& clause : result.unmatched) {
    if (clause.find(' ') != std::string::npos) continue;
    for (auto& word : query::suggest(index, clause, kind)) {
      if (std::find(near.begin(), near.end(), word) == near.end()) near.push_back(std::move(word));
    }
  }
  if (near.empty()) return kind ? "try without --kind, or other words" : "try other words";
  std::string hint = "did you mean";
  for (std::size_t i = 0; i < near.size(); ++i) {
    hint += fmt::format("{}'{}'",
                        i == 0                 ? " "
                        : i + 1 == near.size() ? " or "
                                               : ", ",
                        util::escape_controls(near[i], util::Newlines::escape));
  }
  hint += '?';
  return hint;
}

// The hits as rows of the machine formats.
int emit_hits(const std::vector<query::SearchHit>& hits, Context& context) {
  const auto& facts = context.facts;
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

// The hits as text: each one's kind, id, name and source markers, where the words
// matched (unless that is the name shown), and with --explain why it ranked there; then
// the sources.
void write_hits(const query::SearchResult& result, bool explained, Context& context) {
  const auto& facts = context.facts;
  render::SourceNotes notes(facts);
  const auto& terminal = context.out_terminal;
  for (std::size_t i = 0; i < result.hits.size(); ++i) {
    const auto& hit = result.hits[i];
    if (i > 0) context.out += '\n';
    const std::string markers = notes.markers(facts.sources_of(hit.ref), render::Terminal{});
    context.out += util::wrap(
        fmt::format("{} {} \u2014 {} {}",
                    render::paint(terminal, render::Style::dim, model::kind_name(hit.ref.kind)),
                    render::paint(terminal, render::Style::id, facts.id_of(hit.ref)),
                    render::clean(facts.name_of(hit.ref)), markers),
        terminal.width, "", "  ");
    if (hit.field != "id" && hit.field != "title" && hit.field != "label" && hit.field != "name") {
      context.out += util::wrap(fmt::format("{}: {}", hit.field, snippet(hit, terminal)),
                                terminal.width, "  ", "  ");
    }
    if (explained)
      context.out += util::wrap(explain(hit, result.clauses), terminal.width, "  ", "    ");
  }
  notes.render(context.out, terminal);
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
  // The embedded facts carry their index; facts from user files are indexed here, once.
  std::unique_ptr<model::SearchIndex> built;
  const auto& index = query::search_index_of(facts, built);
  const auto result = query::search(facts, index, query, kind);
  if (result.hits.empty()) {
    context.err += render::format_error(
        fmt::format("no record matches '{}'", util::escape_controls(query, util::Newlines::escape)),
        no_match_hint(result, index, kind), context.err_terminal);
    return exit_status::nothing_found;
  }
  if (is_machine_format(context)) return emit_hits(result.hits, context);
  write_hits(result, options.explain, context);
  return exit_status::answered;
}

}  // namespace nkfacts::commands

#include "query/search.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "commands/commands.hpp"
#include "commands/exit_status.hpp"
#include "model/schema.hpp"
#include "query/index.hpp"
#include "render/diagnostics.hpp"
#include "render/record_rows.hpp"
#include "render/text.hpp"
#include "util/i18n.hpp"
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

bool korean() {
  return util::language() == util::Language::ko;
}

// The names of the searched fields the text layout shows without a label of their own
// (the heading, the paragraph), for Korean display.
struct FieldName {
  std::string_view key;
  std::string_view name;
};
constexpr FieldName k_unlabelled_fields[] = {
    {"id", util::tr_noop("ID")},
    {"name", util::tr_noop("Name")},
    {"label", util::tr_noop("Name")},
    {"title", util::tr_noop("Title")},
    {"statement", util::tr_noop("Statement")},
    {"term", util::tr_noop("Term")},
    {"summary", util::tr_noop("Summary")},
    {"unit", util::tr_noop("Unit")},
    {"columns", util::tr_noop("Columns")},
};

// Where a hit's words matched, as a reader is told: in English the field's key (as the
// machine formats name it); in Korean the field's Korean name, a twin ("ko.summary") by
// its English field's ("summary"), a reference's Korean gloss of its title as such.
std::string field_title(model::Kind kind, std::string_view key) {
  if (!korean()) return std::string(key);
  std::string_view base = key;
  std::string_view label;
  bool gloss = false;
  model::visit_kind(kind, [&](auto schema) {
    for (const auto& field : decltype(schema)::fields) {
      if (field.key != key || field.translates.empty()) continue;
      base = field.translates;
      gloss = field.gloss;
    }
    for (const auto& field : decltype(schema)::fields) {
      if (field.key == base) label = field.label;
    }
  });
  if (gloss) return std::string(util::tr("Korean title"));
  for (const auto& unlabelled : k_unlabelled_fields) {
    if (label.empty() && unlabelled.key == base) label = unlabelled.name;
  }
  return std::string(util::tr(label.empty() ? base : label));
}

// Whether the field a hit matched in is the name its heading shows already. In Korean
// the heading shows the name's twin where the record has one: the text shown decides.
bool is_heading(const query::SearchHit& hit, std::string_view name) {
  if (hit.field == "id") return true;
  if (korean()) return hit.text == name;
  return hit.field == "title" || hit.field == "label" || hit.field == "name";
}

// Why a hit ranked where it did: each matched word's share (its rarity, idf, times its
// weighted occurrences per field), and the share of the query's words matched.
std::string explain(const query::SearchHit& hit, std::size_t clauses) {
  std::string out =
      fmt::format(fmt::runtime(util::tr("why: score {}")), util::format_number(hit.score, false));
  for (const auto& part : hit.why) {
    std::string fields;
    for (const auto& [field, count] : part.fields) {
      fields += fmt::format("{}{} \u00d7{}", fields.empty() ? "" : ", ",
                            field_title(hit.ref.kind, field), count);
    }
    out += fmt::format("; '{}' {:.3f} (idf {:.2f}; {})", render::clean(part.clause), part.score,
                       part.idf, fields);
  }
  out += fmt::format(fmt::runtime(clauses == 1 ? util::tr("; {} of {} word matched")
                                               : util::tr("; {} of {} words matched")),
                     hit.matched, clauses);
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
  if (near.empty()) {
    return std::string(kind ? util::tr("try without --kind, or other words")
                            : util::tr("try other words"));
  }
  for (auto& word : near) word = util::escape_controls(word, util::Newlines::escape);
  return fmt::format(fmt::runtime(util::tr("did you mean {}?")),
                     util::quoted_alternatives(near, util::tr("or")));
}

// The hits as rows of the machine formats.
int emit_hits(const std::vector<query::SearchHit>& hits, Context& context) {
  const auto& facts = context.facts;
  const std::vector<std::string> schema = {"id",    "kind",  "name",   "score",
                                           "field", "match", "sources"};
  if (!check_fields(context, schema)) return exit_status::usage_error;
  RowStream rows(context, schema, hits.size());
  for (const auto& hit : hits) {
    render::Row row;
    row.add("id", std::string(facts.id_of(hit.ref)));
    row.add("kind", std::string(model::kind_name(hit.ref.kind)));
    row.add("name", std::string(facts.name_of(hit.ref)));
    row.add("score", hit.score);
    row.add("field", hit.field);
    row.add("match", hit.text);
    row.add("sources", facts.sources_of(hit.ref));
    rows.row(row);
  }
  return rows.finish();
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
        fmt::format(
            "{} {} \u2014 {} {}",
            render::paint(terminal, render::Style::dim, util::tr(model::kind_name(hit.ref.kind))),
            render::paint(terminal, render::Style::id, facts.id_of(hit.ref)),
            render::clean(facts.name_of(hit.ref)), markers),
        terminal.width, "", "  ");
    if (!is_heading(hit, facts.name_of(hit.ref))) {
      context.out += util::wrap(
          fmt::format("{}: {}", field_title(hit.ref.kind, hit.field), snippet(hit, terminal)),
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
    context.err +=
        render::format_error(util::tr("search needs at least one word"),
                             util::tr("e.g. nkfacts search Tumen river"), context.err_terminal);
    return exit_status::usage_error;
  }
  // The embedded facts carry their index; facts from user files are indexed here, once.
  std::unique_ptr<model::SearchIndex> built;
  const auto& index = query::search_index_of(facts, built);
  const auto result = query::search(facts, index, query, kind);
  if (result.hits.empty()) {
    context.err +=
        render::format_error(fmt::format(fmt::runtime(util::tr("no record matches '{}'")),
                                         util::escape_controls(query, util::Newlines::escape)),
                             no_match_hint(result, index, kind), context.err_terminal);
    return exit_status::nothing_found;
  }
  if (is_machine_format(context)) return emit_hits(result.hits, context);
  write_hits(result, options.explain, context);
  return exit_status::answered;
}

}  // namespace nkfacts::commands

// The table of commands and options. Help pages are generated from it (cli/help.cpp), so a
// text here is written as paragraphs and wrapped to 80 columns there; the examples run as
// tests (tests/cli/docs_test.sh), and every command and option must be in man/nkfacts.1.
#include "cli/table.hpp"

#include <limits>

#include "cli/completion.hpp"
#include "cli/parse.hpp"
#include "cli/settings.hpp"
#include "model/records.hpp"
#include "model/schema.hpp"
#include "render/citation.hpp"
#include "render/dataset.hpp"
#include "render/handout.hpp"
#include "render/html.hpp"
#include "util/i18n.hpp"

namespace nkfacts::cli {
namespace {

using commands::Context;

// Allowed values, taken from the layers that own them.
std::vector<std::string> formats() {
  return split_names(render::k_format_names);
}
std::vector<std::string> citation_styles() {
  return split_names(render::k_citation_style_names);
}
std::vector<std::string> printed_styles() {
  // A handout prints its bibliography: every style the citation layer writes as prose.
  std::vector<std::string> out;
  for (auto& name : citation_styles()) {
    const auto style = render::parse_citation_style(name);
    if (style && *style != render::CitationStyle::bibtex) out.push_back(std::move(name));
  }
  return out;
}
std::vector<std::string> handout_topics() {
  return split_names(render::k_handout_topic_names);
}
std::vector<std::string> handout_lengths() {
  return split_names(render::k_handout_length_names);
}
std::vector<std::string> papers() {
  return split_names(render::html::k_paper_names);
}
std::vector<std::string> languages() {
  return {std::begin(util::k_language_tags), std::end(util::k_language_tags)};
}
std::vector<std::string> color_modes() {
  return {"auto", "always", "never"};
}
std::vector<std::string> shells() {
  return {"bash", "zsh", "fish"};
}
template <std::size_t N>
std::vector<std::string> kinds_of(const model::Kind (&kinds)[N]) {
  std::vector<std::string> out;
  for (const auto kind : kinds) out.emplace_back(model::kind_name(kind));
  return out;
}
std::vector<std::string> all_kinds() {
  std::vector<std::string> out;
  for (const auto kind : model::k_all_kinds) out.emplace_back(model::kind_name(kind));
  return out;
}
std::vector<std::string> random_kinds() {
  return kinds_of(commands::k_random_kinds);
}
std::vector<std::string> quiz_topics() {
  return kinds_of(commands::k_quiz_topics);
}
std::vector<std::string> command_names() {
  std::vector<std::string> out;
  for (const auto& command : command_table()) out.emplace_back(command.name);
  return out;
}

constexpr long long k_first_year = 1;  // the years a date may have (model/date.hpp)
constexpr long long k_last_year = 9999;

constexpr Option year_option(std::string_view name, std::string_view help,
                             std::string_view excludes = {}) {
  Option option{name, 0, "Y", Value::integer, help, util::tr_noop("a year")};
  option.min = k_first_year;
  option.max = k_last_year;
  option.excludes = excludes;
  return option;
}

constexpr Option flag(std::string_view name, std::string_view help, std::string_view brief) {
  return Option{name, 0, {}, Value::none, help, brief};
}

constexpr Option seed_option(std::string_view help) {
  Option option{"--seed", 0, "S", Value::integer, help, util::tr_noop("a seed")};
  option.min = 0;
  option.max = std::numeric_limits<long long>::max();
  option.example = "--seed 42";
  return option;
}

// --- run functions: options from the invocation, then the command --------------------------

std::optional<int> year(const Invocation& invocation, std::string_view name) {
  const auto value = invocation.integer(name);
  return value ? std::optional<int>(static_cast<int>(*value)) : std::nullopt;
}

std::uint64_t seed(const Invocation& invocation, const Session& session) {
  const auto value = invocation.integer("--seed");
  return value ? static_cast<std::uint64_t>(*value) : session.fresh_seed();
}

int run_routes(const Invocation& invocation, Context& context, const Session&) {
  return commands::run_routes({invocation.operands}, context);
}

int run_dangers(const Invocation& invocation, Context& context, const Session&) {
  return commands::run_dangers({invocation.operands}, context);
}

int run_claims(const Invocation& invocation, Context& context, const Session&) {
  return commands::run_claims({{invocation.operands}, std::string(invocation.text("--verdict"))},
                              context);
}

int run_terms(const Invocation& invocation, Context& context, const Session&) {
  return commands::run_terms({invocation.operands}, context);
}

std::vector<std::string> verdicts() {
  return {std::begin(model::k_verdicts), std::end(model::k_verdicts)};
}

int run_stats(const Invocation& invocation, Context& context, const Session&) {
  commands::StatsOptions options;
  options.year = year(invocation, "--year");
  options.from = year(invocation, "--from");
  options.to = year(invocation, "--to");
  options.chart = invocation.has("--chart");
  options.ascii = invocation.has("--ascii");
  return commands::run_stats(options, context);
}

int run_timeline(const Invocation& invocation, Context& context, const Session&) {
  commands::TimelineOptions options;
  options.year = year(invocation, "--year");
  options.from = year(invocation, "--from");
  options.to = year(invocation, "--to");
  options.ascii = invocation.has("--ascii");
  return commands::run_timeline(options, context);
}

int run_quiz(const Invocation& invocation, Context& context, const Session& session) {
  commands::QuizOptions options;
  options.count = static_cast<std::size_t>(invocation.integer("--count").value_or(5));
  options.count_given = invocation.has("--count");
  options.seed = seed(invocation, session);
  options.topic = std::string(invocation.text("--topic"));
  options.print = invocation.has("--print");
  options.key = invocation.has("--key");
  // Markdown is not wrapped, but a --width given for it is kept by the name and date line.
  if (invocation.has("--width"))
    options.markdown_width = decide_width(invocation.integer("--width"), Environment{});
  return commands::run_quiz(options, context, session.conversation);
}

int run_random(const Invocation& invocation, Context& context, const Session& session) {
  commands::RandomOptions options;
  options.kind = std::string(invocation.text("--kind"));
  options.seed = seed(invocation, session);
  return commands::run_random(options, context);
}

int run_handout(const Invocation& invocation, Context& context, const Session&) {
  commands::HandoutOptions options;
  options.topic = std::string(invocation.text("--topic", "all"));
  options.style = std::string(invocation.text("--style", "plain"));
  options.length = std::string(invocation.text("--length", "lesson"));
  return commands::run_handout(options, context);
}

int run_cite(const Invocation& invocation, Context& context, const Session&) {
  commands::CiteOptions options;
  options.ids = invocation.operands;
  // A Korean reader is given the form Korean reference lists use (issue #22). The machine
  // formats' citation field stays plain in every language: they are the same data in both.
  const bool korean =
      util::language() == util::Language::ko && !commands::is_machine_format(context);
  options.style = std::string(invocation.text("--style", korean ? "korean" : "plain"));
  return commands::run_cite(options, context);
}

int run_search(const Invocation& invocation, Context& context, const Session&) {
  commands::SearchOptions options;
  options.words = invocation.operands;
  options.kind = std::string(invocation.text("--kind"));
  options.explain = invocation.has("--explain");
  return commands::run_search(options, context);
}

int run_show(const Invocation& invocation, Context& context, const Session&) {
  return commands::run_show({invocation.operands}, context);
}

int run_list(const Invocation& invocation, Context& context, const Session&) {
  commands::ListOptions options;
  options.kind = invocation.operands.empty() ? std::string(invocation.text("--kind"))
                                             : invocation.operands.front();
  if (!invocation.operands.empty() && invocation.has("--kind")) {
    return commands::usage_error(context, util::tr("list takes KIND or --kind KIND, not both"),
                                 util::tr("e.g. 'nkfacts list routes'"));
  }
  return commands::run_list(options, context);
}

int run_check(const Invocation& invocation, Context& context, const Session& session) {
  return commands::run_check({invocation.operands}, std::move(*session.sources), context);
}

// Each command's options, in the order its help page lists them, and below them the table
// of commands: constant data, so no run builds them (built at start-up, they took about
// 12 KB of fresh heap in every run).
constexpr Option k_quiz_count{.name = "--count",
                              .value_name = "N",
                              .value = Value::integer,
                              .help = util::tr_noop("how many questions (default 5, at most 1000)"),
                              .brief = util::tr_noop("how many questions"),
                              .min = 1,
                              .max = 1000,
                              .example = "--count 5"};
constexpr Option k_quiz_topic{
    .name = "--topic",
    .value_name = "KIND",
    .value = Value::text,
    .help =
        util::tr_noop("only figure, route, danger, event, claim or term questions (series works "
                      "too: questions on a series' rows are figure questions)"),
    .brief = util::tr_noop("questions on one kind"),
    .choices = quiz_topics};
constexpr Option k_claims_options[] = {Option{
    "--verdict", 0, "V", Value::choice,
    util::tr_noop("only claims with verdict V (accurate, outdated, wrong, unverified, disputed)"),
    util::tr_noop("verdict"), verdicts}};
constexpr Option k_stats_options[] = {
    year_option("--year", util::tr_noop("only the period that contains year Y"), "--from --to"),
    year_option("--from", util::tr_noop("only periods that end in year Y or later")),
    year_option("--to", util::tr_noop("only periods that start in year Y or earlier")),
    flag("--chart", util::tr_noop("the series as bars (columns stacked, scaled to the width)"),
         util::tr_noop("draw the series as bars")),
    flag("--ascii", util::tr_noop("draw the chart with ASCII characters only"),
         util::tr_noop("draw with ASCII only"))};
constexpr Option k_timeline_options[] = {
    year_option("--year", util::tr_noop("only events in year Y"), "--from --to"),
    year_option("--from", util::tr_noop("only events in year Y or later")),
    year_option("--to", util::tr_noop("only events in year Y or earlier")),
    flag("--ascii", util::tr_noop("draw the axis with ASCII characters"),
         util::tr_noop("draw with ASCII only"))};
constexpr Option k_quiz_options[] = {
    k_quiz_count,
    seed_option(util::tr_noop(
        "the same seed asks the same questions in the same order, with the same options and "
        "answers in English and in Korean; without it a new seed is picked and shown, to "
        "replay the quiz")),
    k_quiz_topic,
    flag("--print",
         util::tr_noop(
             "print a worksheet to fill in (name and date lines, numbered questions, boxes) "
             "instead of asking; in text, -o markdown or -o html (with another --format: the "
             "questions and answers as data)"),
         util::tr_noop("a worksheet to fill in")),
    flag("--key",
         util::tr_noop(
             "print the answer key: each answer with its explanation and source (after the "
             "worksheet with --print, on a page of its own when printed)"),
         util::tr_noop("the answer key"))};
constexpr Option k_random_options[] = {
    Option{"--kind", 0, "KIND", Value::text,
           util::tr_noop("only records of KIND (figure, route, danger, event, fact)"),
           util::tr_noop("only this kind"), random_kinds},
    seed_option(util::tr_noop("the same seed picks the same record"))};
constexpr Option k_handout_options[] = {
    Option{"--length", 0, "LENGTH", Value::choice,
           util::tr_noop("sheet (one page) or lesson (default: every section)"),
           util::tr_noop("handout length"), handout_lengths},
    Option{"--topic", 0, "TOPIC", Value::choice,
           util::tr_noop("all (default), stats, routes (with the dangers), dangers or timeline"),
           util::tr_noop("handout topic"), handout_topics},
    Option{"--style", 0, "STYLE", Value::text,
           util::tr_noop("the bibliography's style: plain (default), apa, mla, chicago or korean"),
           util::tr_noop("style of the bibliography"), printed_styles}};
constexpr Option k_cite_options[] = {Option{
    "--style", 0, "STYLE", Value::choice,
    util::tr_noop("plain (default in English, numbered), apa (7th edition), mla (9th), chicago "
                  "(17th, bibliography entry), korean (the form of Korean reference lists, "
                  "default with --lang ko); apa, mla and chicago are sorted alphabetically, as "
                  "their lists are, korean gives works in Korean first. For reference managers: "
                  "bibtex (keys are the ids), csl-json (citeproc, Zotero, pandoc) or ris "
                  "(EndNote, Mendeley, Zotero)"),
    util::tr_noop("citation style"), citation_styles}};
constexpr Option k_search_options[] = {
    Option{"--kind", 0, "KIND", Value::text, util::tr_noop("only records of KIND"),
           util::tr_noop("only this kind"), all_kinds},
    flag("--explain",
         util::tr_noop(
             "under each result, why it ranked there: each matched word's share of the score, "
             "its rarity (idf) and where it occurred"),
         util::tr_noop("say why each result ranked there"))};
constexpr Option k_list_options[] = {Option{"--kind", 0, "KIND", Value::text,
                                            util::tr_noop("the same as KIND"),
                                            util::tr_noop("only this kind"), all_kinds}};

// A data table: one row per command, in the order `--help` lists them.
constexpr Command k_commands[] = {
    {"routes",
     util::tr_noop("escape routes, each with its path and dangers"),
     "[ID...]",
     util::tr_noop("The escape routes out of North Korea, each with its path drawn A → B → C, how "
                   "the border is crossed, and its dangers. With IDs, those routes in full, with a "
                   "summary and their dangers listed. Every route carries source markers ([1]) and "
                   "the answer ends with the numbered sources. Routes are listed by id."),
     {},
     {"ID", util::tr_noop("a route id, as listed by 'nkfacts list routes'"), true, nullptr,
      Complete::route_ids},
     {},
     "nkfacts routes\nnkfacts routes china-southeast-asia\nnkfacts list routes | cut -f1",
     run_routes,
     true,
     "routes"},
    {"dangers",
     util::tr_noop("the risks on the way out, and where they are"),
     "[ID...]",
     util::tr_noop("The dangers people face when they escape: where each happens and what it is. "
                   "With IDs, those dangers in full, with the routes that run into them. Dangers "
                   "are listed by id; every one carries its source markers and the answer ends "
                   "with the sources."),
     {},
     {"ID", util::tr_noop("a danger id, as listed by 'nkfacts list dangers'"), true, nullptr,
      Complete::danger_ids},
     {},
     "nkfacts dangers\nnkfacts dangers arrest-in-china",
     run_dangers,
     true,
     "dangers"},
    {"claims",
     util::tr_noop("common statements about defectors, each checked"),
     "[--verdict V] [ID...]",
     util::tr_noop(
         "Statements often made about North Korean defectors (many from the article this fact "
         "base started from), each with a verdict: accurate, outdated, wrong, unverified or "
         "disputed, and what the evidence says, with its sources. With IDs, those claims in "
         "full: who made the claim, the records that show the evidence, and any note."),
     k_claims_options,
     {"ID", util::tr_noop("a claim id, as listed by 'nkfacts list claims'"), true, nullptr,
      Complete::ids},
     {},
     "nkfacts claims\nnkfacts claims --verdict wrong\nnkfacts -o csv claims | cut -d, -f1,4",
     run_claims,
     true,
     "claims"},
    {"terms",
     util::tr_noop("a glossary of the words used, in English and Korean"),
     "[ID...]",
     util::tr_noop(
         "The words used about North Korean defectors, each with its Korean term in Hangul, its "
         "romanization and a definition, with sources: the legal term and the everyday ones, "
         "places, institutions and ideas. With IDs, those terms in full."),
     {},
     {"ID", util::tr_noop("a term id, as listed by 'nkfacts list terms'"), true, nullptr,
      Complete::ids},
     {},
     "nkfacts terms\nnkfacts terms term-hanawon\nnkfacts -o tsv terms | cut -f1,3",
     run_terms,
     true,
     "terms"},
    {"stats",
     util::tr_noop("headline figures and the yearly arrivals table"),
     "[--year Y | --from Y --to Y] [--chart [--ascii]]",
     util::tr_noop(
         "The headline figures, each dated and sourced, then every time series as a table with "
         "its totals computed (never stored) and, where the series names one, the share of a "
         "column (e.g. women) in each row's total. A period of several years, such as "
         "\"1999–2001\" or \"up to 1998\", is shown as it is published, never split into "
         "years.\n\n"
         "With --year, --from or --to only the series' rows are shown, not the headline figures "
         "(each figure is dated: 'nkfacts show ID' shows one); --chart also leaves them out."),
     k_stats_options,
     {},
     util::tr_noop("Rows whose period overlaps the range are shown, with a \"Total shown\" line."),
     "nkfacts stats\nnkfacts stats --from 2019 --to 2025\nnkfacts stats --chart --from 2005",
     run_stats,
     true,
     "stats"},
    {"timeline",
     util::tr_noop("the dated events in order, on a year axis"),
     "[--year Y | --from Y --to Y] [--ascii]",
     util::tr_noop(
         "The dated events, oldest first, beside a year axis: each year is written once, a "
         "broken "
         "axis (┊) marks years without events, and the month and day are shown where they are "
         "known. Every event carries its source markers; the sources follow."),
     k_timeline_options,
     {},
     {},
     "nkfacts timeline\nnkfacts timeline --from 2010\nnkfacts -o csv timeline --fields "
     "date,title",
     run_timeline,
     true,
     "timeline"},
    {"quiz",
     util::tr_noop("multiple-choice questions from the facts, with sources"),
     "[--count N] [--seed S] [--topic KIND] [--print] [--key]",
     util::tr_noop(
         "Asks N questions (default 5) of 14 kinds: a figure's number, a year's arrivals (in all "
         "or of men or women), the year arrivals were highest or lowest, the year of an event, "
         "which of four events came first, a country a route passes through, a danger on a "
         "route, the danger of a place and the place of a danger, true or false on a checked "
         "claim, how a claim stands (accurate, outdated, wrong, not confirmed, disputed), a "
         "term's Korean word and which term a definition describes. The embedded facts give 249 "
         "distinct questions (not counting the choice of wrong answers); one quiz asks once "
         "about each record (and each year of a series), so it holds at most 137.\n\n"
         "Every option, right or wrong, is a value from the facts, of the same kind, unit and "
         "size as the answer (another year's count, another event's year, another route's "
         "country), never made up. After each answer it gives the right one, a sentence that "
         "explains it and its source; the score comes at the end. Type a letter (or its number); "
         "q stops. Answers are read line by line, so a file or a pipe can answer too. When the "
         "facts give fewer questions than N, a note on stderr says how many there are."),
     k_quiz_options,
     {},
     {},
     "nkfacts quiz\nnkfacts quiz --topic event --count 10\n"
     "nkfacts quiz --seed 42 --print > worksheet.txt\n"
     "nkfacts quiz --seed 42 --print --key -o html > worksheet.html",
     run_quiz,
     true,
     "quiz --print"},
    {"random",
     util::tr_noop("one fact with its source, to start a lesson"),
     "[--kind KIND] [--seed S]",
     util::tr_noop("Shows one record picked at random, in full, with its sources: a figure, "
                   "route, danger, event or fact."),
     k_random_options,
     {},
     {},
     "nkfacts random\nnkfacts random --kind event",
     run_random},
    {"handout",
     util::tr_noop("a printable Markdown handout with tables and sources"),
     "[--length sheet|lesson] [--topic TOPIC] [--style STYLE]",
     util::tr_noop(
         "Writes one self-contained Markdown document for a lesson: the key figures and the "
         "arrivals table, the routes with their dangers, the dangers, the timeline, and a "
         "numbered bibliography. Print it, or convert it (pandoc handout.md -o handout.pdf). "
         "It is Markdown already: --format markdown (or text) changes nothing; -o html writes "
         "one "
         "self-contained page to open offline, project or print (with the arrivals as a chart, "
         "each route drawn, the timeline on an axis; --paper a4 or letter); the data formats are "
         "refused.\n\n"
         "--length sheet writes a one-page fact sheet: the headline figures, the chart of the "
         "arrivals, the main routes, three checked claims and their sources (in HTML it fits one "
         "printed page). The lesson pack (the default) has every section, the claims and the "
         "glossary. Records from your own fact files (NKFACTS_PATH, --facts) are marked as "
         "such."),
     k_handout_options,
     {},
     {},
     "nkfacts handout > handout.md\nnkfacts handout --topic routes --style apa > routes.md\n"
     "nkfacts -o html handout --length sheet > sheet.html",
     run_handout,
     true,
     "handout"},
    {"cite",
     util::tr_noop("the sources behind a record, as a bibliography"),
     "[ID...] [--style STYLE]",
     util::tr_noop(
         "Prints references as a bibliography. Without IDs: every reference, by id. With the id "
         "of a figure, series, route, danger or event: the references behind it, so you can cite "
         "exactly what supports a claim. With a reference id: that reference."),
     k_cite_options,
     {"ID", util::tr_noop("any record id, as listed by 'nkfacts list'"), true, nullptr,
      Complete::ids},
     {},
     "nkfacts cite\nnkfacts cite arrivals-by-year --style apa\n"
     "nkfacts cite --style bibtex > nkfacts.bib\n"
     "nkfacts cite newsis-2026-02-04 --style korean\n"
     "nkfacts cite arrivals-total-2025 --style csl-json > sources.json",
     run_cite},
    {"search",
     util::tr_noop("find records by any word of their text"),
     "[--kind KIND] [--explain] WORD...",
     util::tr_noop(
         "Finds the records that answer a question typed in plain words, in English or Korean. "
         "Words match whole words, whatever their case, accents or apostrophes (Hanawon's is "
         "hanawon), and by their stems (escaping, escaped and escape match each other). Hangul "
         "words match with or without their particle (탈북민의, 탈북민을: 탈북민). Question "
         "words "
         "(is, it, to, how, what, the, does...) need not match. Words in double quotes match as "
         "a "
         "phrase, in that order. Not every word must match: results are ranked by BM25, a word "
         "counting more the rarer it is and the more it occurs, more in a record's name than in "
         "its summary, more there than in its note, and a record matching more of the words "
         "ranks higher. Each result shows its kind, id, name, where the words matched, and its "
         "sources. Nothing found: exit status 1, with the nearest words the records hold."),
     k_search_options,
     {"WORD", util::tr_noop("a word of the question"), true},
     util::tr_noop(
         "Fields (machine formats): id, kind, name, score, field, match, sources (field: where "
         "the words counted most)."),
     "nkfacts search Tumen\nnkfacts search is it illegal to leave north korea\n"
     "nkfacts search '\"three generations\"'\nnkfacts search --explain escape cost\n"
     "nkfacts search 탈북민의\nnkfacts -o jsonl search women | head -n 3",
     run_search},
    {"show",
     util::tr_noop("any record in full, with its sources"),
     "ID...",
     util::tr_noop(
         "Shows each record in full: every field, its note (where sources disagree or the "
         "well-known account is wrong, the note says so), and its numbered sources. For a "
         "reference, also which records cite it. An id that is not found is reported, the others "
         "are still shown, and the exit status is 1."),
     {},
     {"ID", util::tr_noop("any record id, as listed by 'nkfacts list'"), true, nullptr,
      Complete::ids},
     {},
     "nkfacts show arrivals-total-2025\nnkfacts show dmz-crossing\n"
     "nkfacts show \"$(nkfacts list events | head -n1 | cut -f1)\"",
     run_show},
    {"list",
     util::tr_noop("every id with its kind and name, one per line"),
     "[KIND | --kind KIND]",
     util::tr_noop(
         "One line per record, sorted by id: the id, a TAB, the kind, a TAB, the name. This "
         "output is stable, for scripts and shell completion."),
     k_list_options,
     {"KIND",
      util::tr_noop(
          "figure, series, route, danger, event, fact or reference (plurals and capitals work)"),
      false, all_kinds, Complete::choices},
     {},
     "nkfacts list\nnkfacts list routes\nnkfacts list figures | cut -f1",
     run_list},
    {"check",
     util::tr_noop("validate fact files and report every problem"),
     "[PATH...]",
     util::tr_noop(
         "Checks fact files and prints every problem, not just the first, one per line as "
         "FILE:LINE:COLUMN: error|warning: message, sorted by file and position, then a summary "
         "line. Without PATHs it checks everything nkfacts would load (the embedded facts, "
         "NKFACTS_PATH, --facts); with PATHs (files, directories, or - for standard input) it "
         "checks those, on top of the embedded facts so they may cite them (with --no-default, "
         "on their own)."),
     {},
     {"PATH", util::tr_noop("a fact file, a directory of them, or - for standard input"), true,
      nullptr, Complete::files},
     util::tr_noop(
         "Errors: TOML syntax, unknown kinds or keys, wrong types, missing keys, bad or duplicate "
         "ids, links to missing records or to the wrong kind, a low above its high, negative "
         "counts, impossible dates or dates in the future, overlapping periods, invalid UTF-8. "
         "Warnings: uncited references, figures without as_of, web references without retrieved, "
         "text with trailing spaces or control characters, a field without its Korean twin "
         "(ko.summary; in the embedded facts and in files that hold Korean text), a Korean twin "
         "whose numerals differ from its field's, and Korean text without a ko.stamp or stamped "
         "for an earlier English text.\n\n"
         "Exit status: 0 when there is no error (warnings allowed), 2 otherwise."),
     "nkfacts check\nnkfacts check class-facts/",
     run_check,
     false},
    {"completion",
     util::tr_noop("print a shell completion script (bash, zsh, fish)"),
     "bash|zsh|fish",
     util::tr_noop(
         "Prints a script that completes nkfacts' commands, options, option values (formats, "
         "kinds, colours) and record ids in that shell. Ids come from 'nkfacts list' as you type, "
         "so your own facts (NKFACTS_PATH) are included. 'cmake --install' and the Debian package "
         "install these scripts already."),
     {},
     {"SHELL", util::tr_noop("bash, zsh or fish"), false, shells, Complete::choices},
     {},
     "source <(nkfacts completion bash)\nnkfacts completion fish | head -n 3",
     run_completion,
     false},
    {"help",
     util::tr_noop("show help for nkfacts or for one command"),
     "[COMMAND]",
     util::tr_noop("Shows the help for COMMAND, or the overall help without one. The same as "
                   "'nkfacts COMMAND --help'."),
     {},
     {"COMMAND", util::tr_noop("a command"), false, command_names, Complete::commands},
     {},
     "nkfacts help\nnkfacts help stats",
     nullptr,
     false}};

// A data table: one row per global option.
constexpr Option k_global_options[] = {
    {.name = "--facts",
     .value_name = "PATH",
     .value = Value::text,
     .help = util::tr_noop("add a fact file or a directory of them (repeatable); records with "
                           "the same id replace the embedded ones"),
     .brief = util::tr_noop("add a fact file or directory"),
     .example = "--facts class-facts/",
     .repeatable = true,
     .complete = Complete::files},
    flag("--no-default", util::tr_noop("leave the embedded facts out"),
         util::tr_noop("leave the embedded facts out")),
    {.name = "--format",
     .short_name = 'o',
     .value_name = "FMT",
     .value = Value::choice,
     .help = util::tr_noop("text (default), json, jsonl, tsv, csv, markdown or html (a page to "
                           "open offline or print: handout, stats, timeline, routes, dangers, "
                           "claims, terms, quiz --print)"),
     .brief = util::tr_noop("format"),
     .choices = formats},
    {.name = "--paper",
     .value_name = "SIZE",
     .value = Value::choice,
     .help = util::tr_noop("with -o html: the paper to print on, a4 (default) or letter"),
     .brief = util::tr_noop("paper size"),
     .choices = papers,
     .example = "--paper letter"},
    {.name = "--fields",
     .value_name = "A,B",
     .value = Value::text,
     .help = util::tr_noop("the fields (columns) to write in a machine format, in order"),
     .brief = util::tr_noop("fields to write"),
     .example = "--fields id,value,as_of"},
    {.name = "--color",
     .value_name = "WHEN",
     .value = Value::optional,
     .help = util::tr_noop("auto (default), always or never; a bare --color means always; "
                           "NO_COLOR is respected"),
     .brief = util::tr_noop("color mode"),
     .choices = color_modes},
    {.name = "--width",
     .value_name = "N",
     .value = Value::integer,
     .help = util::tr_noop("wrap text output at N columns, from 20 to 1000 (0: do not wrap)"),
     .brief = util::tr_noop("wrap at this many columns"),
     .min = 0,
     .max = 1000,
     .example = "--width 72",
     .takes = util::tr_noop("0 (do not wrap) or a number of columns up to 1000")},
    {.name = "--lang",
     .value_name = "LANG",
     .value = Value::choice,
     .help = util::tr_noop("the language of the answer: en (English) or ko (Korean); without "
                           "it LC_ALL, LC_MESSAGES or LANG decide (a ko_KR locale means "
                           "Korean), else English"),
     .brief = util::tr_noop("language"),
     .choices = languages,
     .example = "--lang ko"},
    {.name = "--quiet",
     .short_name = 'q',
     .value = Value::none,
     .help = util::tr_noop("no warnings or notes on stderr (errors still show)"),
     .brief = util::tr_noop("no warnings or notes")},
    {.name = "--verbose",
     .short_name = 'v',
     .value = Value::none,
     .help = util::tr_noop("notes on stderr: which records replaced which"),
     .brief = util::tr_noop("also notes")},
    {.name = "--help",
     .short_name = 'h',
     .value = Value::none,
     .help = util::tr_noop("show help (also: nkfacts help COMMAND)"),
     .brief = util::tr_noop("show help")},
    flag("--version", util::tr_noop("show the program's and the fact base's version"),
         util::tr_noop("show the version"))};

}  // namespace

std::span<const Command> command_table() {
  return k_commands;
}

const Command* find_command(std::string_view name) {
  for (const auto& command : command_table()) {
    if (command.name == name) return &command;
  }
  return nullptr;
}

std::span<const Option> global_options() {
  return k_global_options;
}

std::string usage_line(const Command* command) {
  if (!command) return "nkfacts [OPTIONS] [COMMAND] [ARGS...]";
  std::string out = "nkfacts ";
  out += command->name;
  if (!command->synopsis.empty()) {
    out += ' ';
    out += command->synopsis;
  }
  return out;
}

std::vector<std::string> split_names(std::string_view names) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < names.size()) {
    std::size_t end = names.find_first_of(", ", start);
    if (end == std::string_view::npos) end = names.size();
    if (end > start) out.emplace_back(names.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace nkfacts::cli

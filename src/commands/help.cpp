// Help screens, written by hand so each leads with examples and stays under 40 lines at 80
// columns. The examples run as tests (tests/cli), and tests/cli/help_matches_man checks that
// every command and option here also appears in man/nkfacts.1.
#include "commands/help.hpp"

#include <fmt/format.h>

namespace nkfacts::commands {
namespace {

constexpr std::string_view k_global_options =
    R"~(Global options (before or after the command):
  --facts PATH        add a fact file or a directory of them (repeatable);
                      records with the same id replace the embedded ones
  --no-default        leave the embedded facts out
  -o, --format FMT    text (default), json, jsonl, tsv, csv or markdown
      --fields A,B    the fields (columns) to write in a machine format, in order
  --color WHEN        auto (default), always or never; NO_COLOR is respected
  --width N           wrap text output at N columns (0: do not wrap)
  -q, --quiet         no warnings or notes on stderr (errors still show)
  -v, --verbose       notes on stderr: which records replaced which
  -h, --help          show help (also: nkfacts help COMMAND)
      --version       show the program's and the fact base's version)~";

}  // namespace

const std::vector<CommandInfo>& command_table() {
  static const std::vector<CommandInfo> table = {
      {"routes", "escape routes, each with its path and dangers",
       R"~(Usage: nkfacts routes [ID...]

The escape routes out of North Korea, each with its path drawn A → B → C, how the
border is crossed, and its dangers. With IDs, those routes in full, with a summary
and their dangers listed. Every route carries source markers ([1]) and the answer
ends with the numbered sources. Routes are listed by id.

Arguments:
  ID    a route id, as listed by 'nkfacts list routes'

Examples:
  nkfacts routes
  nkfacts routes china-southeast-asia
  nkfacts list routes | cut -f1)~"},
      {"dangers", "the risks on the way out, and where they are",
       R"~(Usage: nkfacts dangers [ID...]

The dangers people face when they escape: where each happens and what it is. With
IDs, those dangers in full, with the routes that run into them. Dangers are listed by
id; every one carries its source markers and the answer ends with the sources.

Arguments:
  ID    a danger id, as listed by 'nkfacts list dangers'

Examples:
  nkfacts dangers
  nkfacts dangers arrest-in-china)~"},
      {"stats", "headline figures and the yearly arrivals table",
       R"~(Usage: nkfacts stats [--year Y | --from Y --to Y] [--chart [--ascii]]

The headline figures, each dated and sourced, then every time series as a table
with its totals computed (never stored) and, where the series names one, the share
of a column (e.g. women) in each row's total. A period of several years, such as
"1999–2001" or "up to 1998", is shown as it is published, never split into years.

Options:
  --year Y    only the period that contains year Y
  --from Y    only periods that end in year Y or later
  --to Y      only periods that start in year Y or earlier
  --chart     the series as bars (columns stacked, scaled to the width)
  --ascii     draw the chart with ASCII characters only

Rows whose period overlaps the range are shown, with a "Total shown" line.

Examples:
  nkfacts stats
  nkfacts stats --from 2019 --to 2025
  nkfacts stats --chart --from 2005)~"},
      {"timeline", "the dated events in order, on a year axis",
       R"~(Usage: nkfacts timeline [--from Y] [--to Y] [--ascii]

The dated events, oldest first, beside a year axis: each year is written once, a
broken axis (┊) marks years without events, and the month and day are shown where
they are known. Every event carries its source markers; the sources follow.

Options:
  --from Y    only events in year Y or later
  --to Y      only events in year Y or earlier
  --ascii     draw the axis with ASCII characters

Examples:
  nkfacts timeline
  nkfacts timeline --from 2010
  nkfacts -o csv timeline --fields date,title)~"},
      {"quiz", "multiple-choice questions from the facts, with sources",
       R"~(Usage: nkfacts quiz [--count N] [--seed S] [--topic KIND] [--print]

Asks N questions (default 5) about figures, routes, dangers and events. Every option,
right or wrong, is a value from the facts (another year's count, another danger's
place), never made up. After each answer it gives the right one and its source; the
score comes at the end. Type a letter (or its number); q stops. Answers are read
line by line, so a file or a pipe can answer too.

Options:
  --count N      how many questions (default 5)
  --seed S       the same seed asks the same questions in the same order; without
                 it a new seed is picked and shown, to replay the quiz
  --topic KIND   only figure, route, danger or event questions
  --print        print a worksheet with an answer key instead of asking (with
                 --format: the questions as data)

Examples:
  nkfacts quiz
  nkfacts quiz --topic event --count 10
  nkfacts quiz --seed 42 --print > worksheet.txt)~"},
      {"random", "one fact with its source, to start a lesson",
       R"~(Usage: nkfacts random [--kind KIND] [--seed S]

Shows one record picked at random, in full, with its sources: a figure, route,
danger, event or fact.

Options:
  --kind KIND    only records of KIND (figure, route, danger, event, fact)
  --seed S       the same seed picks the same record

Examples:
  nkfacts random
  nkfacts random --kind event)~"},
      {"handout", "a printable Markdown handout with tables and sources",
       R"~(Usage: nkfacts handout [--topic TOPIC] [--style STYLE]

Writes one self-contained Markdown document for a lesson: the key figures and the
arrivals table, the routes with their dangers, the dangers, the timeline, and a
numbered bibliography. Print it, or convert it (pandoc handout.md -o handout.pdf).

Options:
  --topic TOPIC   all (default), stats, routes (with the dangers), dangers or
                  timeline
  --style STYLE   the bibliography's style: plain (default), apa, mla or chicago

Examples:
  nkfacts handout > handout.md
  nkfacts handout --topic routes --style apa > routes.md)~"},
      {"cite", "the sources behind a record, as a bibliography",
       R"~(Usage: nkfacts cite [ID...] [--style STYLE]

Prints references as a bibliography. Without IDs: every reference, by id. With the
id of a figure, series, route, danger or event: the references behind it, so you can
cite exactly what supports a claim. With a reference id: that reference.

Options:
  --style STYLE   plain (default, numbered), apa (7th edition), mla (9th),
                  chicago (17th, bibliography entry) or bibtex (keys are the ids);
                  apa, mla and chicago are sorted alphabetically, as their lists are

Arguments:
  ID    any record id, as listed by 'nkfacts list'

Examples:
  nkfacts cite
  nkfacts cite arrivals-by-year --style apa
  nkfacts cite --style bibtex > nkfacts.bib)~"},
      {"search", "find records by any word of their text",
       R"~(Usage: nkfacts search [--kind KIND] [--explain] WORD...

Finds the records that answer a question typed in plain words, in English or Korean.
Words match whole words, whatever their case, accents or apostrophes (Hanawon's is
hanawon), and by their stems (escaping, escaped and escape match each other). Hangul
words match with or without their particle (탈북민의, 탈북민을: 탈북민). Question words
(is, it, to, how, what, the, does...) need not match. Words in double quotes match as a
phrase, in that order. Not every word must match: results are ranked by BM25, a word
counting more the rarer it is and the more it occurs, more in a record's name than in
its summary, more there than in its note, and a record matching more of the words
ranks higher. Each result shows its kind, id, name, where the words matched, and its
sources. Nothing found: exit status 1, with the nearest words the records hold.

Options:
  --kind KIND    only records of KIND (figure, series, route, danger, event, fact,
                 reference)
  --explain      under each result, why it ranked there: each matched word's share of
                 the score, its rarity (idf) and where it occurred

Fields (machine formats): id, kind, name, score, field, match, sources (field: where
the words counted most).

Examples:
  nkfacts search Tumen
  nkfacts search is it illegal to leave north korea
  nkfacts search '"three generations"'
  nkfacts search --explain escape cost
  nkfacts search 탈북민의
  nkfacts -o jsonl search women | head -n 3)~"},
      {"show", "any record in full, with its sources",
       R"~(Usage: nkfacts show ID...

Shows each record in full: every field, its note (where sources disagree or the
well-known account is wrong, the note says so), and its numbered sources. For a
reference, also which records cite it.

Arguments:
  ID    any record id, as listed by 'nkfacts list'

Examples:
  nkfacts show arrivals-total-2025
  nkfacts show dmz-crossing
  nkfacts show "$(nkfacts list events | head -n1 | cut -f1)")~"},
      {"list", "every id with its kind and name, one per line",
       R"~(Usage: nkfacts list [KIND]

One line per record, sorted by id: the id, a TAB, the kind, a TAB, the name. This
output is stable, for scripts and shell completion.

Arguments:
  KIND    figure, series, route, danger, event, fact or reference (plurals work)

Examples:
  nkfacts list
  nkfacts list routes
  nkfacts list figures | cut -f1)~"},
      {"check", "validate fact files and report every problem",
       R"~(Usage: nkfacts check [PATH...]

Checks fact files and prints every problem, not just the first, one per line as
FILE:LINE:COLUMN: error|warning: message, sorted by file and position, then a
summary line. Without PATHs it checks everything nkfacts would load (the embedded
facts, NKFACTS_PATH, --facts); with PATHs (files, directories, or - for standard
input) it checks those, on top of the embedded facts so they may cite them.

Errors: TOML syntax, unknown kinds or keys, wrong types, missing keys, bad or
duplicate ids, links to missing records or to the wrong kind, a low above its
high, negative counts, impossible dates or dates in the future, overlapping
periods, invalid UTF-8. Warnings: uncited references, figures without as_of,
web references without retrieved, text with trailing spaces or control characters.

Exit status: 0 when there is no error (warnings allowed), 2 otherwise.

Examples:
  nkfacts check
  nkfacts check class-facts/)~"},
      {"completion", "print a shell completion script (bash, zsh, fish)",
       R"~(Usage: nkfacts completion bash|zsh|fish

Prints a script that completes nkfacts' commands, options, option values
(formats, kinds, colours) and record ids in that shell. Ids come from
'nkfacts list' as you type, so your own facts (NKFACTS_PATH) are included.
'cmake --install' and the Debian package install these scripts already.

Examples:
  source <(nkfacts completion bash)
  nkfacts completion fish | head -n 3)~"},
      {"help", "show help for nkfacts or for one command",
       R"~(Usage: nkfacts help [COMMAND]

Shows the help for COMMAND, or the overall help without one. The same as
'nkfacts COMMAND --help'.

Examples:
  nkfacts help
  nkfacts help stats)~"},
  };
  return table;
}

const CommandInfo* find_command(std::string_view name) {
  for (const auto& command : command_table()) {
    if (command.name == name) return &command;
  }
  return nullptr;
}

std::string top_level_help() {
  std::string out =
      "nkfacts: an offline, cited fact reference about North Korean defectors.\n"
      "\n"
      "Usage: nkfacts [OPTIONS] [COMMAND] [ARGS...]\n"
      "\n"
      "Without a command, nkfacts prints an overview with the headline figures.\n"
      "\n"
      "Commands:\n";
  for (const auto& command : command_table()) {
    out += fmt::format("  {:<9} {}\n", command.name, command.summary);
  }
  out += '\n';
  out += k_global_options;
  out += R"~(

Examples:
  nkfacts stats --from 2019
  nkfacts routes china-southeast-asia
  nkfacts show arrivals-total-2025
  nkfacts --facts class-facts/ list

Exit status: 0 answered, 1 nothing found (unknown id, empty selection),
2 usage error or invalid fact data.

More: 'nkfacts help COMMAND', 'man nkfacts'. Found a wrong fact? See the
"Reporting errors" part of facts/README.md.
)~";
  return out;
}

std::string facts_line(const model::FactBase& facts) {
  std::optional<model::Date> newest;
  auto consider = [&](const std::optional<model::Date>& date) {
    if (date && (!newest || *date > *newest)) newest = date;
  };
  for (const auto& reference : facts.references) consider(reference.retrieved);
  for (const auto& figure : facts.figures) consider(figure.as_of);
  return fmt::format("facts as of {} ({} records, {} sources)",
                     newest ? model::to_iso(*newest) : std::string("unknown"),
                     facts.record_count(), facts.references.size());
}

std::string version_text(std::string_view facts_line, std::string_view details) {
  return fmt::format(
      "nkfacts {}\n{}\n{}Copyright (c) 2026 the nkfacts developers. MIT licence: free to use, "
      "change and share.\n",
      NKFACTS_VERSION, facts_line, details);
}

}  // namespace nkfacts::commands

// Every subcommand: an options struct filled from the command line (cli/table.cpp) and a run
// function that appends to the context's buffers and returns an exit status.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "commands/context.hpp"
#include "load/sources.hpp"
#include "model/date.hpp"
#include "render/text.hpp"

namespace nkfacts::commands {

// The overview: the headline figures and the commands, in one 80-column screen.
int run_overview(Context& context, const std::vector<render::CommandSummary>& commands);

struct RecordsOptions {          // routes [ID...], dangers [ID...]
  std::vector<std::string> ids;  // empty: every record of the kind
};
int run_routes(const RecordsOptions& options, Context& context);
int run_dangers(const RecordsOptions& options, Context& context);

struct ClaimsOptions {  // claims [--verdict V] [ID...]
  RecordsOptions records;
  std::string verdict;  // empty: every verdict
};
int run_claims(const ClaimsOptions& options, Context& context);
int run_terms(const RecordsOptions& options, Context& context);

struct StatsOptions {
  std::optional<int> year;
  std::optional<int> from;
  std::optional<int> to;
  bool chart = false;  // bars instead of tables
  bool ascii = false;  // draw with ASCII only
};
int run_stats(const StatsOptions& options, Context& context);

struct TimelineOptions {
  std::optional<int> year;  // only events in this year
  std::optional<int> from;  // only events in this year or later
  std::optional<int> to;    // only events in this year or earlier
  bool ascii = false;
};
int run_timeline(const TimelineOptions& options, Context& context);

struct QuizOptions {
  std::size_t count = 5;
  bool count_given = false;  // --count given: say so when fewer questions exist
  std::uint64_t seed = 0;    // main picks one when --seed is not given
  std::string topic;         // empty: every topic
  bool print = false;        // a worksheet to fill in instead of asking
  bool key = false;          // the answer key (after the worksheet with --print)
  // --width when given: the Markdown sheet's name and date line fits it (0: not given)
  std::size_t markdown_width = 0;
};
// How an interactive command talks to the user: write shows text at once, read_line
// returns the next line typed (nullopt at the end of input).
struct Conversation {
  std::function<void(std::string_view)> write;
  std::function<std::optional<std::string>()> read_line;
};
int run_quiz(const QuizOptions& options, Context& context, const Conversation& conversation);
// The longest answer line kept, in bytes; the rest of a longer line is read and dropped (a
// line so long is no answer, and is asked again).
inline constexpr std::size_t k_max_answer_bytes = 1024;
// Reads the next answer line from `fd`, buffered, without its line end; nullopt at the end
// of input. Only the quiz reads standard input once the facts are loaded, so what the
// buffer holds past the line is kept for the next call.
std::optional<std::string> read_answer(int fd);
// An answer as it is shown back (a transcript of answers from a pipe): control characters
// and invalid UTF-8 escaped, cut to 80 characters with "…".
std::string shown_answer(std::string_view line);

// The kinds of record a quiz asks about (series questions are figure questions) and the
// kinds `random` picks from.
inline constexpr model::Kind k_quiz_topics[] = {model::Kind::figure, model::Kind::route,
                                                model::Kind::danger, model::Kind::event,
                                                model::Kind::claim,  model::Kind::term};
inline constexpr model::Kind k_random_kinds[] = {model::Kind::figure, model::Kind::route,
                                                 model::Kind::danger, model::Kind::event,
                                                 model::Kind::fact};

struct RandomOptions {
  std::string kind;  // empty: figure, route, danger, event or fact
  std::uint64_t seed = 0;
};
int run_random(const RandomOptions& options, Context& context);

struct HandoutOptions {
  std::string topic = "all";      // all, stats, routes, dangers, timeline
  std::string style = "plain";    // the bibliography's citation style
  std::string length = "lesson";  // sheet (one page) or lesson
};
int run_handout(const HandoutOptions& options, Context& context);

struct CiteOptions {
  std::vector<std::string> ids;  // empty: every reference
  std::string style = "plain";   // a name render::parse_citation_style reads
};
int run_cite(const CiteOptions& options, Context& context);

struct ShowOptions {
  std::vector<std::string> ids;
};
int run_show(const ShowOptions& options, Context& context);

struct ListOptions {
  std::string kind;  // empty: every kind
};
int run_list(const ListOptions& options, Context& context);

struct SearchOptions {
  std::vector<std::string> words;  // the query, as given
  std::string kind;                // empty: every kind
  bool explain = false;            // say why each hit ranked where it did
};
int run_search(const SearchOptions& options, Context& context);

struct CheckOptions {
  std::vector<std::string> paths;  // empty: everything that would be loaded
};
// Loads `sources` (with options.paths added as --facts paths), reviews the whole fact base,
// and reports every problem. Status 0 without errors, 2 with any.
int run_check(const CheckOptions& options, load::SourceOptions sources, Context& context);

}  // namespace nkfacts::commands

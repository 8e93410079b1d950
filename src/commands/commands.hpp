// Every subcommand: an options struct filled by main's CLI11 wiring, and a run function that
// appends to the context's buffers and returns an exit status.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "commands/context.hpp"
#include "load/sources.hpp"
#include "model/date.hpp"

namespace nkfacts::commands {

int run_overview(Context& context);

struct RecordsOptions {          // routes [ID...], dangers [ID...]
  std::vector<std::string> ids;  // empty: every record of the kind
};
int run_routes(const RecordsOptions& options, Context& context);
int run_dangers(const RecordsOptions& options, Context& context);

struct StatsOptions {
  std::optional<int> year;
  std::optional<int> from;
  std::optional<int> to;
  bool chart = false;              // bars instead of tables
  bool ascii = false;              // draw with ASCII only
};
int run_stats(const StatsOptions& options, Context& context);

struct TimelineOptions {
  std::optional<int> from;         // only events in this year or later
  std::optional<int> to;           // only events in this year or earlier
  bool ascii = false;
};
int run_timeline(const TimelineOptions& options, Context& context);

struct QuizOptions {
  std::size_t count = 5;
  std::uint64_t seed = 0;          // main picks one when --seed is not given
  std::string topic;               // empty: every topic
  bool print = false;              // a worksheet with an answer key instead of asking
};
// How an interactive command talks to the user: write shows text at once, read_line
// returns the next line typed (nullopt at the end of input).
struct Conversation {
  std::function<void(std::string_view)> write;
  std::function<std::optional<std::string>()> read_line;
};
int run_quiz(const QuizOptions& options, Context& context, const Conversation& conversation);

struct RandomOptions {
  std::string kind;                // empty: figure, route, danger, event or fact
  std::uint64_t seed = 0;
};
int run_random(const RandomOptions& options, Context& context);

struct HandoutOptions {
  std::string topic = "all";       // all, stats, routes, dangers, timeline
  std::string style = "plain";     // the bibliography's citation style
};
int run_handout(const HandoutOptions& options, Context& context);

struct CiteOptions {
  std::vector<std::string> ids;  // empty: every reference
  std::string style = "plain";   // plain, apa, mla, chicago or bibtex
};
int run_cite(const CiteOptions& options, Context& context);

struct ShowOptions {
  std::vector<std::string> ids;
};
int run_show(const ShowOptions& options, Context& context);

struct ListOptions {
  std::string kind;              // empty: every kind
};
int run_list(const ListOptions& options, Context& context);

struct SearchOptions {
  std::vector<std::string> words;  // the query, as given
  std::string kind;                // empty: every kind
  bool explain = false;            // say why each hit ranked where it did
};
int run_search(const SearchOptions& options, Context& context);

struct CompletionOptions {
  std::string shell;               // bash, zsh or fish
};
int run_completion(const CompletionOptions& options, Context& context);

struct CheckOptions {
  std::vector<std::string> paths;  // empty: everything that would be loaded
};
// Loads `sources` (with options.paths added as --facts paths), reviews the whole fact base
// against `today`, and reports every problem. Status 0 without errors, 2 with any.
int run_check(const CheckOptions& options, load::SourceOptions sources, const model::Date& today,
              Context& context);

}  // namespace nkfacts::commands

// The command line as data: every command with its summary, options (type, range, allowed
// values, completion source) and help text. One table drives the parser (cli/parse.cpp),
// `--help` and `help CMD` (cli/help.cpp), the completion scripts (cli/completion.cpp),
// "did you mean" and dispatch (cli/run.cpp). docs/cli.md describes the conventions.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "commands/commands.hpp"

namespace nkfacts::cli {

struct Invocation;

// What a command may need beyond its options: the user at the terminal, a seed when none
// is given, and the fact sources (for `check`, which loads them itself).
struct Session {
  commands::Conversation conversation;
  // Writes the first part of a long answer while the rest is made (main: to stdout). Empty
  // in tests, which take the whole answer from Outcome::out.
  std::function<void(std::string_view)> write_out;
  std::uint64_t (*fresh_seed)() = nullptr;
  load::SourceOptions* sources = nullptr;
};

// What an option's value is. The parser checks it, so commands get only well-formed values.
enum class Value {
  none,      // a flag: no value
  text,      // any word
  choice,    // one of the option's choices (checked by the command when it knows more)
  integer,   // a whole number within [min, max]
  optional,  // a flag that may take one of its choices: "--color" or "--color=never"
};

// Where a shell's completion takes values from.
enum class Complete { none, files, choices, ids, route_ids, danger_ids, commands };

// The allowed values, from the layer that owns them (render's formats and citation styles,
// the model's kinds), so a value added there is offered here without a copy.
using Choices = std::vector<std::string> (*)();

struct Option {
  std::string_view name = {};        // "--format"
  char short_name = 0;               // 'o' for -o; 0 for none
  std::string_view value_name = {};  // "FMT"; empty for a flag
  Value value = Value::none;
  std::string_view help = {};   // for the help page; wrapped to 80 columns
  std::string_view brief = {};  // a few words, for completion menus and messages
  Choices choices = nullptr;    // allowed values (Value::choice, Value::optional)
  long long min = 0;            // Value::integer: the range accepted
  long long max = 0;
  std::string_view example = {};   // "--count 5", shown when a value is refused
  std::string_view takes = {};     // what it takes, in words, when the range says too little
  std::string_view excludes = {};  // options it cannot be combined with, space-separated
  bool repeatable = false;         // may be given more than once (--facts)
  Complete complete = Complete::none;
};

// The words after the command: ids, kinds, paths, a shell.
struct Operands {
  std::string_view name = {};  // "ID"; empty: the command takes none
  std::string_view help = {};
  bool many = false;          // ID... rather than [ID]
  Choices choices = nullptr;  // for completion (a command may accept more, e.g. plurals)
  Complete complete = Complete::none;
};

using RunFunction = int (*)(const Invocation&, commands::Context&, const Session&);

struct Command {
  std::string_view name = {};
  std::string_view summary = {};   // one line, for listings
  std::string_view synopsis = {};  // what follows "nkfacts NAME" in the usage line
  std::string_view about = {};     // paragraphs separated by blank lines; wrapped to 80
  std::span<const Option> options = {};
  Operands operands = {};
  std::string_view more = {};      // paragraphs after the options (fields, exit status)
  std::string_view examples = {};  // one command line per line
  RunFunction run = nullptr;       // null: the help command, which the runner answers
  bool loads_facts = true;         // false: runs without the facts (check, completion)
  std::string_view html = {};      // non-empty: it writes -o html; how it is asked for
                                   // ("handout", "quiz --print")
};

std::span<const Command> command_table();
const Command* find_command(std::string_view name);
// The options that apply before and after any command.
std::span<const Option> global_options();

// "nkfacts stats [--year Y | --from Y --to Y] [--chart [--ascii]]"
std::string usage_line(const Command* command);

// Splits "a, b, c" (how the owning layers list their names) into words.
std::vector<std::string> split_names(std::string_view names);

}  // namespace nkfacts::cli

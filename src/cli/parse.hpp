// Turns the words of a command line into one Invocation, checked against the command table:
// unknown commands and options, missing and malformed values, numbers out of range and
// options that exclude each other are usage errors, each in the project's words.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cli/table.hpp"

namespace nkfacts::cli {

struct Invocation {
  const Command* command = nullptr;  // null: the overview (or the top-level help)
  bool help = false;                 // -h, --help, or the help command: help for `command`
  // Every option given, as (long name, value) in command-line order; "" for a flag.
  std::vector<std::pair<std::string_view, std::string>> values;
  std::vector<std::string> operands;  // the words after the command

  bool has(std::string_view name) const;
  // The last value given for `name`, or `fallback`.
  std::string_view text(std::string_view name, std::string_view fallback = {}) const;
  // Every value given for a repeatable option.
  std::vector<std::string> all(std::string_view name) const;
  // An integer option's value (the parser has checked its range).
  std::optional<long long> integer(std::string_view name) const;
};

// A usage error: "nkfacts: MESSAGE", the usage line of `command`, "hint: HINT".
struct UsageError {
  std::string message;
  std::string hint;
  const Command* command = nullptr;  // whose usage line to show; null: the top level
};

struct Parsed {
  Invocation invocation;
  std::optional<UsageError> error;
};

// `args` are the words after the program's name. A plain command line (parse_plain) is read
// from the table alone; every other one, and every mistake, goes through CLI11 (parse_full).
Parsed parse(const std::vector<std::string_view>& args);

// The Invocation of a command line whose every word the table reads one way only: a known
// command, its operands, and options each given once by their exact long or short name,
// with values the table accepts. nullopt for anything else (help, "--", a repeated or
// bundled option, an unknown or misplaced word, a value refused): parse_full decides those.
// The unit tests hold its answers equal to parse_full's.
std::optional<Invocation> parse_plain(const std::vector<std::string_view>& args);

// The parse through CLI11, for any command line.
Parsed parse_full(const std::vector<std::string_view>& args);

// A whole number in [min, max] written in decimal digits with an optional leading '-':
// nothing else ("1e3", "+5", " 5", "" and numbers past the range are refused).
std::optional<long long> parse_integer(std::string_view text, long long min, long long max);

}  // namespace nkfacts::cli

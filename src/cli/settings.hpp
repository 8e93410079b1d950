// Decisions taken from the environment: colour for each stream and the width of text
// output. Pure functions of what they are given, so they are unit-tested
// (tests/unit/cli_test.cpp); docs/cli.md states the rules.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "util/i18n.hpp"

namespace nkfacts::cli {

// What the decisions read from the process's surroundings. A null variable is unset.
struct Environment {
  const char* no_color = nullptr;        // NO_COLOR
  const char* force_color = nullptr;     // FORCE_COLOR
  const char* clicolor_force = nullptr;  // CLICOLOR_FORCE
  const char* clicolor = nullptr;        // CLICOLOR
  const char* term = nullptr;            // TERM
  const char* columns = nullptr;         // COLUMNS
  const char* lc_all = nullptr;          // LC_ALL
  const char* lc_messages = nullptr;     // LC_MESSAGES
  const char* lang = nullptr;            // LANG
  bool stdout_is_terminal = false;
  bool stderr_is_terminal = false;
  std::size_t terminal_columns = 0;  // the terminal's width on stdout; 0: unknown
};

// The environment of this process (getenv, isatty, the terminal's size).
Environment process_environment();

enum class ColorMode { automatic, always, never };
enum class Stream { out, err };

// --color's word ("" for a bare --color) as a mode; auto when not given.
ColorMode parse_color_mode(std::optional<std::string_view> word);

// Whether `stream` is coloured. An explicit --color decides both streams. Otherwise
// NO_COLOR turns colour off; FORCE_COLOR or CLICOLOR_FORCE turn it on for stdout (the
// answer, e.g. into `less -R`), while stderr keeps to its own rule: messages are coloured
// only on a terminal. CLICOLOR=0, TERM=dumb or no TERM turn it off; else a terminal decides.
bool decide_color(ColorMode mode, Stream stream, const Environment& environment);

// The value of the command line's --lang ("--lang ko", "--lang=ko", the last one, before
// any "--") when it is a language nkfacts speaks: read before the command line is parsed,
// so that a problem with the rest of it is reported in that language.
std::optional<std::string_view> lang_flag(const std::vector<std::string_view>& args);

// The display language: --lang if given, else the first of LC_ALL, LC_MESSAGES and LANG
// that is set and not empty, as the C library chooses messages: a Korean locale (ko,
// ko_KR, ko_KR.UTF-8) means Korean, any other (C, POSIX, en_US...) English.
util::Language decide_language(std::optional<std::string_view> flag,
                               const Environment& environment);

// Output widths are kept within this range; 0 means "do not wrap" (--width 0 only).
inline constexpr std::size_t k_min_width = 20;
inline constexpr std::size_t k_max_width = 1000;

// --width N if given (0: do not wrap), else COLUMNS if it is a positive integer, else the
// terminal's width, else 80; any width from these is clamped to [20, 1000].
std::size_t decide_width(std::optional<long long> flag, const Environment& environment);

}  // namespace nkfacts::cli

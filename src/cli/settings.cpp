#include "cli/settings.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>

namespace nkfacts::cli {
namespace {

bool set(const char* value) {
  return value && *value;
}
bool forces(const char* value) {
  return set(value) && std::string_view(value) != "0";
}

std::size_t clamp_width(unsigned long long width) {
  return static_cast<std::size_t>(std::clamp<unsigned long long>(width, k_min_width, k_max_width));
}

}  // namespace

Environment process_environment() {
  Environment environment;
  environment.no_color = std::getenv("NO_COLOR");
  environment.force_color = std::getenv("FORCE_COLOR");
  environment.clicolor_force = std::getenv("CLICOLOR_FORCE");
  environment.clicolor = std::getenv("CLICOLOR");
  environment.term = std::getenv("TERM");
  environment.columns = std::getenv("COLUMNS");
  environment.lc_all = std::getenv("LC_ALL");
  environment.lc_messages = std::getenv("LC_MESSAGES");
  environment.lang = std::getenv("LANG");
  environment.stdout_is_terminal = isatty(STDOUT_FILENO) == 1;
  environment.stderr_is_terminal = isatty(STDERR_FILENO) == 1;
  winsize size{};
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0) environment.terminal_columns = size.ws_col;
  return environment;
}

ColorMode parse_color_mode(std::optional<std::string_view> word) {
  if (!word) return ColorMode::automatic;
  if (*word == "never") return ColorMode::never;
  if (*word == "auto") return ColorMode::automatic;
  return ColorMode::always;  // "always", or a bare --color
}

std::optional<std::string_view> lang_flag(const std::vector<std::string_view>& args) {
  std::optional<std::string_view> found;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const auto arg = args[i];
    if (arg == "--") break;
    std::optional<std::string_view> value;
    if (arg == "--lang" && i + 1 < args.size()) {
      value = args[++i];
    } else if (arg.substr(0, 7) == "--lang=") {
      value = arg.substr(7);
    }
    if (value && std::find(std::begin(util::k_language_tags), std::end(util::k_language_tags),
                           *value) != std::end(util::k_language_tags)) {
      found = value;
    }
  }
  return found;
}

util::Language decide_language(std::optional<std::string_view> flag,
                               const Environment& environment) {
  if (flag) return util::parse_language(*flag).value_or(util::Language::en);
  for (const char* locale : {environment.lc_all, environment.lc_messages, environment.lang}) {
    if (set(locale)) return util::parse_language(locale).value_or(util::Language::en);
  }
  return util::Language::en;
}

bool decide_color(ColorMode mode, Stream stream, const Environment& environment) {
  if (mode == ColorMode::always) return true;
  if (mode == ColorMode::never) return false;
  if (set(environment.no_color)) return false;
  if (stream == Stream::out &&
      (forces(environment.force_color) || forces(environment.clicolor_force))) {
    return true;
  }
  if (environment.clicolor && std::string_view(environment.clicolor) == "0") return false;
  if (!environment.term || std::string_view(environment.term) == "dumb") return false;
  return stream == Stream::out ? environment.stdout_is_terminal : environment.stderr_is_terminal;
}

std::size_t decide_width(std::optional<long long> flag, const Environment& environment) {
  if (flag) return *flag <= 0 ? 0 : clamp_width(static_cast<unsigned long long>(*flag));
  if (set(environment.columns)) {
    // Digits only; a number too long for any integer is simply very wide.
    unsigned long long width = 0;
    bool digits = true;
    for (const char* c = environment.columns; *c; ++c) {
      if (*c < '0' || *c > '9') {
        digits = false;
        break;
      }
      width = std::min<unsigned long long>(width * 10 + static_cast<unsigned>(*c - '0'), 1000000);
    }
    if (digits && width > 0) return clamp_width(width);
  }
  if (environment.terminal_columns > 0) return clamp_width(environment.terminal_columns);
  return 80;
}

}  // namespace nkfacts::cli

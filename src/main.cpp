// Command-line wiring: parse, decide colour and width, load the facts, dispatch, write the
// answer once, and map every failure to an exit status. CLI11 is seen only here.
// CLI11 includes <iostream>, and with GCC 12's libstdc++ every file that does holds a
// static std::ios_base::Init, which builds the eight standard streams and their buffers
// at every start: 7 fresh pages and about 9,000 instructions, for streams nkfacts never
// uses (it writes with write(2); CLI11 uses them only in App::exit and in warnings for
// deprecated and retired options, none of which nkfacts has). So <iostream>'s
// declarations are given here, without its static object; the locale, which CLI11 does
// use, is still set up on first use. libstdc++ 13 and later set the streams up inside
// the library and take another path here.
#include <cstddef>  // defines __GLIBCXX__ and _GLIBCXX_RELEASE with libstdc++
#if defined(__GLIBCXX__) && defined(_GLIBCXX_RELEASE) && _GLIBCXX_RELEASE < 13 && \
    !defined(_GLIBCXX_IOSTREAM)
#include <istream>
#include <ostream>
#define _GLIBCXX_IOSTREAM 1
namespace std {
extern istream cin;
extern ostream cout;
extern ostream cerr;
extern ostream clog;
}  // namespace std
#endif
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <algorithm>
#include <ctime>
#include <exception>
#include <random>

#include "commands/commands.hpp"
#include "commands/exit_status.hpp"
#include "commands/help.hpp"
#include "load/embedded.hpp"
#include "load/sources.hpp"
#include "load/toml_loader.hpp"
#include "render/diagnostics.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"

namespace {

using namespace nkfacts;

// Options that take a value in the next argument, so their value is not taken for a
// command name when looking for one.
bool takes_value(std::string_view arg) {
  return arg == "--facts" || arg == "--color" || arg == "--width" || arg == "--year" ||
         arg == "--from" || arg == "--to" || arg == "-o" || arg == "--format" ||
         arg == "--fields" || arg == "--kind" || arg == "--style" || arg == "--count" ||
         arg == "--seed" || arg == "--topic";
}

struct CommandToken {
  std::size_t index = 0;  // 0: none
  std::string_view name;
};

CommandToken find_command_token(const std::vector<std::string_view>& args) {
  for (std::size_t i = 1; i < args.size(); ++i) {
    const auto arg = args[i];
    if (arg == "--") break;
    if (takes_value(arg)) {
      ++i;
      continue;
    }
    if (!arg.empty() && arg[0] == '-') continue;
    return {i, arg};
  }
  return {};
}

// Whether the command line could name the top-level option CLI11 would set up from
// `spec` ("-o,--format"): a word that is one of its names, or one of them with "=value".
// A word of one dash and more than one letter ("-qv", "-ojson") could hold any short
// option, so it could name them all. Words after "--" are looked at too: setting up an
// option that is not used changes nothing, leaving out one that is would.
bool could_name(const std::vector<std::string_view>& args, std::string_view spec) {
  for (std::size_t i = 1; i < args.size(); ++i) {
    const auto arg = args[i];
    if (arg.size() > 2 && arg[0] == '-' && arg[1] != '-') return true;
    for (std::size_t start = 0; start < spec.size();) {
      const auto comma = std::min(spec.find(',', start), spec.size());
      const auto name = spec.substr(start, comma - start);
      if (util::starts_with(arg, name) && (arg.size() == name.size() || arg[name.size()] == '=')) {
        return true;
      }
      start = comma + 1;
    }
  }
  return false;
}

bool wants_help(const std::vector<std::string_view>& args) {
  for (std::size_t i = 1; i < args.size(); ++i) {
    if (args[i] == "--") return false;
    if (args[i] == "-h" || args[i] == "--help") return true;
  }
  return false;
}

bool env_set(const char* name) {
  const char* value = std::getenv(name);
  return value && *value;
}

bool env_forces(const char* name) {
  const char* value = std::getenv(name);
  return value && *value && std::string_view(value) != "0";
}

// CLI.md section 7, first match wins.
bool decide_color(std::string_view mode, int fd) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  if (env_set("NO_COLOR")) return false;
  if (env_forces("FORCE_COLOR") || env_forces("CLICOLOR_FORCE")) return true;
  const char* clicolor = std::getenv("CLICOLOR");
  if (clicolor && std::string_view(clicolor) == "0") return false;
  const char* term = std::getenv("TERM");
  if (!term || std::string_view(term) == "dumb") return false;
  return isatty(fd) == 1;
}

// CLI.md section 8: --width, then COLUMNS, then the terminal, then 80; at least 20.
std::size_t decide_width(std::optional<long> flag) {
  long width = 0;
  if (flag) {
    width = *flag;
    if (width == 0) return 0;
  } else if (const char* columns = std::getenv("COLUMNS"); columns && *columns) {
    char* end = nullptr;
    width = std::strtol(columns, &end, 10);
    if (*end != '\0') width = 0;
  }
  if (width <= 0) {
    winsize size{};
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) width = size.ws_col;
  }
  if (width <= 0) width = 80;
  return static_cast<std::size_t>(std::max(width, 20L));
}

// Writes all of `text`; false with errno set on failure. A closed pipe normally ends the
// process through SIGPIPE, quietly; if SIGPIPE is ignored we see EPIPE and stop.
bool write_all(int fd, std::string_view text) {
  while (!text.empty()) {
    const auto written = ::write(fd, text.data(), text.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    text.remove_prefix(static_cast<std::size_t>(written));
  }
  return true;
}

// Reads one line from `fd` without its newline, a byte at a time so nothing after the
// line is consumed (the quiz reads answers as they come). False at the end of input with
// nothing read. (No <iostream>: its static set-up costs every run ~90k instructions.)
bool read_line(int fd, std::string& line) {
  line.clear();
  char c = 0;
  for (;;) {
    const auto got = ::read(fd, &c, 1);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return !line.empty();
    if (c == '\n') return true;
    line += c;
  }
}

int finish(const std::string& out, const std::string& err, int status) {
  if (!write_all(STDOUT_FILENO, out)) {
    if (errno == EPIPE) return status;
    const std::string message = fmt::format("nkfacts: cannot write the output: {}\n",
                                            std::strerror(errno));
    write_all(STDERR_FILENO, err + message);
    return exit_status::data_error;
  }
  write_all(STDERR_FILENO, err);
  return status;
}

std::string command_help(const commands::CommandInfo& command) {
  return fmt::format("{}\n\nGlobal options: see 'nkfacts --help'.\n", command.help);
}

// "nkfacts stats [--year Y | --from Y --to Y]": the first line of the command's help.
std::string usage_line(const commands::CommandInfo& command) {
  std::string_view line = command.help.substr(0, command.help.find('\n'));
  if (util::starts_with(line, "Usage: ")) line.remove_prefix(7);
  return std::string(line);
}

// Every option name the top level and `sub` accept, spelled as on the command line.
std::vector<std::string> option_names(const CLI::App& app, const CLI::App* sub) {
  std::vector<std::string> names = {"-h", "--help"};
  for (const CLI::App* level : {&app, sub}) {
    if (!level) continue;
    for (const CLI::Option* option : level->get_options()) {
      for (const auto& name : option->get_lnames()) names.push_back("--" + name);
      for (const auto& name : option->get_snames()) names.push_back("-" + name);
    }
  }
  return names;
}

int usage_error(std::string_view message, std::string_view hint, const render::Terminal& err,
                std::string_view usage = "nkfacts [OPTIONS] [COMMAND] [ARGS...]") {
  std::string text = fmt::format("nkfacts: {}\nusage: {}\n", message, usage);
  text += fmt::format("{} {}\n", render::paint(err, render::Style::note, "hint:"), hint);
  return finish("", text, exit_status::usage_error);
}

// The command line and the loaded facts live until the process ends and are never
// destroyed: freeing their thousands of small allocations one by one would cost about a
// quarter of a whole run, and the kernel takes the memory back at once. (Reachable from
// a global, so LeakSanitizer does not count them as leaks.)
struct KeptUntilExit {
  std::optional<CLI::App> app;
  std::optional<load::LoadResult> loaded;
};
KeptUntilExit& kept_until_exit = *new KeptUntilExit;

// A seed for quiz and random when none is given: different on every run, and short
// enough to read out in a classroom ("everyone run: nkfacts quiz --seed 402917").
std::uint64_t fresh_seed() {
  std::random_device device;
  return (device() ^ static_cast<std::uint64_t>(std::time(nullptr))) % 1000000;
}

// Today's date in UTC, for `check`'s "date in the future".
model::Date today() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  return {utc.tm_year + 1900, static_cast<std::uint8_t>(utc.tm_mon + 1),
          static_cast<std::uint8_t>(utc.tm_mday)};
}

int run(int argc, char** argv) {
  std::vector<std::string_view> args(argv, argv + argc);
  const render::Terminal plain_err{0, decide_color("auto", STDERR_FILENO)};

  // Help needs no facts and ignores every other argument (CLI.md section 2).
  const auto token = find_command_token(args);
  const auto* command = token.index ? commands::find_command(token.name) : nullptr;
  if (token.index && !command) {
    // "--colr never": the unknown option, not its value, is what went wrong.
    const auto previous = args[token.index - 1];
    const std::vector<std::string> global = {"--facts",   "--no-default", "--color",
                                             "--width",   "--quiet",      "--verbose",
                                             "--version", "--help",       "--format",
                                             "--fields"};
    if (token.index > 1 && util::starts_with(previous, "--") &&
        std::find(global.begin(), global.end(), previous.substr(0, previous.find('='))) ==
            global.end()) {
      const auto close = util::closest_matches(previous, global, 1);
      return usage_error(
          fmt::format("unknown option '{}'", util::escape_controls(previous, util::Newlines::escape)),
          close.empty() ? "see 'nkfacts --help'"
                        : fmt::format("did you mean '{}'? see 'nkfacts --help'", close.front()),
          plain_err);
    }
    std::vector<std::string> names;
    for (const auto& info : commands::command_table()) names.emplace_back(info.name);
    const auto close = util::closest_matches(token.name, names, 1);
    return usage_error(
        fmt::format("unknown command '{}'", util::escape_controls(token.name, util::Newlines::escape)),
        close.empty() ? "'nkfacts --help' lists the commands"
                      : fmt::format("did you mean '{}'?", close.front()),
        plain_err);
  }
  if (wants_help(args) || (command && command->name == "help")) {
    const commands::CommandInfo* topic = command && command->name != "help" ? command : nullptr;
    if (command && command->name == "help") {
      // "nkfacts help COMMAND": the next word names the topic.
      std::vector<std::string_view> rest(args.begin() + static_cast<long>(token.index), args.end());
      const auto next = find_command_token(rest);
      if (next.index) {
        topic = commands::find_command(next.name);
        if (!topic) {
          return usage_error(fmt::format("no help for '{}': not a command",
                                         util::escape_controls(next.name, util::Newlines::escape)),
                             "'nkfacts --help' lists the commands", plain_err);
        }
      }
    }
    return finish(topic ? command_help(*topic) : commands::top_level_help(), "",
                  exit_status::answered);
  }

  std::vector<std::string> fact_paths;
  bool no_default = false;
  bool quiet = false;
  bool verbose = false;
  bool show_version = false;
  std::string color_mode;
  std::string width_text;
  std::string format_name;
  std::string fields_text;
  CLI::Option* color_option = nullptr;
  CLI::Option* width_option = nullptr;
  CLI::Option* fields_option = nullptr;
  commands::RecordsOptions routes_options;
  commands::RecordsOptions dangers_options;
  commands::StatsOptions stats_options;
  commands::CiteOptions cite_options;
  commands::QuizOptions quiz_options;
  commands::RandomOptions random_options;
  std::optional<std::uint64_t> seed;
  commands::ShowOptions show_options;
  commands::ListOptions list_options;
  commands::TimelineOptions timeline_options;
  commands::HandoutOptions handout_options;
  commands::SearchOptions search_options;
  commands::CompletionOptions completion_options;
  commands::CheckOptions check_options;
  CLI::App* routes = nullptr;
  CLI::App* dangers = nullptr;
  CLI::App* stats = nullptr;
  CLI::App* timeline = nullptr;
  CLI::App* quiz = nullptr;
  CLI::App* random = nullptr;
  CLI::App* handout = nullptr;
  CLI::App* cite = nullptr;
  CLI::App* show = nullptr;
  CLI::App* list = nullptr;
  CLI::App* search = nullptr;
  CLI::App* completion = nullptr;
  CLI::App* check = nullptr;

  // Sets up the parser, from scratch. Setting up a CLI11 option costs about 8,000
  // instructions and some fresh heap, and a run names few options: with `every` false, a
  // top-level option is set up only when the command line could name it (see
  // `could_name`), and only the subcommand named is built. A command line that fails to
  // parse that way is parsed again with every top-level option, so that errors and their
  // suggestions do not depend on this.
  const auto set_up = [&](bool every) -> CLI::App& {
    CLI::App& app = kept_until_exit.app.emplace("nkfacts");
    app.set_help_flag();
    app.fallthrough();
    app.require_subcommand(0, 1);
    fact_paths.clear();
    no_default = quiet = verbose = show_version = false;
    color_mode = "auto";
    width_text.clear();
    format_name = "text";
    fields_text.clear();
    routes_options = {};
    dangers_options = {};
    stats_options = {};
    cite_options = {};
    quiz_options = {};
    random_options = {};
    seed.reset();
    show_options = {};
    list_options = {};
    timeline_options = {};
    handout_options = {};
    search_options = {};
    completion_options = {};
    check_options = {};
    // A top-level option or flag, set up if named (see above); null if not.
    const auto option = [&](std::string_view spec, auto& variable) -> CLI::Option* {
      return every || could_name(args, spec) ? app.add_option(std::string(spec), variable) : nullptr;
    };
    const auto flag = [&](std::string_view spec, bool& variable) {
      if (every || could_name(args, spec)) app.add_flag(std::string(spec), variable);
    };
    if (auto* facts = option("--facts", fact_paths)) facts->allow_extra_args(false);
    flag("--no-default", no_default);
    color_option = option("--color", color_mode);
    if (color_option) color_option->expected(0, 1);
    width_option = option("--width", width_text);
    flag("-q,--quiet", quiet);
    flag("-v,--verbose", verbose);
    flag("--version", show_version);
    option("-o,--format", format_name);
    fields_option = option("--fields", fields_text);

    const auto subcommand = [&](std::string_view name) -> CLI::App* {
      return command && command->name == name ? app.add_subcommand(std::string(name)) : nullptr;
    };
    routes = subcommand("routes");
    if (routes) {
      routes->add_option("id", routes_options.ids);
    }
    dangers = subcommand("dangers");
    if (dangers) {
      dangers->add_option("id", dangers_options.ids);
    }
    stats = subcommand("stats");
    if (stats) {
      auto* year = stats->add_option("--year", stats_options.year);
      stats->add_option("--from", stats_options.from)->excludes(year);
      stats->add_option("--to", stats_options.to)->excludes(year);
      stats->add_flag("--chart", stats_options.chart);
      stats->add_flag("--ascii", stats_options.ascii);
    }
    timeline = subcommand("timeline");
    if (timeline) {
      timeline->add_option("--from", timeline_options.from);
      timeline->add_option("--to", timeline_options.to);
      timeline->add_flag("--ascii", timeline_options.ascii);
    }
    quiz = subcommand("quiz");
    if (quiz) {
      quiz->add_option("--count", quiz_options.count);
      quiz->add_option("--seed", seed);
      quiz->add_option("--topic", quiz_options.topic);
      quiz->add_flag("--print", quiz_options.print);
    }
    random = subcommand("random");
    if (random) {
      random->add_option("--kind", random_options.kind);
      random->add_option("--seed", seed);
    }
    handout = subcommand("handout");
    if (handout) {
      handout->add_option("--topic", handout_options.topic);
      handout->add_option("--style", handout_options.style);
    }
    cite = subcommand("cite");
    if (cite) {
      cite->add_option("id", cite_options.ids);
      cite->add_option("--style", cite_options.style);
    }
    show = subcommand("show");
    if (show) {
      show->add_option("id", show_options.ids);
    }
    list = subcommand("list");
    if (list) {
      list->add_option("kind", list_options.kind);
    }
    search = subcommand("search");
    if (search) {
      search->add_option("words", search_options.words);
      search->add_option("--kind", search_options.kind);
      search->add_flag("--explain", search_options.explain);
    }
    completion = subcommand("completion");
    if (completion) {
      completion->add_option("shell", completion_options.shell);
    }
    check = subcommand("check");
    if (check) {
      check->add_option("path", check_options.paths);
    }
    return app;
  };
  const auto parsed = [](const CLI::App* sub) { return sub != nullptr && sub->parsed(); };

  for (bool every = false;; every = true) {
    CLI::App& app = set_up(every);
    try {
      std::vector<std::string> words(args.rbegin(), args.rend() - 1);
      app.parse(words);
      break;
    } catch (const CLI::ParseError& error) {
      if (!every) continue;
      const std::string help = command ? fmt::format("nkfacts {} --help", command->name)
                                       : std::string("nkfacts --help");
      const std::string usage = command ? usage_line(*command)
                                        : std::string("nkfacts [OPTIONS] [COMMAND] [ARGS...]");
      if (dynamic_cast<const CLI::ExtrasError*>(&error)) {
        // Name the first unknown option or argument, in command-line order.
        const CLI::App* sub = command ? app.get_subcommand(std::string(command->name)) : nullptr;
        const auto known = option_names(app, sub);
        for (std::size_t i = 1; i < args.size(); ++i) {
          const auto arg = args[i];
          if (arg == "--") break;
          if (arg.size() < 2 || arg[0] != '-') continue;
          const auto name = arg.substr(0, arg.find('='));
          if (std::find(known.begin(), known.end(), name) != known.end()) continue;
          const auto close = util::closest_matches(name, known, 1);
          return usage_error(
              fmt::format("unknown option '{}'", util::escape_controls(name, util::Newlines::escape)),
              close.empty() ? fmt::format("see '{}'", help)
                            : fmt::format("did you mean '{}'? see '{}'", close.front(), help),
              plain_err, usage);
        }
      }
      std::string message = error.what();
      if (!message.empty()) message[0] = static_cast<char>(std::tolower(message[0]));
      return usage_error(util::escape_controls(message, util::Newlines::escape),
                         fmt::format("see '{}'", help), plain_err, usage);
    }
  }
  if (color_option && color_option->count() > 0 && color_mode.empty()) color_mode = "always";
  if (color_mode != "auto" && color_mode != "always" && color_mode != "never") {
    return usage_error(fmt::format("unknown color mode '{}'",
                                   util::escape_controls(color_mode, util::Newlines::escape)),
                       "--color takes auto, always or never", plain_err);
  }
  std::optional<long> width;
  if (width_option && width_option->count() > 0) {
    char* end = nullptr;
    errno = 0;
    const long value = std::strtol(width_text.c_str(), &end, 10);
    if (width_text.empty() || *end != '\0' || value < 0 || errno == ERANGE || value > 100000) {
      return usage_error(fmt::format("invalid width '{}'",
                                     util::escape_controls(width_text, util::Newlines::escape)),
                         "--width takes a number of columns, or 0 for no wrapping", plain_err);
    }
    width = value;
  }
  const auto format = render::parse_format(format_name);
  if (!format) {
    return usage_error(fmt::format("unknown format '{}'",
                                   util::escape_controls(format_name, util::Newlines::escape)),
                       fmt::format("valid formats: {}", render::k_format_names), plain_err);
  }
  std::vector<std::string> fields;
  for (std::size_t start = 0; start <= fields_text.size();) {
    auto end = fields_text.find(',', start);
    if (end == std::string::npos) end = fields_text.size();
    std::string field = fields_text.substr(start, end - start);
    field.erase(0, field.find_first_not_of(' '));
    field.erase(field.find_last_not_of(' ') + 1);
    if (!field.empty()) fields.push_back(field);
    start = end + 1;
  }
  if (fields_option && fields_option->count() > 0 && fields.empty()) {
    return usage_error("--fields needs at least one field name", "e.g. --fields id,value,as_of",
                       plain_err);
  }
  if (!fields.empty() && *format == render::Format::text) {
    return usage_error("--fields applies to the machine formats",
                       "add --format json, jsonl, tsv, csv or markdown", plain_err);
  }
  if (*format != render::Format::text && parsed(check)) {
    return usage_error("check prints its report as text only",
                       "use 'nkfacts check' without --format", plain_err);
  }
  // Colour and wrapping are for text only (CLI.md section 6).
  const bool text_out = *format == render::Format::text;
  const render::Terminal out_terminal{text_out ? decide_width(width) : 0,
                                      text_out && decide_color(color_mode, STDOUT_FILENO)};
  const render::Terminal err_terminal{0, decide_color(color_mode, STDERR_FILENO)};

  load::SourceOptions sources;
  if (!no_default) sources.embedded = load::embedded_fact_base();
  if (const char* path = std::getenv("NKFACTS_PATH")) sources.env_paths = load::split_search_path(path);
  sources.cli_paths = fact_paths;
  if (no_default && sources.env_paths.empty() && sources.cli_paths.empty()) {
    return usage_error("--no-default leaves no facts to load",
                       "add --facts PATH or set NKFACTS_PATH", err_terminal);
  }
  if (parsed(completion)) {
    // Needs no facts: it only prints a script.
    model::FactBase none;
    commands::Context context{none, out_terminal, err_terminal};
    return finish(context.out, context.err, commands::run_completion(completion_options, context));
  }
  if (parsed(check)) {
    // check reports problems instead of refusing to start over them.
    model::FactBase none;
    commands::Context context{none, out_terminal, err_terminal};
    const int status = commands::run_check(check_options, std::move(sources), today(), context);
    return finish(context.out, context.err, status);
  }
  const std::size_t embedded_files = sources.embedded ? sources.embedded->files.size() : 1;
  load::LoadResult& loaded = kept_until_exit.loaded.emplace(load::load_sources(std::move(sources)));
  std::string err = render::format_diagnostics(loaded.diagnostics, err_terminal, verbose, !quiet);
  if (loaded.has_errors()) {
    err += "nkfacts: the facts above are invalid; nothing was answered\n";
    return finish("", err, exit_status::data_error);
  }
  if (show_version) {
    std::string details;
    if (verbose) {
      details += fmt::format("fmt {}.{}.{}\n", FMT_VERSION / 10000, FMT_VERSION / 100 % 100, FMT_VERSION % 100);
      details += fmt::format("toml++ {}\n", load::toml_library_version());
      details += fmt::format("CLI11 {}\n", CLI11_VERSION);
      details += fmt::format("utf8proc {}\n", util::utf8proc_library_version());
      for (std::size_t i = 1; i < loaded.facts.files.size(); ++i) {
        details += fmt::format("facts from {}{}\n",
                               util::escape_controls(loaded.facts.files[i], util::Newlines::escape),
                               i < embedded_files ? " (embedded)" : "");
      }
    }
    return finish(commands::version_text(commands::facts_line(loaded.facts), details), err, 0);
  }

  commands::Context context{loaded.facts, out_terminal, err_terminal, *format, fields};
  int status = exit_status::answered;
  if (parsed(routes)) {
    status = commands::run_routes(routes_options, context);
  } else if (parsed(dangers)) {
    status = commands::run_dangers(dangers_options, context);
  } else if (parsed(stats)) {
    status = commands::run_stats(stats_options, context);
  } else if (parsed(quiz)) {
    quiz_options.seed = seed ? *seed : fresh_seed();
    const commands::Conversation conversation{
        [](std::string_view text) { write_all(STDOUT_FILENO, text); },
        []() -> std::optional<std::string> {
          std::string line;
          if (!read_line(STDIN_FILENO, line)) return std::nullopt;
          // Answers from a file or a pipe are not echoed by a terminal: show them, so the
          // transcript reads like the conversation.
          if (isatty(STDIN_FILENO) != 1) write_all(STDOUT_FILENO, line + "\n");
          return line;
        }};
    status = commands::run_quiz(quiz_options, context, conversation);
  } else if (parsed(random)) {
    random_options.seed = seed ? *seed : fresh_seed();
    status = commands::run_random(random_options, context);
  } else if (parsed(handout)) {
    status = commands::run_handout(handout_options, context);
  } else if (parsed(timeline)) {
    status = commands::run_timeline(timeline_options, context);
  } else if (parsed(cite)) {
    status = commands::run_cite(cite_options, context);
  } else if (parsed(show)) {
    status = commands::run_show(show_options, context);
  } else if (parsed(list)) {
    status = commands::run_list(list_options, context);
  } else if (parsed(search)) {
    status = commands::run_search(search_options, context);
  } else {
    status = commands::run_overview(context);
  }
  return finish(context.out, err + context.err, status);
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& error) {
    const std::string message = fmt::format("nkfacts: internal error: {}\n", error.what());
    write_all(STDERR_FILENO, message);
  } catch (...) {
    write_all(STDERR_FILENO, "nkfacts: internal error\n");
  }
  return exit_status::data_error;
}

#include "cli/run.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <iterator>

#include "cli/help.hpp"
#include "commands/exit_status.hpp"
#include "commands/help.hpp"
#include "load/embedded.hpp"
#include "load/sources.hpp"
#include "load/toml_loader.hpp"
#include "render/diagnostics.hpp"
#include "render/html.hpp"
#include "util/i18n.hpp"
#include "util/utf8.hpp"

namespace nkfacts::cli {
namespace {

// The loaded facts live until the process ends and are never destroyed: freeing their
// thousands of small allocations one by one would cost about a quarter of a whole run,
// and the kernel takes the memory back at once. (Reachable from a global, so
// LeakSanitizer does not count them as leaks.)
std::optional<load::LoadResult>& kept_until_exit = *new std::optional<load::LoadResult>;

Outcome usage_failure(const UsageError& error, const render::Terminal& terminal) {
  return {"", format_usage_error(error, terminal), exit_status::usage_error};
}

Outcome help(const Invocation& invocation, const render::Terminal& err) {
  const Command* topic = invocation.command;
  if (topic && topic->name == "help") {
    topic = nullptr;
    if (!invocation.operands.empty()) {
      topic = find_command(invocation.operands.front());
      if (!topic) {
        return usage_failure(
            {fmt::format(
                 fmt::runtime(util::tr("no help for '{}': not a command")),
                 util::escape_controls(invocation.operands.front(), util::Newlines::escape)),
             std::string(util::tr("'nkfacts --help' lists the commands")), nullptr},
            err);
      }
      // Help is for one command: a second word is a mistake, as it is after any command
      // that takes one operand (`nkfacts help routes stats`).
      if (invocation.operands.size() > 1) {
        return usage_failure({fmt::format(fmt::runtime(util::tr("unexpected argument '{}'")),
                                          util::excerpt(invocation.operands[1])),
                              fmt::format(fmt::runtime(util::tr("see 'nkfacts {} --help'")),
                                          invocation.command->name),
                              invocation.command},
                             err);
      }
    }
  }
  return {topic ? command_help(*topic) : top_level_help(), "", exit_status::answered};
}

// --version describes the program and the embedded facts; it loads nothing, so a broken
// file on NKFACTS_PATH cannot stop it.
Outcome version(bool verbose) {
  const auto embedded = load::embedded_fact_base();
  std::string details;
  if (verbose) {
    details += fmt::format("fmt {}.{}.{}\n", FMT_VERSION / 10000, FMT_VERSION / 100 % 100,
                           FMT_VERSION % 100);
    details += fmt::format("toml++ {}\n", load::toml_library_version());
    details += fmt::format("utf8proc {}\n", util::utf8proc_library_version());
    for (std::size_t i = 1; i < embedded.files.size(); ++i) {
      details += fmt::format("facts from {} (embedded)\n",
                             util::escape_controls(embedded.files[i], util::Newlines::escape));
    }
  }
  return {commands::version_text(commands::facts_line(embedded), details), "",
          exit_status::answered};
}

// The commands that write an HTML page (-o html); the others refuse it. quiz writes one
// with --print.
bool writes_html(const Command* command) {
  return command && !command->html.empty();
}

// "handout, stats, ... and quiz --print": the commands that write -o html, from the table.
std::string html_commands() {
  std::vector<std::string_view> names;
  for (const auto& command : command_table()) {
    if (!command.html.empty()) names.push_back(command.html);
  }
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? std::string(util::tr(" and ")) : std::string(", ");
    out += names[i];
  }
  return out;
}

// --fields "a, b,c" as names; empty names are dropped.
std::vector<std::string> field_list(std::string_view text) {
  std::vector<std::string> fields;
  for (auto& field : split_names(text)) fields.push_back(std::move(field));
  return fields;
}

// The rules between the output options and the command (docs/cli.md): the first one the
// command line breaks, if any.
std::optional<UsageError> output_problem(const Invocation& invocation, render::Format format,
                                         const std::vector<std::string>& fields) {
  const Command* command = invocation.command;
  const auto problem = [&](std::string_view message, std::string_view hint) {
    return std::optional<UsageError>(UsageError{std::string(message), std::string(hint), command});
  };
  if (invocation.has("--fields") && fields.empty())
    return problem(util::tr("--fields needs at least one field name"),
                   util::tr("e.g. --fields id,value,as_of"));
  const bool text = format == render::Format::text;
  if (!fields.empty() && text) {
    return problem(util::tr("--fields applies to the machine formats"),
                   util::tr("add --format json, jsonl, tsv, csv or markdown"));
  }
  const bool html = format == render::Format::html;
  if (html && !writes_html(command)) {
    return UsageError{fmt::format(fmt::runtime(util::tr("-o html is for {}")), html_commands()),
                      std::string(util::tr("drop -o html, or give one of those commands")),
                      command};
  }
  if (html && !fields.empty())
    return problem(util::tr("--fields applies to the data formats, not to html"),
                   util::tr("drop --fields"));
  if (invocation.has("--paper") && !html) {
    return problem(util::tr("--paper applies to -o html"),
                   util::tr("add -o html, e.g. 'nkfacts -o html handout --paper letter'"));
  }
  if (!text && command && command->name == "check") {
    return problem(util::tr("check prints its report as text only"),
                   util::tr("use 'nkfacts check' without --format"));
  }
  return std::nullopt;
}

// Where the facts come from: the embedded ones (unless --no-default), each NKFACTS_PATH
// entry, each --facts path. A problem when that leaves nothing to load for a command that
// needs facts.
std::optional<UsageError> gather_sources(const Invocation& invocation,
                                         load::SourceOptions& sources) {
  const Command* command = invocation.command;
  const bool no_default = invocation.has("--no-default");
  if (!no_default) sources.embedded = load::embedded_fact_base();
  if (const char* path = std::getenv("NKFACTS_PATH"))
    sources.env_paths = load::split_search_path(path);
  sources.cli_paths = invocation.all("--facts");
  const bool names_paths = command && command->name == "check" && !invocation.operands.empty();
  if (no_default && sources.env_paths.empty() && sources.cli_paths.empty() && !names_paths &&
      (!command || command->loads_facts || command->name == "check")) {
    return UsageError{std::string(util::tr("--no-default leaves no facts to load")),
                      std::string(util::tr("add --facts PATH or set NKFACTS_PATH")), nullptr};
  }
  return std::nullopt;
}

// The command run over the loaded facts (the overview without a command); stderr holds
// the loader's messages first.
Outcome answer(const Invocation& invocation, commands::Context& context, const Session& session,
               std::string messages) {
  context.paper =
      render::html::parse_paper(invocation.text("--paper", "a4")).value_or(render::html::Paper::a4);
  // The embedded facts' files come first; every file after them is the user's own.
  context.first_own_file =
      invocation.has("--no-default")
          ? 1
          : static_cast<std::uint32_t>(load::embedded_fact_base().files.size());
  int status = 0;
  if (invocation.command) {
    status = invocation.command->run(invocation, context, session);
  } else {
    std::vector<render::CommandSummary> summaries;
    for (const auto& each : command_table()) {
      if (each.name != "help") summaries.push_back({each.name, each.summary});
    }
    status = commands::run_overview(context, summaries);
  }
  commands::complete_answer(context, status);
  return {std::move(context.out), messages + context.err, status};
}

}  // namespace

std::string format_usage_error(const UsageError& error, const render::Terminal& terminal) {
  return render::format_error(error.message, error.hint, terminal, usage_line(error.command));
}

Outcome run(const std::vector<std::string_view>& args, const Environment& environment,
            Session session) {
  // The language first, so that even a usage error is in it.
  util::set_language(decide_language(lang_flag(args), environment));
  Parsed parsed = parse(args);
  const Invocation& invocation = parsed.invocation;
  // Colour is decided before anything can be reported, from --color if it parsed.
  std::optional<std::string_view> color_word;
  if (invocation.has("--color")) color_word = invocation.text("--color");
  const ColorMode color = parse_color_mode(color_word);
  // Messages wrap to the terminal's width on a terminal only: in a pipe each stays one line,
  // for the tools that grep them.
  const render::Terminal err{environment.stderr_is_terminal ? decide_width({}, environment) : 0,
                             decide_color(color, Stream::err, environment)};
  if (parsed.error) return usage_failure(*parsed.error, err);
  if (invocation.help) return help(invocation, err);
  if (invocation.has("--version")) return version(invocation.has("--verbose"));

  const auto format = render::parse_format(invocation.text("--format", "text"));
  const Command* command = invocation.command;
  const auto fields = field_list(invocation.text("--fields"));
  if (auto problem = output_problem(invocation, *format, fields))
    return usage_failure(*problem, err);
  // Colour and wrapping are for text output only.
  const bool text = *format == render::Format::text;
  const render::Terminal out{text ? decide_width(invocation.integer("--width"), environment) : 0,
                             text && decide_color(color, Stream::out, environment)};

  load::SourceOptions sources;
  if (auto problem = gather_sources(invocation, sources)) return usage_failure(*problem, err);
  session.sources = &sources;

  if (command && !command->loads_facts) {
    model::FactBase none;
    commands::Context context{none, out, err};
    const int status = command->run(invocation, context, session);
    commands::complete_answer(context, status);
    return {std::move(context.out), std::move(context.err), status};
  }
  load::LoadResult& loaded = kept_until_exit.emplace(load::load_sources(std::move(sources)));
  std::string messages = render::format_diagnostics(
      loaded.diagnostics, err, invocation.has("--verbose"), !invocation.has("--quiet"));
  if (loaded.has_errors()) {
    messages += render::format_error(util::tr("the facts above are invalid; nothing was answered"),
                                     "", err);
    return {"", std::move(messages), exit_status::data_error};
  }
  commands::Context context{loaded.facts, out, err, *format, fields};
  context.write_early = session.write_out;
  return answer(invocation, context, session, std::move(messages));
}

}  // namespace nkfacts::cli

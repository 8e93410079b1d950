#include "cli/help.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "util/i18n.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"

namespace nkfacts::cli {
namespace {

// Paragraphs (separated by blank lines) wrapped to the help's width.
void paragraphs(std::string& out, std::string_view text, std::string_view indent = {}) {
  std::size_t start = 0;
  bool first = true;
  while (start <= text.size()) {
    auto end = text.find("\n\n", start);
    if (end == std::string_view::npos) end = text.size();
    if (!first) out += '\n';
    first = false;
    util::wrap_into(out, text.substr(start, end - start), k_help_width, indent, indent);
    start = end + 2;
  }
}

std::string option_label(const Option& option, bool any_short) {
  std::string label;
  if (option.short_name) {
    label = fmt::format("-{}, ", option.short_name);
  } else if (any_short) {
    label = "    ";
  }
  label += option.name;
  if (!option.value_name.empty()) {
    label += option.value == Value::optional ? fmt::format("[={}]", option.value_name)
                                             : fmt::format(" {}", option.value_name);
  }
  return label;
}

// "  LABEL   text" rows, the text wrapped under itself.
void rows(std::string& out, const std::vector<std::pair<std::string, std::string_view>>& items) {
  std::size_t column = 0;
  for (const auto& item : items) column = std::max(column, util::display_width(item.first));
  const std::string indent(2 + column + 2, ' ');
  for (const auto& item : items) {
    util::wrap_into(
        out, item.second, k_help_width,
        "  " + item.first + std::string(column + 2 - util::display_width(item.first), ' '), indent);
  }
}

void examples(std::string& out, std::string_view lines) {
  out += fmt::format("\n{}\n", util::tr("Examples:"));
  std::size_t start = 0;
  while (start < lines.size()) {
    auto end = lines.find('\n', start);
    if (end == std::string_view::npos) end = lines.size();
    out += "  ";
    out += lines.substr(start, end - start);
    out += '\n';
    start = end + 1;
  }
}

}  // namespace

std::string options_help(std::span<const Option> options) {
  const bool any_short = std::any_of(options.begin(), options.end(),
                                     [](const Option& option) { return option.short_name != 0; });
  std::vector<std::pair<std::string, std::string_view>> items;
  for (const auto& option : options) {
    items.emplace_back(option_label(option, any_short), util::tr(option.help));
  }
  std::string out;
  rows(out, items);
  return out;
}

std::string command_help(const Command& command) {
  std::string out = fmt::format("{} {}\n\n", util::tr("Usage:"), usage_line(&command));
  if (util::language() == util::Language::ko) {
    // The summary leads in Korean (the English pages begin with the paragraphs).
    util::wrap_into(out, util::tr(command.summary), k_help_width, "", "");
    out += '\n';
  }
  paragraphs(out, util::tr(command.about));
  if (!command.options.empty()) {
    out += fmt::format("\n{}\n", util::tr("Options:"));
    out += options_help(command.options);
  }
  if (!command.operands.name.empty() && !command.operands.help.empty()) {
    out += fmt::format("\n{}\n", util::tr("Arguments:"));
    rows(out, {{std::string(command.operands.name), util::tr(command.operands.help)}});
  }
  if (!command.more.empty()) {
    out += '\n';
    paragraphs(out, util::tr(command.more));
  }
  if (!command.examples.empty()) examples(out, command.examples);
  out += fmt::format("\n{}\n", util::tr("Global options: see 'nkfacts --help'."));
  return out;
}

std::string top_level_help() {
  std::string out = fmt::format(
      "{}\n\n{} nkfacts [OPTIONS] [COMMAND] [ARGS...]\n\n{}\n\n{}\n",
      util::tr("nkfacts: an offline, cited fact reference about North Korean defectors."),
      util::tr("Usage:"),
      util::tr("Without a command, nkfacts prints an overview with the headline figures."),
      util::tr("Commands:"));
  std::vector<std::pair<std::string, std::string_view>> items;
  for (const auto& command : command_table()) {
    items.emplace_back(command.name, util::tr(command.summary));
  }
  rows(out, items);
  out += fmt::format("\n{}\n", util::tr("Global options (before or after the command):"));
  out += options_help(global_options());
  examples(out,
           "nkfacts stats --from 2019\nnkfacts routes china-southeast-asia\n"
           "nkfacts show arrivals-total-2025\nnkfacts --facts class-facts/ list");
  out += '\n';
  out += util::tr(
      "Exit status: 0 answered, 1 nothing found (unknown id, empty selection),\n"
      "2 usage error, invalid fact data or a failed write.\n"
      "\n"
      "More: 'nkfacts help COMMAND', 'man nkfacts'. Found a wrong fact? See the\n"
      "\"Reporting errors\" part of facts/README.md.\n");
  return out;
}

}  // namespace nkfacts::cli

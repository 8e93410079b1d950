#include "cli/parse.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include "util/text.hpp"
#include "util/utf8.hpp"

namespace nkfacts::cli {
namespace {

// A word of the command line as a message quotes it: control characters escaped, and cut
// at a character's boundary when long (a pasted paragraph is not echoed whole).
std::string shown(std::string_view text) {
  constexpr std::size_t longest = 60;
  if (text.size() <= longest) return util::escape_controls(text, util::Newlines::escape);
  std::size_t cut = longest;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return util::escape_controls(text.substr(0, cut), util::Newlines::escape) + "\u2026";
}

// What users of other programs type, and what nkfacts calls it.
struct Spelling {
  std::string_view typed;
  std::string_view meant;
};
constexpr Spelling k_other_spellings[] = {
    {"-V", "--version"}, {"-help", "--help"}, {"-version", "--version"},
    {"--colour", "--color"}, {"--output", "--format"}, {"-f", "--format"},
};

std::string_view other_spelling(std::string_view typed) {
  for (const auto& spelling : k_other_spellings) {
    if (spelling.typed == typed) return spelling.meant;
  }
  return {};
}

bool in(const std::vector<std::string>& words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// "a, b or c"
std::string alternatives(const std::vector<std::string>& words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += i + 1 == words.size() ? " or " : ", ";
    out += words[i];
  }
  return out;
}

bool looks_like_number(std::string_view word) {
  if (!word.empty() && word[0] == '-') word.remove_prefix(1);
  return !word.empty() && std::all_of(word.begin(), word.end(),
                                      [](char c) { return c >= '0' && c <= '9'; });
}

class Parser {
 public:
  explicit Parser(const std::vector<std::string_view>& args) : args_(args) {}

  Parsed run() {
    // An unknown command is reported even with --help: there is no help to show for it.
    find_command();
    if (error_) return {std::move(result_), std::move(error_)};
    for (std::size_t i = 0; i < args_.size(); ++i) {
      const auto arg = args_[i];
      if (arg == "--") {
        for (++i; i < args_.size(); ++i) operand(i);
        break;
      }
      if (util::starts_with(arg, "--") ) {
        long_option(i);
      } else if (arg.size() > 1 && arg[0] == '-') {
        short_options(i);
      } else {
        operand(i);
      }
    }
    // Help ignores every other word, and any problem with them.
    if (help_requested() || (result_.command && result_.command->name == "help")) {
      result_.help = true;
      error_.reset();
      return {std::move(result_), std::nullopt};
    }
    if (!error_) check_exclusions();
    return {std::move(result_), std::move(error_)};
  }

 private:
  bool help_requested() const {
    for (const auto arg : args_) {
      if (arg == "--") return false;
      if (arg == "-h" || arg == "--help") return true;
    }
    return false;
  }

  // Finds the command's word first, so that options given before it are known too.
  void find_command() {
    for (std::size_t i = 0; i < args_.size(); ++i) {
      const auto arg = args_[i];
      if (arg == "--") return;
      if (arg.size() > 1 && arg[0] == '-') {
        if (takes_next(arg, i)) ++i;
        continue;
      }
      command_index_ = i;
      result_.command = find_command(arg);
      if (!result_.command) unknown_command(arg);
      return;
    }
  }

  // Whether an option word takes the following word as its value (any command's option:
  // the command is not known yet).
  bool takes_next(std::string_view arg, std::size_t i) const {
    if (arg.find('=') != std::string_view::npos) return false;
    const auto option_takes = [&](const Option& option) {
      if (option.value == Value::none) return false;
      if (option.value == Value::optional) return i + 1 < args_.size() && choice_ok(option, args_[i + 1]);
      return true;
    };
    const auto check = [&](const std::vector<Option>& options) {
      for (const auto& option : options) {
        if (arg == option.name) return option_takes(option);
        if (option.short_name && arg.size() == 2 && arg[1] == option.short_name) return option_takes(option);
      }
      return false;
    };
    if (check(global_options())) return true;
    for (const auto& command : command_table()) {
      if (check(command.options)) return true;
    }
    return false;
  }

  static const Command* find_command(std::string_view name) { return cli::find_command(name); }

  void unknown_command(std::string_view word) {
    // "--colr never": the unknown option before the word, not the word, went wrong.
    if (command_index_ > 0) {
      const auto previous = args_[command_index_ - 1];
      if (util::starts_with(previous, "--") && !find_option(previous.substr(0, previous.find('=')))) {
        unknown_option(previous.substr(0, previous.find('=')));
        return;
      }
    }
    std::vector<std::string> names;
    for (const auto& command : command_table()) names.emplace_back(command.name);
    std::string hint = "'nkfacts --help' lists the commands";
    const Option* before = command_index_ > 0 ? find_option(args_[command_index_ - 1]) : nullptr;
    if (before && before->value == Value::optional && before->choices) {
      // "--color sometimes": a bare --color, then a word that is neither mode nor command.
      hint = fmt::format("{} takes {} (as {}=WHEN); {}", before->name,
                         alternatives(before->choices()), before->name, hint);
    } else if (word == "version") {
      hint = "did you mean 'nkfacts --version'?";
    } else if (const auto close = util::closest_matches(util::fold_case(word), names, 1); !close.empty()) {
      hint = fmt::format("did you mean '{}'?", close.front());
    }
    fail(fmt::format("unknown command '{}'", shown(word)), hint);
  }

  const Option* find_option(std::string_view name) const {
    const auto match = [&](const Option& option) {
      if (option.name == name) return true;
      return option.short_name && name.size() == 2 && name[0] == '-' && name[1] == option.short_name;
    };
    for (const auto& option : global_options()) {
      if (match(option)) return &option;
    }
    if (result_.command) {
      for (const auto& option : result_.command->options) {
        if (match(option)) return &option;
      }
    }
    return nullptr;
  }

  std::string see() const {
    return result_.command ? fmt::format("see 'nkfacts {} --help'", result_.command->name)
                           : std::string("see 'nkfacts --help'");
  }

  void unknown_option(std::string_view name) {
    std::string hint = see();
    if (const auto meant = other_spelling(name); !meant.empty() && find_option(meant)) {
      hint = fmt::format("did you mean '{}'? {}", meant, hint);
    } else if (util::starts_with(name, "--")) {
      // Long names only: one letter off a short option says nothing about what was meant.
      std::vector<std::string> names = {"--help"};
      const auto add = [&](const std::vector<Option>& options) {
        for (const auto& option : options) names.emplace_back(option.name);
      };
      add(global_options());
      if (result_.command) add(result_.command->options);
      const auto close = util::closest_matches(util::fold_case(name), names, 1);
      if (!close.empty()) hint = fmt::format("did you mean '{}'? {}", close.front(), hint);
    }
    fail(fmt::format("unknown option '{}'", shown(name)), hint);
  }

  void fail(std::string message, std::string hint) {
    if (error_) return;  // the first problem is the one reported
    error_ = UsageError{std::move(message), std::move(hint), result_.command};
  }

  static bool choice_ok(const Option& option, std::string_view value) {
    return option.choices && in(option.choices(), value);
  }

  void long_option(std::size_t& i) {
    const auto arg = args_[i];
    const auto equals = arg.find('=');
    const auto name = arg.substr(0, equals);
    const Option* option = find_option(name);
    if (!option) return unknown_option(name);
    if (equals != std::string_view::npos) return set(*option, arg.substr(equals + 1));
    take(*option, i);
  }

  // "-q", "-qv", "-ojson", "-o json".
  void short_options(std::size_t& i) {
    const auto arg = args_[i];
    for (std::size_t k = 1; k < arg.size(); ++k) {
      const std::string name{'-', arg[k]};
      const Option* option = find_option(name);
      if (!option) return unknown_option(k == 1 ? arg.substr(0, 2) : std::string_view(name));
      if (option->value == Value::none) {
        set(*option, {});
        continue;
      }
      if (k + 1 < arg.size()) return set(*option, arg.substr(k + 1));
      return take(*option, i);
    }
  }

  // The option's value from the next word, if it takes one.
  void take(const Option& option, std::size_t& i) {
    if (option.value == Value::none) return set(option, {});
    if (option.value == Value::optional) {
      if (i + 1 < args_.size() && choice_ok(option, args_[i + 1])) return set(option, args_[++i]);
      return set(option, {});
    }
    const bool next_is_value =
        i + 1 < args_.size() &&
        (args_[i + 1].size() < 2 || args_[i + 1][0] != '-' || looks_like_number(args_[i + 1]));
    if (!next_is_value) {
      return fail(fmt::format("{} needs a value", option.name), value_hint(option));
    }
    set(option, args_[++i]);
  }

  std::string value_hint(const Option& option) const {
    if (!option.example.empty()) return fmt::format("e.g. {}", option.example);
    if (option.choices) return fmt::format("{} takes {}", option.name, alternatives(option.choices()));
    return see();
  }

  void set(const Option& option, std::string_view value) {
    switch (option.value) {
      case Value::none:
        if (!value.empty()) {
          return fail(fmt::format("{} takes no value", option.name), see());
        }
        break;
      case Value::optional:
        if (value.empty()) value = option.choices ? "always" : "";
        [[fallthrough]];
      case Value::choice:
        if (!choice_ok(option, value)) {
          return fail(fmt::format("unknown {} '{}'", option.brief, shown(value)),
                      fmt::format("{} takes {}", option.name, alternatives(option.choices())));
        }
        break;
      case Value::integer:
        if (!parse_integer(value, option.min, option.max)) {
          return fail(fmt::format("invalid value '{}' for {}", shown(value), option.name),
                      !option.takes.empty() ? fmt::format("{} takes {}", option.name, option.takes)
                      : option.example.empty()
                          ? fmt::format("{} takes a whole number from {} to {}", option.name,
                                        option.min, option.max)
                          : fmt::format("{} takes a whole number from {} to {}, e.g. {}",
                                        option.name, option.min, option.max, option.example));
        }
        break;
      case Value::text:
        break;
    }
    result_.values.emplace_back(option.name, std::string(value));
  }

  void operand(std::size_t i) {
    if (i == command_index_ && result_.command) return;
    const auto word = args_[i];
    if (!result_.command) {
      // Only after "--": the command's word comes first otherwise.
      return fail(fmt::format("unexpected argument '{}'", shown(word)),
                  "'nkfacts --help' lists the commands");
    }
    const auto& operands = result_.command->operands;
    if (operands.name.empty() || (!operands.many && !result_.operands.empty())) {
      if (result_.command->name == "help") {
        result_.operands.emplace_back(word);
        return;
      }
      return fail(fmt::format("unexpected argument '{}'", shown(word)), see());
    }
    result_.operands.emplace_back(word);
  }

  void check_exclusions() {
    if (!result_.command) return;
    for (const auto& option : result_.command->options) {
      if (option.excludes.empty() || !result_.has(option.name)) continue;
      for (const auto& other : split_names(option.excludes)) {
        if (result_.has(other)) {
          return fail(fmt::format("{} cannot be combined with {}", option.name, other), see());
        }
      }
    }
  }

  const std::vector<std::string_view>& args_;
  std::size_t command_index_ = std::numeric_limits<std::size_t>::max();
  Invocation result_;
  std::optional<UsageError> error_;
};

}  // namespace

bool Invocation::has(std::string_view name) const {
  return std::any_of(values.begin(), values.end(), [&](const auto& value) { return value.first == name; });
}

std::string_view Invocation::text(std::string_view name, std::string_view fallback) const {
  for (auto it = values.rbegin(); it != values.rend(); ++it) {
    if (it->first == name) return it->second;
  }
  return fallback;
}

std::vector<std::string> Invocation::all(std::string_view name) const {
  std::vector<std::string> out;
  for (const auto& value : values) {
    if (value.first == name) out.push_back(value.second);
  }
  return out;
}

std::optional<long long> Invocation::integer(std::string_view name) const {
  if (!has(name)) return std::nullopt;
  return parse_integer(text(name), std::numeric_limits<long long>::min(),
                       std::numeric_limits<long long>::max());
}

std::optional<long long> parse_integer(std::string_view text, long long min, long long max) {
  const bool negative = !text.empty() && text[0] == '-';
  if (negative) text.remove_prefix(1);
  if (text.empty() || text.size() > 19) return std::nullopt;
  unsigned long long magnitude = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    magnitude = magnitude * 10 + static_cast<unsigned long long>(c - '0');
  }
  // 19 digits fit in an unsigned 64-bit number; the signed range is checked here.
  constexpr auto largest = static_cast<unsigned long long>(std::numeric_limits<long long>::max());
  if (magnitude > largest + (negative ? 1 : 0)) return std::nullopt;
  const long long value = negative ? (magnitude == largest + 1 ? std::numeric_limits<long long>::min()
                                                               : -static_cast<long long>(magnitude))
                                   : static_cast<long long>(magnitude);
  if (value < min || value > max) return std::nullopt;
  return value;
}

Parsed parse(const std::vector<std::string_view>& args) { return Parser(args).run(); }

}  // namespace nkfacts::cli

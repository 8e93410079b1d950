#include "cli/parse.hpp"

#include <fmt/format.h>

// CLI11 includes <iostream>, and with GCC 12's libstdc++ every file that does holds a
// static std::ios_base::Init, which builds the eight standard streams and their buffers
// at every start, for streams nkfacts never uses (it writes with write(2); CLI11 uses them
// only in App::exit and in warnings for deprecated and retired options, none of which
// nkfacts has). So <iostream>'s declarations are given here, without its static object;
// the locale, which CLI11 does use, is still set up on first use. libstdc++ 13 and later
// set the streams up inside the library and take another path here. (This file is the
// only one that includes CLI11.)
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
#include <algorithm>
#include <limits>

#include "util/i18n.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"

namespace nkfacts::cli {
namespace {

// A word of the command line as a message quotes it (util::excerpt: escaped, and cut
// short when long: a pasted paragraph is not echoed whole).
std::string shown(std::string_view text) {
  return util::excerpt(text);
}

// What users of other programs type, and what nkfacts calls it.
struct Spelling {
  std::string_view typed;
  std::string_view meant;
};
constexpr Spelling k_other_spellings[] = {
    {"-V", "--version"},     {"-help", "--help"},      {"-version", "--version"},
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
    if (i > 0) out += i + 1 == words.size() ? util::tr(" or ") : std::string_view(", ");
    out += words[i];
  }
  return out;
}

bool looks_like_number(std::string_view word) {
  if (!word.empty() && word[0] == '-') word.remove_prefix(1);
  return !word.empty() &&
         std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool help_requested(const std::vector<std::string_view>& args) {
  for (const auto arg : args) {
    if (arg == "--") return false;
    if (arg == "-h" || arg == "--help") return true;
  }
  return false;
}

std::string see(const Command* command) {
  return command ? fmt::format(fmt::runtime(util::tr("see 'nkfacts {} --help'")), command->name)
                 : std::string(util::tr("see 'nkfacts --help'"));
}

// The option of the table called `name` ("--format" or "-o"), among the global options and
// those of `command`.
const Option* find_option(std::string_view name, const Command* command) {
  const auto match = [&](const Option& option) {
    if (option.name == name) return true;
    return option.short_name && name.size() == 2 && name[0] == '-' && name[1] == option.short_name;
  };
  for (const auto& option : global_options()) {
    if (match(option)) return &option;
  }
  if (command) {
    for (const auto& option : command->options) {
      if (match(option)) return &option;
    }
  }
  return nullptr;
}

bool choice_ok(const Option& option, std::string_view value) {
  return option.choices && in(option.choices(), value);
}

std::string value_hint(const Option& option, const Command* command) {
  if (!option.example.empty())
    return fmt::format(fmt::runtime(util::tr("e.g. {}")), option.example);
  if (option.choices)
    return fmt::format(fmt::runtime(util::tr("{} takes {}")), option.name,
                       alternatives(option.choices()));
  return see(command);
}

// Whether `value` was written onto its option ("--facts=-x", "-o-x") rather than as the
// next word: only then may it start with '-' without being a number.
bool attached(const Option& option, std::string_view value,
              const std::vector<std::string_view>& args) {
  for (const auto arg : args) {
    if (arg == "--") break;
    if (arg.size() == option.name.size() + 1 + value.size() &&
        util::starts_with(arg, option.name) && arg[option.name.size()] == '=' &&
        arg.substr(option.name.size() + 1) == value) {
      return true;
    }
    if (option.short_name && arg.size() > 2 && arg[0] == '-' && arg[1] == option.short_name &&
        arg.substr(2) == value) {
      return true;
    }
  }
  return false;
}

// The table's check of one value, in the project's words; nullopt when it is fine.
std::optional<UsageError> check_value(const Option& option, std::string_view value,
                                      const Command* command,
                                      const std::vector<std::string_view>& args) {
  const auto error = [&](std::string message, std::string hint) {
    return std::optional<UsageError>(UsageError{std::move(message), std::move(hint), command});
  };
  if (option.value == Value::none) {
    if (value == "true") return std::nullopt;
    return error(fmt::format(fmt::runtime(util::tr("{} takes no value")), option.name),
                 see(command));
  }
  // CLI11 takes the next word as the value whatever it is; the table's rule is that a value
  // starting with '-' is one only when it is a number (docs/cli.md, section 1).
  if (value.size() > 1 && value[0] == '-' && !looks_like_number(value) &&
      !attached(option, value, args)) {
    return error(fmt::format(fmt::runtime(util::tr("{} needs a value")), option.name),
                 value_hint(option, command));
  }
  switch (option.value) {
    case Value::optional:
    case Value::choice:
      if (!choice_ok(option, value)) {
        return error(fmt::format(fmt::runtime(util::tr("unknown {} '{}'")), util::tr(option.brief),
                                 shown(value)),
                     fmt::format(fmt::runtime(util::tr("{} takes {}")), option.name,
                                 alternatives(option.choices())));
      }
      break;
    case Value::integer:
      if (!parse_integer(value, option.min, option.max)) {
        return error(
            fmt::format(fmt::runtime(util::tr("invalid value '{}' for {}")), shown(value),
                        option.name),
            !option.takes.empty() ? fmt::format(fmt::runtime(util::tr("{} takes {}")), option.name,
                                                util::tr(option.takes))
            : option.example.empty()
                ? fmt::format(fmt::runtime(util::tr("{} takes a whole number from {} to {}")),
                              option.name, option.min, option.max)
                : fmt::format(
                      fmt::runtime(util::tr("{} takes a whole number from {} to {}, e.g. {}")),
                      option.name, option.min, option.max, option.example));
      }
      break;
    case Value::text:
      // An empty word would reach the loader as the path "" (docs/cli.md, section 1).
      if (value.empty() && option.complete == Complete::files) {
        return error(
            fmt::format(fmt::runtime(util::tr("{} needs a path; '' is empty")), option.name),
            value_hint(option, command));
      }
      break;
    case Value::none:
      break;
  }
  return std::nullopt;
}

// CLI11 cannot tell `--color never` (a value) from `--color routes` (a bare flag, then the
// command) by the word alone, so the table's rule is applied first: an optional value is
// written with '=' when the next word is one of its choices, and a bare one means "always"
// (docs/cli.md, section 1).
std::vector<std::string> normalise(const std::vector<std::string_view>& args) {
  std::vector<std::string> out;
  out.reserve(args.size());
  bool options_ended = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const auto arg = args[i];
    if (arg == "--") options_ended = true;
    const Option* option = nullptr;
    if (!options_ended && util::starts_with(arg, "--")) {
      for (const auto& global : global_options()) {
        if (global.value == Value::optional && global.name == arg.substr(0, arg.find('='))) {
          option = &global;
        }
      }
    }
    if (!option) {
      out.emplace_back(arg);
    } else if (arg.size() > option->name.size() + 1) {
      out.emplace_back(arg);  // --color=never
    } else if (arg.size() == option->name.size() && i + 1 < args.size() &&
               choice_ok(*option, args[i + 1])) {
      out.push_back(fmt::format("{}={}", option->name, args[++i]));
    } else {
      out.push_back(fmt::format("{}=always", option->name));
    }
  }
  return out;
}

// "-o,--format" for CLI11.
std::string cli11_names(const Option& option) {
  std::string names;
  if (option.short_name) {
    names += '-';
    names += option.short_name;
    names += ',';
  }
  names += option.name;
  return names;
}

// The top level of the parse, without CLI11's --help flag. CLI::App's public constructor
// sets one up only for the parser to remove it (help is the table's: help_requested), and
// setting up any option makes CLI11 trim its names with std::isspace and a std::locale,
// which builds the C++ runtime's global locale: 36,000 instructions and four fresh pages
// for every command line, with or without options (bench/README.md). The constructor
// CLI11 keeps for subcommands sets up no flag, and a subcommand of a top level without
// one sets up none either.
class TopLevel : public CLI::App {
 public:
  TopLevel() : CLI::App("", "", nullptr) {}
};

// The parse of one command line: the CLI::App built from the table, and the first problem
// the table's validators found (CLI11 sees only that a validator refused).
class Parser {
 public:
  // every_option: set up every option and operand, not only those a word of args could
  // name or be.
  explicit Parser(const std::vector<std::string_view>& args, bool every_option = false)
      : args_(args), every_option_(every_option) {}

  Parsed run() {
    build();
    auto words = normalise(args_);
    std::reverse(words.begin(), words.end());  // CLI11 parses from the back
    std::optional<UsageError> thrown;
    std::size_t thrown_at = 0;  // where the problem CLI11 threw for is, when known
    // Which command was named, once CLI11 has seen its word (also when it then threw).
    const auto named = [this] {
      for (const auto* sub : app_.get_subcommands([](CLI::App* app) { return app->parsed(); })) {
        const auto* command = find_command(sub->get_name());
        // After "--" a word is never the command, though CLI11 may run it as one.
        const auto dashes = std::find(args_.begin(), args_.end(), std::string_view("--"));
        if (command && std::find(args_.begin(), dashes, command->name) != dashes) return command;
      }
      return static_cast<const Command*>(nullptr);
    };
    try {
      app_.parse(words);
    } catch (const CLI::ExcludesError&) {
      command_ = named();
      thrown = exclusion();
    } catch (const CLI::ValidationError&) {
      command_ = named();
      if (refused_) thrown_at = position(*refused_->option);
      if (refused_) thrown = check_value(*refused_->option, refused_->value, command_, args_);
    } catch (const CLI::ArgumentMismatch& error) {
      command_ = named();
      thrown = mismatch(error.what());
    } catch (const CLI::Error&) {
      // Every other error of CLI11's: nothing the table says it could be.
      thrown = UsageError{std::string(util::tr("the command line could not be read")),
                          see(command_), command_};
    }
    command_ = named();
    result_.command = command_;
    // Help ignores every other word and any problem with them, except an unknown command:
    // there is no help to show for it.
    const bool help = help_requested(args_) || (command_ && command_->name == "help");
    auto extra = first_extra(help);
    // Help, and every problem, are worded from the full parser (hints name options that
    // the command line does not), so they are parsed again with every option.
    if (skipped_ && (thrown || extra || help)) return Parser(args_, true).run();
    if (extra && extra->command_word) return {std::move(result_), std::move(extra->usage)};
    if (help) {
      result_.help = true;
      collect();
      return {std::move(result_), std::nullopt};
    }
    // The first problem in the command line is the one reported.
    if (thrown && (!extra || thrown_at < extra->index))
      return {std::move(result_), std::move(thrown)};
    if (extra) return {std::move(result_), std::move(extra->usage)};
    collect();
    return {std::move(result_), std::nullopt};
  }

 private:
  struct Extra {
    UsageError usage;
    bool command_word = false;  // an unknown command, reported before anything else
    std::size_t index = 0;      // where in the command line
  };

  // Whether a word of the command line could name `option` to CLI11: its name, alone or
  // with "=value", or a word of one dash holding its letter ("-o", or bundled as "-Vo").
  bool could_name(const Option& option) const { return position(option) < args_.size(); }

  // Whether a word after `command`'s could be an operand: one that is "-" or does not start
  // with a dash, or any word after "--". (Also an option's value: then the operands are set
  // up for nothing, as they always were.)
  bool could_be_operand(const Command& command) const {
    auto word = std::find(args_.begin(), args_.end(), command.name);
    if (word == args_.end()) return false;
    for (++word; word != args_.end(); ++word) {
      if (*word == "--") return word + 1 != args_.end();
      if (word->empty() || word->front() != '-' || *word == "-") return true;
    }
    return false;
  }

  // Where `option` is first given in the command line.
  std::size_t position(const Option& option) const {
    for (std::size_t i = 0; i < args_.size(); ++i) {
      const auto arg = args_[i];
      if (arg == "--") break;
      if (util::starts_with(arg, option.name) &&
          (arg.size() == option.name.size() || arg[option.name.size()] == '=')) {
        return i;
      }
      if (option.short_name && arg.size() >= 2 && arg[0] == '-' && arg[1] != '-' &&
          arg.find(option.short_name) != std::string_view::npos) {
        return i;
      }
    }
    return args_.size();
  }

  void build() {
    app_.allow_extras();
    app_.require_subcommand(0, 1);
    // An option is set up only when a word could name it (about 10,000 instructions each,
    // and a command line names one or none; the first one set up also builds the C++
    // locale, 36,000 more: see TopLevel); a line that then does not parse cleanly is
    // parsed again with all of them (run). So are a command's options and operands (build).
    for (const auto& option : global_options()) add_if_named(app_, option);
    for (const auto& command : command_table()) {
      // Only the commands whose word is on the line can be the one named: a subcommand for
      // every other would be built only to go unused.
      if (std::find(args_.begin(), args_.end(), command.name) == args_.end()) continue;
      auto* sub = app_.add_subcommand(std::string(command.name));
      sub->allow_extras();
      sub->fallthrough();
      // Its options are added when CLI11 meets its word as the command's (not as a value).
      sub->preparse_callback([this, sub, &command](std::size_t) { build(*sub, command); });
    }
  }

  void build(CLI::App& sub, const Command& command) {
    for (const auto& option : command.options) add_if_named(sub, option);
    for (const auto& option : command.options) {
      for (const auto& other : split_names(option.excludes)) {
        if (auto* mine = sub.get_option_no_throw(std::string(option.name))) {
          if (auto* theirs = sub.get_option_no_throw(other)) mine->excludes(theirs);
        }
      }
    }
    if (command.operands.name.empty()) return;
    if (!every_option_ && !could_be_operand(command)) {
      skipped_ = true;
      return;
    }
    auto* operands = sub.add_option("operands");
    // A positional takes words while it has fewer than its minimum, or any number when it
    // allows extra ones. The help command takes whatever follows it.
    operands->expected(1);
    operands->allow_extra_args(command.operands.many || command.name == "help");
    operands->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  }

  // Sets `option` up when every option is wanted or a word could name it (build).
  void add_if_named(CLI::App& app, const Option& option) {
    if (every_option_ || could_name(option)) {
      add(app, option);
    } else {
      skipped_ = true;
    }
  }

  void add(CLI::App& app, const Option& option) {  // app: the top level or a command's
    CLI::Option* added = option.value == Value::none ? app.add_flag(cli11_names(option))
                                                     : app.add_option(cli11_names(option));
    if (option.value != Value::none) added->expected(1);
    added->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
    added->check(CLI::Validator(
        [this, &option](std::string& value) -> std::string {
          // Worded once the command is known (its usage line and help go with the message).
          if (!check_value(option, value, nullptr, args_)) return {};
          if (!refused_) refused_ = Refusal{&option, value};
          return "refused";
        },
        std::string(option.value_name)));
    options_.push_back({&option, added, &app == &app_});
  }

  // CLI11's mismatches name the option first ("--count: 1 required TEXT missing").
  UsageError mismatch(std::string_view what) const {
    const auto name = what.substr(0, what.find_first_of(": "));
    const Option* option = find_option(name, command_);
    if (!option)
      return UsageError{std::string(util::tr("the command line could not be read")), see(command_),
                        command_};
    if (option->value == Value::none) {
      return UsageError{fmt::format(fmt::runtime(util::tr("{} takes no value")), option->name),
                        see(command_), command_};
    }
    return UsageError{fmt::format(fmt::runtime(util::tr("{} needs a value")), option->name),
                      value_hint(*option, command_), command_};
  }

  UsageError exclusion() const {
    for (const auto& option : command_->options) {
      if (option.excludes.empty() || !given(option.name)) continue;
      for (const auto& other : split_names(option.excludes)) {
        if (given(other)) {
          return UsageError{fmt::format(fmt::runtime(util::tr("{} cannot be combined with {}")),
                                        option.name, other),
                            see(command_), command_};
        }
      }
    }
    return UsageError{std::string(util::tr("the command line could not be read")), see(command_),
                      command_};
  }

  bool given(std::string_view name) const {
    for (const auto& [option, added, global] : options_) {
      if (option->name == name && added->count() > 0) return true;
    }
    return false;
  }

  // The words CLI11 left over, in command-line order: the first one is the problem.
  std::optional<Extra> first_extra(bool help) {
    std::vector<std::string> left = app_.remaining(true);
    if (!command_) {
      // Without a command, a word after "--" has nothing to belong to (CLI11 drops it).
      const auto dashes = std::find(args_.begin(), args_.end(), std::string_view("--"));
      if (dashes != args_.end() && dashes + 1 != args_.end()) {
        left.emplace_back(*(dashes + 1));
      }
    }
    if (left.empty()) return std::nullopt;
    // The earliest in the command line.
    std::size_t best = args_.size();
    std::string word;
    bool found = false;
    for (const auto& candidate : left) {
      if (candidate == "--") continue;  // CLI11 keeps the marker among the words left over
      if (!found) word = candidate;     // when none is found as it is ("-qx" left "-x")
      found = true;
      for (std::size_t i = 0; i < args_.size() && i < best; ++i) {
        if (args_[i] == candidate) {
          best = i;
          word = candidate;
          break;
        }
      }
    }
    if (!found) return std::nullopt;
    const bool after_dashes = [&] {
      for (std::size_t i = 0; i < best && i < args_.size(); ++i) {
        if (args_[i] == "--") return true;
      }
      return false;
    }();
    if (!after_dashes && word.size() > 1 && word[0] == '-') {
      return Extra{unknown_option(std::string_view(word).substr(0, word.find('='))), false, best};
    }
    if (!command_) {
      if (after_dashes) {
        return Extra{
            UsageError{fmt::format(fmt::runtime(util::tr("unexpected argument '{}'")), shown(word)),
                       std::string(util::tr("'nkfacts --help' lists the commands")), nullptr},
            false, best};
      }
      return Extra{unknown_command(word, best), true, best};
    }
    if (help) return std::nullopt;
    return Extra{
        UsageError{fmt::format(fmt::runtime(util::tr("unexpected argument '{}'")), shown(word)),
                   see(command_), command_},
        false, best};
  }

  UsageError unknown_command(std::string_view word, std::size_t index) const {
    std::vector<std::string> names;
    for (const auto& command : command_table()) names.emplace_back(command.name);
    std::string hint(util::tr("'nkfacts --help' lists the commands"));
    const Option* before =
        index > 0 && index < args_.size() ? find_option(args_[index - 1], nullptr) : nullptr;
    if (before && before->value == Value::optional && before->choices) {
      // "--color sometimes": a bare --color, then a word that is neither mode nor command.
      hint = fmt::format(fmt::runtime(util::tr("{} takes {} (as {}=WHEN); {}")), before->name,
                         alternatives(before->choices()), before->name, hint);
    } else if (word == "version") {
      hint = util::tr("did you mean 'nkfacts --version'?");
    } else if (const auto close = util::closest_matches(util::fold_case(word), names, 1);
               !close.empty()) {
      hint = fmt::format(fmt::runtime(util::tr("did you mean '{}'?")), close.front());
    }
    return UsageError{fmt::format(fmt::runtime(util::tr("unknown command '{}'")), shown(word)),
                      hint, nullptr};
  }

  UsageError unknown_option(std::string_view name) const {
    if (name.size() > 2 && name[0] == '-' && name[1] != '-') name = name.substr(0, 2);
    std::string hint = see(command_);
    if (const auto meant = other_spelling(name); !meant.empty() && find_option(meant, command_)) {
      hint = fmt::format(fmt::runtime(util::tr("did you mean '{}'? {}")), meant, hint);
    } else if (util::starts_with(name, "--")) {
      // Long names only: one letter off a short option says nothing about what was meant.
      std::vector<std::string> names = {"--help"};
      const auto add_names = [&](std::span<const Option> options) {
        for (const auto& option : options) names.emplace_back(option.name);
      };
      add_names(global_options());
      if (command_) add_names(command_->options);
      const auto close = util::closest_matches(util::fold_case(name), names, 1);
      if (!close.empty())
        hint = fmt::format(fmt::runtime(util::tr("did you mean '{}'? {}")), close.front(), hint);
    }
    return UsageError{fmt::format(fmt::runtime(util::tr("unknown option '{}'")), shown(name)), hint,
                      command_};
  }

  bool owned_by_command(const Option& option) const {
    if (!command_) return false;
    for (const auto& own : command_->options) {
      if (&own == &option) return true;
    }
    return false;
  }

  // The values CLI11 parsed, by the table's names.
  void collect() {
    for (const auto& [option, added, global] : options_) {
      if (added->count() == 0) continue;
      // Only the named command's own options (CLI11 may have read a word after "--" as one).
      if (!global && !owned_by_command(*option)) continue;
      for (const auto& value : added->results()) {
        result_.values.emplace_back(option->name,
                                    option->value == Value::none ? std::string() : value);
      }
    }
    if (command_) {
      if (const auto* operands =
              app_.get_subcommand(std::string(command_->name))->get_option_no_throw("operands")) {
        for (const auto& word : operands->results()) result_.operands.push_back(word);
      }
    }
  }

  const std::vector<std::string_view>& args_;
  bool every_option_ = false;
  bool skipped_ = false;  // some option or the operands were not set up
  TopLevel app_;
  const Command* command_ = nullptr;
  struct Added {
    const Option* option;
    CLI::Option* added;
    bool global;  // a global option, rather than a command's
  };
  std::vector<Added> options_;
  struct Refusal {
    const Option* option;
    std::string value;
  };
  std::optional<Refusal> refused_;
  Invocation result_;
};

}  // namespace

bool Invocation::has(std::string_view name) const {
  return std::any_of(values.begin(), values.end(),
                     [&](const auto& value) { return value.first == name; });
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
  const long long value = negative
                              ? (magnitude == largest + 1 ? std::numeric_limits<long long>::min()
                                                          : -static_cast<long long>(magnitude))
                              : static_cast<long long>(magnitude);
  if (value < min || value > max) return std::nullopt;
  return value;
}

namespace {

// The value `option` takes from the word at `i` ("--name=value" or "-o"/"--name" followed by
// it), advancing `i` past a value in the next word; nullopt when that is not plain.
std::optional<std::string_view> plain_value(const Option& option, std::string_view word,
                                            const std::vector<std::string_view>& args,
                                            std::size_t& i) {
  const auto equals = word.find('=');
  if (option.value == Value::none) {
    if (equals != std::string_view::npos) return std::nullopt;
    return std::string_view();
  }
  // CLI11 reads "--name=" as "--name" with its value still to come.
  if (equals != std::string_view::npos && equals + 1 == word.size()) return std::nullopt;
  if (equals != std::string_view::npos) return word.substr(equals + 1);
  if (option.value == Value::optional) {
    // As normalise() writes it for CLI11: a bare one means "always".
    if (i + 1 < args.size() && choice_ok(option, args[i + 1])) return args[++i];
    return std::string_view("always");
  }
  if (i + 1 >= args.size()) return std::nullopt;
  return args[++i];
}

}  // namespace

std::optional<Invocation> parse_plain(const std::vector<std::string_view>& args) {
  Invocation result;
  std::vector<std::pair<const Option*, std::string_view>> given;  // in command-line order
  const auto is_given = [&](std::string_view name) {
    return std::any_of(given.begin(), given.end(),
                       [&](const auto& option) { return option.first->name == name; });
  };
  for (std::size_t i = 0; i < args.size(); ++i) {
    const auto word = args[i];
    if (word.empty() || word == "-" || word == "--" || word == "-h" || word == "--help")
      return std::nullopt;
    if (word[0] != '-') {
      // The command, then its operands; a second command's word is left to CLI11.
      const Command* named = find_command(word);
      if (!result.command) {
        if (!named || !named->run) return std::nullopt;  // unknown, or the help command
        result.command = named;
        continue;
      }
      const auto& operands = result.command->operands;
      if (named || operands.name.empty() || (!operands.many && !result.operands.empty()))
        return std::nullopt;
      result.operands.emplace_back(word);
      continue;
    }
    // "--name", "--name=value" or "-x": a command's own options only after its word.
    const bool long_name = word[1] == '-';
    if (!long_name && word.size() != 2) return std::nullopt;
    const Option* option =
        find_option(long_name ? word.substr(0, word.find('=')) : word, result.command);
    if (!option || is_given(option->name)) return std::nullopt;
    const auto value = plain_value(*option, long_name ? word : std::string_view(), args, i);
    if (!value) return std::nullopt;
    if (option->value != Value::none && check_value(*option, *value, result.command, args))
      return std::nullopt;
    given.emplace_back(option, *value);
  }
  if (result.command) {
    for (const auto& option : result.command->options) {
      if (!is_given(option.name)) continue;
      for (const auto& other : split_names(option.excludes)) {
        if (is_given(other)) return std::nullopt;
      }
    }
  }
  // The values in the order CLI11's set-up gives them: the global options in table order,
  // then the command's.
  const auto collect = [&](std::span<const Option> options) {
    for (const auto& option : options) {
      for (const auto& [which, value] : given) {
        if (which == &option) result.values.emplace_back(option.name, std::string(value));
      }
    }
  };
  collect(global_options());
  if (result.command) collect(result.command->options);
  return result;
}

Parsed parse_full(const std::vector<std::string_view>& args) {
  return Parser(args).run();
}

Parsed parse(const std::vector<std::string_view>& args) {
  if (auto plain = parse_plain(args)) return {std::move(*plain), std::nullopt};
  return parse_full(args);
}

}  // namespace nkfacts::cli

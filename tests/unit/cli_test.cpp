// The cli layer: parsing against the command table, and the colour and width decisions.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/help.hpp"
#include "cli/parse.hpp"
#include "cli/run.hpp"
#include "cli/settings.hpp"
#include "cli/table.hpp"
#include "util/utf8.hpp"

using namespace nkfacts::cli;

namespace {

Parsed parse_words(std::vector<std::string_view> words) { return parse(words); }

std::string error_of(std::vector<std::string_view> words) {
  const auto parsed = parse(words);
  return parsed.error ? parsed.error->message + " | " + parsed.error->hint : "";
}

}  // namespace

TEST_CASE("integers are whole decimal numbers within their range") {
  CHECK(parse_integer("5", 1, 10) == 5);
  CHECK(parse_integer("-5", -10, 10) == -5);
  CHECK_FALSE(parse_integer("-1", 1, 1000));
  CHECK_FALSE(parse_integer("1e23", 0, 1000));
  CHECK_FALSE(parse_integer("", 0, 1000));
  CHECK_FALSE(parse_integer("+5", 0, 1000));
  CHECK_FALSE(parse_integer(" 5", 0, 1000));
  CHECK_FALSE(parse_integer("18446744073709551616", 0, 9223372036854775807LL));
  CHECK(parse_integer("9223372036854775807", 0, 9223372036854775807LL) == 9223372036854775807LL);
  CHECK_FALSE(parse_integer("9223372036854775808", 0, 9223372036854775807LL));
}

TEST_CASE("numbers out of range or malformed are usage errors") {
  CHECK(error_of({"quiz", "--count", "-1"}) ==
        "invalid value '-1' for --count | --count takes a whole number from 1 to 1000, e.g. --count 5");
  CHECK(error_of({"quiz", "--seed", "1e23"}).rfind("invalid value '1e23' for --seed", 0) == 0);
  CHECK(error_of({"quiz", "--seed", ""}).rfind("invalid value '' for --seed", 0) == 0);
  CHECK(error_of({"stats", "--year", "-5"}).rfind("invalid value '-5' for --year", 0) == 0);
  CHECK(error_of({"quiz", "--count", "18446744073709551616"}).rfind("invalid value", 0) == 0);
  CHECK(error_of({"quiz", "--count"}) == "--count needs a value | e.g. --count 5");
}

TEST_CASE("a bare --color means always and does not take a command as its value") {
  const auto parsed = parse_words({"--color", "routes"});
  REQUIRE_FALSE(parsed.error);
  REQUIRE(parsed.invocation.command);
  CHECK(parsed.invocation.command->name == "routes");
  CHECK(parsed.invocation.text("--color") == "always");
  CHECK(parse_words({"--color", "never", "stats"}).invocation.text("--color") == "never");
  CHECK(parse_words({"--color=never"}).invocation.text("--color") == "never");
  CHECK(error_of({"--color=sometimes"}) ==
        "unknown color mode 'sometimes' | --color takes auto, always or never");
}

TEST_CASE("suggestions point to what was meant") {
  CHECK(error_of({"-V"}) == "unknown option '-V' | did you mean '--version'? see 'nkfacts --help'");
  CHECK(error_of({"version"}) == "unknown command 'version' | did you mean 'nkfacts --version'?");
  CHECK(error_of({"ROUTES"}) == "unknown command 'ROUTES' | did you mean 'routes'?");
  CHECK(error_of({"cite", "--widht", "40"}) ==
        "unknown option '--widht' | did you mean '--width'? see 'nkfacts cite --help'");
}

TEST_CASE("options that exclude each other say so in plain words") {
  CHECK(error_of({"stats", "--year", "2009", "--from", "2000"}) ==
        "--year cannot be combined with --from | see 'nkfacts stats --help'");
}

TEST_CASE("help ignores every other word") {
  const auto parsed = parse_words({"stats", "--year", "x", "--help"});
  CHECK_FALSE(parsed.error);
  CHECK(parsed.invocation.help);
  CHECK(parsed.invocation.command->name == "stats");
}

namespace {

std::vector<std::string> words_of(const std::string& line, char separator) {
  std::vector<std::string> out;
  std::string word;
  std::istringstream in(line);
  while (std::getline(in, word, separator)) {
    if (separator != ' ' || !word.empty()) out.push_back(word);
  }
  return out;
}

// The command lines the benchmark times (bench/startup-commands), without its comments.
std::vector<std::string> startup_lines() {
  std::vector<std::string> lines;
  std::ifstream bench(NKFACTS_BENCH_DIR "/startup-commands");
  for (std::string line; std::getline(bench, line);) {
    if (line.empty() || line[0] != '#') lines.push_back(line);
  }
  return lines;
}

// Command lines to read both ways: every end-to-end case's, every line the benchmark
// times, every example of the help pages, and each option of each command alone, with
// each other option of its command, and with good and bad values.
std::vector<std::vector<std::string>> command_lines() {
  std::vector<std::vector<std::string>> lines;
  for (const auto& entry : std::filesystem::directory_iterator(NKFACTS_CLI_CASES_DIR)) {
    std::ifstream in(entry.path() / "args");
    std::stringstream text;
    text << in.rdbuf();
    lines.push_back(words_of(text.str(), '\n'));
  }
  for (const auto& line : startup_lines()) lines.push_back(words_of(line, ' '));
  const auto values = [](const Option& option) {
    std::vector<std::string> out = {"x", "-x", "5", "-5", "", "routes"};
    if (option.choices) {
      for (const auto& choice : option.choices()) out.push_back(choice);
    }
    if (option.value == Value::integer) {
      for (const auto n : {option.min, option.max}) out.push_back(std::to_string(n));
      // One past the largest, written out even where that is past what a long long holds.
      out.push_back(std::to_string(static_cast<unsigned long long>(option.max) + 1));
    }
    return out;
  };
  // One option in every way it can be written, before or after `command`.
  const auto spell = [&](const Option& option, const std::vector<std::string>& command) {
    std::vector<std::vector<std::string>> out;
    const auto both = [&](std::vector<std::string> words) {
      auto after = command;
      after.insert(after.end(), words.begin(), words.end());
      out.push_back(after);
      words.insert(words.end(), command.begin(), command.end());
      out.push_back(words);
    };
    const std::vector<std::string> names = {
        std::string(option.name),
        option.short_name ? std::string{'-', option.short_name} : std::string(option.name)};
    both({names[0]});
    both({names[1]});
    for (const auto& value : values(option)) {
      both({names[0], value});
      both({names[1], value});
      both({names[0] + "=" + value});
      both({names[0], value, names[0], value});
    }
    return out;
  };
  for (const auto& command : command_table()) {
    for (const auto& example : words_of(std::string(command.examples), '\n')) {
      auto words = words_of(example.substr(0, example.find(" |")), ' ');
      words.erase(words.begin());  // "nkfacts"
      lines.push_back(words);
    }
    const std::vector<std::string> name = {std::string(command.name)};
    for (const auto& operands : {std::vector<std::string>{"x"}, {"x", "y"}, {"stats"}, {"-x"}}) {
      auto line = name;
      line.insert(line.end(), operands.begin(), operands.end());
      lines.push_back(line);
    }
    for (const auto& option : global_options()) {
      for (auto& line : spell(option, name)) lines.push_back(std::move(line));
    }
    for (const auto& option : command.options) {
      for (auto& line : spell(option, name)) lines.push_back(std::move(line));
      for (const auto& other : command.options) {
        for (auto line : spell(other, name)) {
          line.push_back(std::string(option.name));
          if (option.value != Value::none) line.push_back(values(option).back());
          lines.push_back(std::move(line));
        }
      }
    }
  }
  return lines;
}

}  // namespace

TEST_CASE("a plain command line is read without CLI11 exactly as CLI11 reads it") {
  std::size_t plain = 0;
  const auto lines = command_lines();
  for (const auto& line : lines) {
    const std::vector<std::string_view> args(line.begin(), line.end());
    const auto fast = parse_plain(args);
    if (!fast) continue;
    ++plain;
    const auto full = parse_full(args);
    std::string shown;
    for (const auto& word : line) shown += "[" + word + "] ";
    INFO(shown);
    REQUIRE_FALSE(full.error);
    CHECK(fast->command == full.invocation.command);
    CHECK_FALSE(full.invocation.help);
    CHECK(fast->values == full.invocation.values);
    CHECK(fast->operands == full.invocation.operands);
  }
  // The benchmark's lines are plain, but for help: the common case takes the short way.
  const auto lines_timed = startup_lines();
  REQUIRE(lines_timed.size() > 30);
  for (const auto& line : lines_timed) {
    const auto words = words_of(line, ' ');
    const std::vector<std::string_view> args(words.begin(), words.end());
    INFO(line);
    CHECK(parse_plain(args).has_value() == (line.find("--help") == std::string::npos));
  }
  // Not everything is plain: mistakes and help are CLI11's.
  CHECK_FALSE(parse_plain({"stats", "--year", "2009", "--from", "2000"}));
  CHECK_FALSE(parse_plain({"-qv", "stats"}));
  CHECK_FALSE(parse_plain({"stats", "--", "x"}));
  CHECK_FALSE(parse_plain({"--width", "5", "--width", "72"}));
  CHECK(plain > 1000);
  CHECK(plain < lines.size());
}

TEST_CASE("every help page fits 80 columns") {
  std::vector<std::string> pages = {top_level_help()};
  for (const auto& command : command_table()) pages.push_back(command_help(command));
  for (const auto& page : pages) {
    std::size_t start = 0;
    while (start < page.size()) {
      auto end = page.find('\n', start);
      if (end == std::string::npos) end = page.size();
      const auto line = page.substr(start, end - start);
      INFO(line);
      CHECK(nkfacts::util::display_width(line) <= 80);
      start = end + 1;
    }
  }
}

TEST_CASE("colour is decided for each stream by its own rule") {
  Environment environment;
  environment.term = "xterm";
  CHECK_FALSE(decide_color(ColorMode::automatic, Stream::out, environment));
  environment.stdout_is_terminal = true;
  CHECK(decide_color(ColorMode::automatic, Stream::out, environment));
  CHECK_FALSE(decide_color(ColorMode::automatic, Stream::err, environment));
  environment.force_color = "1";
  environment.stdout_is_terminal = false;
  CHECK(decide_color(ColorMode::automatic, Stream::out, environment));
  CHECK_FALSE(decide_color(ColorMode::automatic, Stream::err, environment));
  environment.force_color = "0";
  CHECK_FALSE(decide_color(ColorMode::automatic, Stream::out, environment));
  environment.no_color = "1";
  environment.stdout_is_terminal = true;
  CHECK_FALSE(decide_color(ColorMode::automatic, Stream::out, environment));
  CHECK(decide_color(ColorMode::always, Stream::err, environment));
  environment.no_color = nullptr;
  environment.term = "dumb";
  CHECK_FALSE(decide_color(ColorMode::automatic, Stream::out, environment));
  CHECK_FALSE(decide_color(ColorMode::never, Stream::out, Environment{}));
}

TEST_CASE("the width comes from --width, COLUMNS or the terminal, within 20 to 1000") {
  Environment environment;
  CHECK(decide_width(std::nullopt, environment) == 80);
  environment.terminal_columns = 132;
  CHECK(decide_width(std::nullopt, environment) == 132);
  environment.columns = "2147483648";
  CHECK(decide_width(std::nullopt, environment) == 1000);
  environment.columns = "99999999999999999999999";
  CHECK(decide_width(std::nullopt, environment) == 1000);
  environment.columns = "5";
  CHECK(decide_width(std::nullopt, environment) == 20);
  environment.columns = "wide";
  CHECK(decide_width(std::nullopt, environment) == 132);
  CHECK(decide_width(0, environment) == 0);
  CHECK(decide_width(72, environment) == 72);
  CHECK(decide_width(100000, environment) == 1000);
  environment.terminal_columns = 5000;
  environment.columns = nullptr;
  CHECK(decide_width(std::nullopt, environment) == 1000);
}

TEST_CASE("a long answer passed on early is the same answer") {
  // Past 32 KB, output is written through Session::write_out in parts (commands::pass_on);
  // the parts and the rest must be exactly one whole answer, in every format.
  const std::vector<std::vector<std::string_view>> lines = {
      {"-o", "json", "cite"},
      {"-o", "csv", "cite"},
      {"cite"},
      {"cite", "--style", "apa"},
      {"cite", "--style", "bibtex"},
      {"cite", "--style", "csl-json"},
      {"cite", "--style", "ris"},
      {"list"},
      {"-o", "json", "timeline"},
      {"-o", "jsonl", "search", "north"},
      {"-o", "markdown", "stats"},
      {"handout"},
      {"--lang", "ko", "handout", "--style", "apa"}};
  for (const auto& words : lines) {
    const Environment environment;
    const auto whole = run(words, environment, Session{});
    std::string early;
    Session session;
    session.write_out = [&](std::string_view text) { early += text; };
    const auto parts = run(words, environment, std::move(session));
    INFO(words.back() << ", " << whole.out.size() << " bytes");
    CHECK(parts.status == whole.status);
    CHECK(parts.err == whole.err);
    CHECK(early + parts.out == whole.out);
  }
  // The two longest answers leave less than 32 KB and a row or an entry to the end.
  const std::vector<std::vector<std::string_view>> longest = {
      {"-o", "json", "cite"}, {"cite", "--style", "csl-json"}, {"handout"}};
  for (const auto& words : longest) {
    std::string early;
    Session session;
    session.write_out = [&](std::string_view text) { early += text; };
    const auto parts = run(words, Environment{}, std::move(session));
    CHECK(early.size() >= 32 * 1024);
    CHECK(parts.out.size() < 36 * 1024);
  }
}

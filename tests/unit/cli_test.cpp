// The cli layer: parsing against the command table, and the colour and width decisions.
#include <catch2/catch.hpp>

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

// The quiz on the embedded facts: every question well formed, answers spread over the
// positions, every template used, wrong answers of the right kind, and the number of
// distinct questions the documentation reports kept true, the same in English and Korean.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "cli/table.hpp"
#include "commands/quiz_questions.hpp"
#include "load/embedded.hpp"
#include "render/text.hpp"
#include "util/i18n.hpp"

using namespace nkfacts;
using commands::Question;
using commands::Template;

namespace {

const model::FactBase& facts() {
  static const model::FactBase base = load::embedded_fact_base();
  return base;
}

// 1,000 seeded quizzes of 14 questions each (one per template when they all have some).
const std::vector<std::vector<Question>>& quizzes() {
  static const std::vector<std::vector<Question>> all = [] {
    std::vector<std::vector<Question>> out;
    for (std::uint64_t seed = 0; seed < 1000; ++seed) {
      out.push_back(commands::make_quiz(facts(), std::nullopt, 14, seed * 7919 + 3));
    }
    return out;
  }();
  return all;
}

std::string read(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string root() {
  std::string dir = NKFACTS_FACTS_DIR;
  return dir.substr(0, dir.rfind('/'));
}

bool contains(const std::vector<std::string>& items, std::string_view item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

// A file of the repository with its line breaks as spaces: the README and the man page
// may break a phrase across lines.
std::string one_line(const std::string& path) {
  std::string text = read(root() + "/" + path);
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

// The quiz command's --help text.
std::string quiz_help() {
  for (const auto& command : cli::command_table()) {
    if (command.name == "quiz") return std::string(command.about);
  }
  FAIL("the command table has no quiz");
  return {};
}

}  // namespace

TEST_CASE("every question has distinct options, the right one among them, and no repeats") {
  for (const auto& quiz : quizzes()) {
    REQUIRE(quiz.size() == 14);
    std::set<std::string> prompts;
    std::set<std::string> records;
    for (const auto& q : quiz) {
      INFO(q.prompt);
      CHECK((q.options.size() == 4 ||
             (q.kind == Template::claim_true_false && q.options.size() == 2)));
      CHECK(std::set<std::string>(q.options.begin(), q.options.end()).size() == q.options.size());
      CHECK(q.answer < q.options.size());
      // Never the same question twice (with the same answer: "which came first?" recurs).
      CHECK(prompts.insert(q.prompt + " / " + q.options[q.answer]).second);
      for (const auto& option : q.options) CHECK(!option.empty());
    }
  }
}

TEST_CASE("the right option's position is spread evenly over 1,000 seeded quizzes") {
  std::array<std::size_t, 4> four{};
  std::array<std::size_t, 2> two{};
  for (const auto& quiz : quizzes()) {
    for (const auto& q : quiz) {
      if (q.options.size() == 4) ++four[q.answer];
      if (q.options.size() == 2) ++two[q.answer];
    }
  }
  const auto total4 = static_cast<double>(four[0] + four[1] + four[2] + four[3]);
  for (const auto n : four) {
    INFO(fmt::format("{} of {}", n, total4));
    CHECK(static_cast<double>(n) / total4 >= 0.20);
    CHECK(static_cast<double>(n) / total4 <= 0.30);
  }
  // True or false: as often "true" as "false".
  const auto total2 = static_cast<double>(two[0] + two[1]);
  REQUIRE(total2 > 100);
  for (const auto n : two) {
    CHECK(static_cast<double>(n) / total2 >= 0.40);
    CHECK(static_cast<double>(n) / total2 <= 0.60);
  }
}

TEST_CASE("every template appears, and a short quiz mixes them") {
  std::map<Template, std::size_t> seen;
  for (const auto& quiz : quizzes()) {
    std::set<Template> in_quiz;
    for (const auto& q : quiz) {
      ++seen[q.kind];
      in_quiz.insert(q.kind);
    }
    CHECK(in_quiz.size() >= 11);
  }
  for (const auto kind : commands::k_templates) {
    INFO(commands::template_name(kind));
    CHECK(seen[kind] > 0);
  }
  CHECK(std::size(commands::k_templates) >= 10);
}

TEST_CASE("wrong answers are of the same kind and unit as the right one") {
  const auto& base = facts();
  std::vector<std::string> years, countries, dangers, korean, terms, titles;
  for (const auto& e : base.events) {
    years.push_back(std::to_string(e.date.year));
    titles.emplace_back(e.title);
  }
  for (const auto& r : base.routes) {
    for (const auto place : r.path) countries.emplace_back(place);
  }
  std::vector<std::string> places;
  for (const auto& d : base.dangers) {
    dangers.emplace_back(d.name);
    places.emplace_back(d.where);
  }
  for (const auto& t : base.terms) {
    korean.emplace_back(t.korean);
    terms.emplace_back(t.term);
  }
  for (const auto& quiz : quizzes()) {
    for (const auto& q : quiz) {
      INFO(q.prompt);
      switch (q.kind) {
        case Template::figure_value:
        case Template::series_year:
        case Template::series_part:
          // Numbers, each written with the one unit of the question, never "at least".
          REQUIRE(q.values.size() == q.options.size());
          CHECK(!q.unit.empty());
          for (std::size_t i = 0; i < q.options.size(); ++i) {
            CHECK(q.options[i] ==
                  render::format_quantity(model::Quantity{q.values[i], q.values[i]}, q.unit, true));
            CHECK(q.options[i].find("at least") == std::string::npos);
            CHECK(q.options[i].find("up to") == std::string::npos);
            // Of a similar size: within a factor of 50 of the answer.
            const double ratio = q.values[i] / q.values[q.answer];
            CHECK(ratio < 50.0);
            CHECK(ratio > 1.0 / 50.0);
          }
          break;
        case Template::series_peak:
        case Template::event_year:
          for (const auto& option : q.options) {
            CHECK(option.size() == 4);
            CHECK(std::all_of(option.begin(), option.end(),
                              [](char c) { return c >= '0' && c <= '9'; }));
          }
          if (q.kind == Template::event_year) {
            for (const auto& option : q.options) CHECK(contains(years, option));
          }
          break;
        case Template::event_first:
          for (const auto& option : q.options) CHECK(contains(titles, option));
          break;
        case Template::route_country:
          for (const auto& option : q.options) CHECK(contains(countries, option));
          break;
        case Template::route_danger:
        case Template::danger_place:
          for (const auto& option : q.options) CHECK(contains(dangers, option));
          break;
        case Template::danger_where:
          for (const auto& option : q.options) CHECK(contains(places, option));
          break;
        case Template::term_korean:
          for (const auto& option : q.options) CHECK(contains(korean, option));
          break;
        case Template::term_meaning:
          for (const auto& option : q.options) CHECK(contains(terms, option));
          break;
        case Template::claim_true_false:
          CHECK(q.options == std::vector<std::string>{"True", "False"});
          break;
        case Template::claim_verdict:
          for (const auto& option : q.options) {
            CHECK(contains({"Accurate", "Outdated", "Wrong", "Not confirmed", "Disputed"}, option));
          }
          break;
      }
    }
  }
}

TEST_CASE("an unverified or disputed claim is never asked as true or false") {
  for (const auto& quiz : quizzes()) {
    for (const auto& q : quiz) {
      if (q.kind != Template::claim_true_false) continue;
      const auto* claim = std::find_if(facts().claims.begin(), facts().claims.end(),
                                       [&](const auto& c) { return c.id == q.record; });
      REQUIRE(claim != facts().claims.end());
      CHECK(
          (claim->verdict == model::Verdict::accurate || claim->verdict == model::Verdict::wrong));
      CHECK(q.answer == (claim->verdict == model::Verdict::accurate ? 0u : 1u));
    }
  }
}

TEST_CASE("every answer has a one-sentence explanation and a source") {
  for (const auto& quiz : quizzes()) {
    for (const auto& q : quiz) {
      INFO(q.prompt);
      CHECK(!q.explanation.empty());
      CHECK(q.explanation.size() < 400);
      REQUIRE(!q.sources.empty());
      const bool found = std::any_of(q.sources.begin(), q.sources.end(),
                                     [](auto id) { return facts().find_reference(id) != nullptr; });
      CHECK(found);
      CHECK(!q.record.empty());
    }
  }
}

TEST_CASE("the same seed gives the same quiz") {
  const auto a = commands::make_quiz(facts(), std::nullopt, 20, 42);
  const auto b = commands::make_quiz(facts(), std::nullopt, 20, 42);
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].prompt == b[i].prompt);
    CHECK(a[i].options == b[i].options);
    CHECK(a[i].answer == b[i].answer);
  }
  const auto c = commands::make_quiz(facts(), std::nullopt, 20, 43);
  bool differs = false;
  for (std::size_t i = 0; i < a.size() && i < c.size(); ++i)
    differs = differs || a[i].prompt != c[i].prompt;
  CHECK(differs);
}

TEST_CASE("a topic keeps its own templates, and a quiz never holds more than the facts give") {
  for (const auto topic : {model::Kind::figure, model::Kind::route, model::Kind::danger,
                           model::Kind::event, model::Kind::claim, model::Kind::term}) {
    const auto quiz = commands::make_quiz(facts(), topic, 1000, 5);
    INFO(model::kind_name(topic));
    CHECK(!quiz.empty());
    CHECK(quiz.size() <= commands::quiz_capacity(facts(), topic));
    for (const auto& q : quiz) CHECK(commands::template_topic(q.kind) == topic);
  }
}

TEST_CASE("the number of distinct questions in --help, the man page and the README is true") {
  const std::size_t count = commands::quiz_capacity(facts(), std::nullopt);
  const std::string phrase = fmt::format("{} distinct questions", count);
  INFO(phrase);
  CHECK(quiz_help().find(phrase) != std::string::npos);
  CHECK(one_line("README.md").find(phrase) != std::string::npos);
  CHECK(one_line("man/nkfacts.1").find(phrase) != std::string::npos);
}

TEST_CASE("one quiz holds one question per subject, as many as quiz_most says, whatever the seed") {
  for (const auto topic : std::vector<std::optional<model::Kind>>{
           std::nullopt, model::Kind::figure, model::Kind::danger, model::Kind::claim}) {
    const std::size_t most = commands::quiz_most(facts(), topic);
    INFO((topic ? model::kind_name(*topic) : "all"));
    CHECK(most > 0);
    CHECK(most <= commands::quiz_capacity(facts(), topic));
    for (const std::uint64_t seed : {0, 1, 7, 42}) {
      CHECK(commands::make_quiz(facts(), topic, 1000, seed).size() == most);
    }
  }
}

TEST_CASE("--help, the man page and the README say how many questions one quiz holds") {
  const std::string phrase =
      fmt::format("holds at most {}.", commands::quiz_most(facts(), std::nullopt));
  INFO(phrase);
  CHECK(quiz_help().find(phrase) != std::string::npos);
  const std::string readme = one_line("README.md");
  CHECK(readme.find(phrase) != std::string::npos);
  // --help and the man page offer --topic series; the README says so too.
  CHECK(readme.find("`--topic series`") != std::string::npos);
  CHECK(one_line("man/nkfacts.1").find(phrase) != std::string::npos);
}

TEST_CASE("first_sentence stops at the end of a sentence, not at an abbreviation") {
  using commands::first_sentence;
  CHECK(first_sentence("One. Two.") == "One.");
  CHECK(first_sentence("The U.S. Committee said so. Then more.") == "The U.S. Committee said so.");
  CHECK(first_sentence("It is 2.5 km wide. More.") == "It is 2.5 km wide.");
  CHECK(first_sentence("At about 4 a.m. and later. More.") == "At about 4 a.m. and later.");
  CHECK(first_sentence("He said \"go.\" Then left.") == "He said \"go.\"");
  CHECK(first_sentence("No stop at all") == "No stop at all");
}

namespace {

// Words a reader would match between a question and an option: five letters or more,
// lower case, leaving out the ones every text here has.
std::set<std::string> telling_words(std::string_view text) {
  std::set<std::string> words;
  std::string word;
  const auto flush = [&] {
    const bool common = word.size() < 5 || word.rfind("korea", 0) == 0 || word == "north" ||
                        word == "south" || word == "which" || word == "these" || word == "people" ||
                        word == "through" || word == "between" || word == "along" ||
                        word == "where" || word == "there" || word == "other" || word == "their" ||
                        word == "after";
    if (!common) words.insert(word);
    word.clear();
  };
  for (const char c : text) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      word += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    } else {
      flush();
    }
  }
  flush();
  return words;
}

}  // namespace

TEST_CASE("no right option is given away by a word it shares with the question alone") {
  for (const auto& quiz : quizzes()) {
    for (const auto& q : quiz) {
      if (q.kind == Template::claim_true_false || q.kind == Template::claim_verdict) continue;
      const auto asked = telling_words(q.prompt);
      for (const auto& word : telling_words(q.options[q.answer])) {
        if (!asked.count(word)) continue;
        // Shared with the question: fair only when a wrong option has it too.
        bool in_wrong = false;
        for (std::size_t i = 0; i < q.options.size(); ++i) {
          if (i != q.answer && telling_words(q.options[i]).count(word)) in_wrong = true;
        }
        INFO(q.prompt << " / " << q.options[q.answer] << " / " << word);
        CHECK(in_wrong);
      }
    }
  }
}

TEST_CASE("a Korean quiz asks, offers and explains in Korean") {
  struct InKorean {
    InKorean() { util::set_language(util::Language::ko); }
    ~InKorean() { util::set_language(util::Language::en); }
  } korean;
  // Three lower-case Latin letters in a row: an English word (an acronym such as DMZ is
  // written in Korean text too). term_korean asks about the English term, so its question
  // and explanation hold it, but its options are Korean words.
  const auto english = [](std::string_view text) {
    std::size_t run = 0;
    for (const char c : text) {
      run = c >= 'a' && c <= 'z' ? run + 1 : 0;
      if (run >= 3) return true;
    }
    return false;
  };
  std::set<Template> seen;
  for (std::uint64_t seed = 0; seed < 200; ++seed) {
    for (const auto& q : commands::make_quiz(facts(), std::nullopt, 14, seed * 7919 + 3)) {
      seen.insert(q.kind);
      INFO(commands::template_name(q.kind) << ": " << q.prompt << " / " << q.explanation);
      if (q.kind != Template::term_korean) {
        CHECK_FALSE(english(q.prompt));
        CHECK_FALSE(english(q.explanation));
      }
      for (const auto& option : q.options) {
        INFO(option);
        CHECK_FALSE(english(option));
      }
    }
  }
  CHECK(seen.size() == std::size(commands::k_templates));
}

TEST_CASE("the same seed draws the same quiz in English and in Korean") {
  // A teacher with a bilingual class hands out both: the same questions in the same order,
  // the same options in the same order, the same right letter.
  const auto draw = [](util::Language language, std::size_t count, std::uint64_t seed) {
    util::set_language(language);
    auto quiz = commands::make_quiz(facts(), std::nullopt, count, seed);
    util::set_language(util::Language::en);
    return quiz;
  };
  for (const std::size_t count : {std::size_t{5}, std::size_t{14}}) {
    for (std::uint64_t seed = 1; seed <= 200; ++seed) {
      const auto en = draw(util::Language::en, count, seed);
      const auto ko = draw(util::Language::ko, count, seed);
      INFO("seed " << seed << ", " << count << " questions");
      REQUIRE(en.size() == ko.size());
      for (std::size_t i = 0; i < en.size(); ++i) {
        INFO(en[i].prompt << " / " << ko[i].prompt);
        CHECK(en[i].kind == ko[i].kind);
        CHECK(en[i].record == ko[i].record);
        CHECK(en[i].answer == ko[i].answer);
        CHECK(en[i].options.size() == ko[i].options.size());
        CHECK(en[i].values == ko[i].values);
        CHECK(en[i].sources == ko[i].sources);
      }
    }
  }
  // Options that are the same text in both languages come in the same order: the term
  // questions' Korean words, and the numbers.
  for (std::uint64_t seed = 1; seed <= 200; ++seed) {
    const auto en = draw(util::Language::en, 14, seed);
    const auto ko = draw(util::Language::ko, 14, seed);
    for (std::size_t i = 0; i < en.size(); ++i) {
      if (en[i].kind == Template::term_korean) CHECK(en[i].options == ko[i].options);
    }
  }
}

TEST_CASE("the number of distinct questions is the same in either display language") {
  // A question is asked only if it gives its answer away in neither language, so the
  // count the documentation reports holds for both.
  const std::size_t english = commands::quiz_capacity(facts(), std::nullopt);
  util::set_language(util::Language::ko);
  const std::size_t korean = commands::quiz_capacity(facts(), std::nullopt);
  util::set_language(util::Language::en);
  CHECK(english == korean);
}

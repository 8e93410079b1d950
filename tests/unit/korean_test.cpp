// Korean: the choice of language, the catalogue, the `ko.` twins of records (loading,
// display, search weight) and the checks of their numerals.
#include <catch2/catch.hpp>

#include "cli/settings.hpp"
#include "load/review.hpp"
#include "load/toml_loader.hpp"
#include "model/localized.hpp"
#include "model/stamp.hpp"
#include "render/text.hpp"
#include "util/i18n.hpp"

using namespace nkfacts;
using util::Language;

namespace {

// Sets the display language for one test and puts English back after it.
struct InLanguage {
  explicit InLanguage(Language language) { util::set_language(language); }
  ~InLanguage() { util::set_language(Language::en); }
  InLanguage(const InLanguage&) = delete;
  InLanguage& operator=(const InLanguage&) = delete;
};

std::vector<std::string> messages(const std::vector<model::Diagnostic>& diagnostics) {
  std::vector<std::string> out;
  for (const auto& d : diagnostics)
    out.push_back(d.message + (d.hint.empty() ? "" : " | " + d.hint));
  return out;
}

constexpr const char* k_route = R"(
[[route]]
id = "r"
name = "Across the river"
summary = "Taken by 1,234 people in 2019."
path = ["North Korea", "China"]
crossing = "Swimming"
sources = ["ref"]
ko.name = "강을 건너"
ko.summary = "2019년에 1,234명이 택했다."
ko.path = ["북한", "중국"]
)";

}  // namespace

TEST_CASE("--lang, then LC_ALL, LC_MESSAGES and LANG choose the language") {
  using cli::decide_language;
  cli::Environment environment;
  CHECK(decide_language(std::nullopt, environment) == Language::en);
  environment.lang = "ko_KR.UTF-8";
  CHECK(decide_language(std::nullopt, environment) == Language::ko);
  CHECK(decide_language(std::string_view("en"), environment) == Language::en);
  environment.lc_messages = "C";
  CHECK(decide_language(std::nullopt, environment) == Language::en);
  environment.lc_all = "ko";
  CHECK(decide_language(std::nullopt, environment) == Language::ko);
  environment.lc_all = "";  // empty: not set
  CHECK(decide_language(std::nullopt, environment) == Language::en);
  environment.lc_messages = "ko_KR";
  CHECK(decide_language(std::nullopt, environment) == Language::ko);
  environment.lc_messages = "POSIX";
  CHECK(decide_language(std::nullopt, environment) == Language::en);
}

TEST_CASE("tr finds a message in the compiled catalogue, else gives the English") {
  CHECK(util::tr("Sources") == "Sources");
  const InLanguage korean(Language::ko);
  CHECK(util::tr("Sources") == "출처");
  CHECK(util::tr("Headline figures") == "주요 수치");
  CHECK(util::tr("a message nobody translated") == "a message nobody translated");
  CHECK(util::tr("") == "");
}

TEST_CASE("a record's Korean twins load through the schema and show in Korean") {
  const auto result = load::load_text(k_route, "t.toml");
  REQUIRE(result.diagnostics.empty());
  const auto& route = result.facts.routes[0];
  CHECK(route.ko_name == "강을 건너");
  CHECK(route.ko_path.size() == 2);
  CHECK(model::localized(route, &model::Route::summary) == "Taken by 1,234 people in 2019.");
  CHECK(model::name_of(route) == "Across the river");
  const InLanguage korean(Language::ko);
  CHECK(model::localized(route, &model::Route::summary) == "2019년에 1,234명이 택했다.");
  CHECK(model::localized(route, &model::Route::path)[1] == "중국");
  CHECK(model::name_of(route) == "강을 건너");
  // No twin: the English text.
  CHECK(model::localized(route, &model::Route::crossing) == "Swimming");
}

TEST_CASE("twins are searched with the weight of their English field") {
  bool found = false;
  for (const auto& field : model::Schema<model::Route>::fields) {
    if (field.key == "ko.name") {
      found = true;
      CHECK(field.search == model::SearchWeight::name);
      CHECK(field.translates == "name");
    }
  }
  CHECK(found);
}

TEST_CASE("an unknown ko key and a list of another length are errors") {
  std::string text = k_route;
  text += "ko.titel = \"x\"\n";
  auto result = load::load_text(text, "t.toml");
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(result.diagnostics[0].message == "unknown key 'ko.titel' in route");
  CHECK(result.diagnostics[0].hint.find("ko.summary") != std::string::npos);

  std::string longer = k_route;
  longer.replace(longer.find("[\"북한\", \"중국\"]"), std::string("[\"북한\", \"중국\"]").size(),
                 "[\"북한\"]");
  result = load::load_text(longer, "t.toml");
  CHECK(messages(result.diagnostics) ==
        std::vector<std::string>{"'ko.path' has 1 item(s) but 'path' has 2 | give the Korean "
                                 "text of each English item, in the same order"});
}

TEST_CASE("numerals are compared as check and the translators' checker count them") {
  using load::digit_numerals;
  CHECK(digit_numerals("34,537 people, 72.2%, in 2011") ==
        std::vector<std::string>{"34537", "72.2", "2011"});
  CHECK(digit_numerals("the mid-1990s") == std::vector<std::string>{"1990"});
  CHECK(digit_numerals("제3국, B2, 1999–2001년") == std::vector<std::string>{"3", "1999", "2001"});
  CHECK(digit_numerals("코로나19") == std::vector<std::string>{"19"});
}

TEST_CASE("numbers are compared by value, written the Korean way") {
  using load::number_differences;
  CHECK(number_differences("between 2 million and 3.5 million died", "200만~350만 명이 숨졌다")
            .empty());
  CHECK(number_differences("15 million won", "1,500만 원").empty());
  CHECK(number_differences("34,537 people, 72.2%", "34,537명, 72.2%").empty());
  CHECK(number_differences("seven years in a third country", "제3국에서 7년").empty());
  CHECK(number_differences("on 13 September 2011", "2011년 9월 13일").empty());
  CHECK(number_differences("on 2020-12-05", "2020년 12월 5일").empty());
  // Read without strtod up to 15 digits, and exactly as strtod reads them: 0.1 is the
  // double nearest a tenth, 0.3 is not 0.1 + 0.2, and longer numerals go through strtod.
  CHECK(number_differences("0.1, 2.675 and 1,234,567.891", "0.1, 2.675, 1234567.891").empty());
  CHECK(number_differences("123456789012345678 and 0.30", "123,456,789,012,345,678와 0.3").empty());
  CHECK(number_differences("Two and TWELVE", "2와 12").empty());
  CHECK(number_differences("7.5 million", "750만").empty());
  CHECK(number_differences("3 billion", "30억").empty());
  CHECK(number_differences("2 thousand", "2천").empty());
  CHECK(number_differences("200", "2백").size() == 2);  // 백 alone is no scale
  CHECK(number_differences("12 million won", "1,300만 원") ==
        std::vector<std::string>{"the numeral 12 of the English text is missing",
                                 "the numeral 1300 is not in the English text"});
  CHECK(number_differences("nine people", "9명, 13명") ==
        std::vector<std::string>{"the numeral 13 is not in the English text"});
}

TEST_CASE("check warns about a missing twin and about numerals that differ") {
  const auto result = load::load_text(R"(
[[event]]
id = "e"
ko.stamp = "43aeaef9"
date = 2011-09-13
title = "Arrived on 13 September 2011"
summary = "Nine people, 72.2% of them women, in the mid-1990s."
sources = ["ref"]
note = "A note."
ko.title = "2011년 9월 13일 도착"
ko.summary = "9명, 그중 72.3%가 여성, 1990년대 중반."
)",
                                      "t.toml");
  REQUIRE(result.diagnostics.empty());
  CHECK(messages(load::review_translations(result.facts, 1, 1)) ==
        std::vector<std::string>{
            "event \"e\": ko.summary: the numeral 72.2 of the English text is missing",
            "event \"e\": ko.summary: the numeral 72.3 is not in the English text",
            "event \"e\" has no Korean text for ko.note"});
}

TEST_CASE("a file without any Korean is not asked for it, unless it is embedded") {
  const auto result = load::load_text(R"(
[[event]]
id = "e"
date = 2011
title = "A title"
summary = "A summary."
sources = ["ref"]
)",
                                      "t.toml");
  CHECK(load::review_translations(result.facts, 1, 1).empty());
  CHECK(messages(load::review_translations(result.facts, 1, 2)) ==
        std::vector<std::string>{
            "none of the 1 records of this file has Korean text (ko.name, ko.summary...)"});
}

TEST_CASE("Korean counts, dates and periods") {
  const InLanguage korean(Language::ko);
  CHECK(render::format_quantity({34537.0, 34537.0}, "people", true) == "34,537명");
  CHECK(render::format_quantity({72.2, 72.2}, "percent", true) == "72.2%");
  CHECK(render::format_quantity({std::nullopt, 300.0}, "people", true) == "300명 이하");
  CHECK(model::display_date({2025, 12, 31}) == "2025년 12월 31일");
  CHECK(model::display_date({2025, 12, 0}) == "2025년 12월");
  CHECK(model::display_period({1999, 2001}) == "1999–2001년");
  CHECK(model::display_period({std::nullopt, 1998}) == "1998년까지");
}

TEST_CASE("FNV-1a, 64 bits, gives the published values") {
  CHECK(model::fnv1a_64("") == 0xcbf29ce484222325u);
  CHECK(model::fnv1a_64("a") == 0xaf63dc4c8601ec8cu);
  CHECK(model::fnv1a_64("foobar") == 0x85944171f73967e8u);
  CHECK(model::fnv1a_64("bar", model::fnv1a_64("foo")) == model::fnv1a_64("foobar"));
}

namespace {

// The stamp of the one route of `text`.
std::string route_stamp(const std::string& text) {
  const auto result = load::load_text(text, "t.toml");
  REQUIRE(result.diagnostics.empty());
  REQUIRE(result.facts.routes.size() == 1);
  return model::english_stamp(result.facts, model::RecordRef{model::Kind::route, 0});
}

std::string replaced(std::string text, std::string_view from, std::string_view to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("the stamp is a hash of the English fields that have a Korean twin") {
  const std::string route = k_route;
  // name, summary, path (item by item), crossing, note: each field ends in 0xFF, each item
  // of a list in 0xFE.
  CHECK(route_stamp(route) == "a40ea347");
  CHECK(model::is_stamp(route_stamp(route)));
  // Any English field that has a twin changes it, an item of a list included.
  CHECK(route_stamp(replaced(route, "Taken by 1,234", "Taken by 1,235")) != "a40ea347");
  CHECK(route_stamp(replaced(route, "\"China\"]", "\"Chin\"]")) != "a40ea347");
  CHECK(route_stamp(replaced(route, "crossing = \"Swimming\"",
                             "crossing = \"Swimming\"\nnote = "
                             "\"N\"")) != "a40ea347");
  // Moving text from one item to the next does too: the separators are hashed with it.
  CHECK(route_stamp(replaced(route, "[\"North Korea\", \"China\"]",
                             "[\"North Kore\", \"aChina\"]")) != "a40ea347");
  // The Korean, the sources, the aliases and the stamp itself do not.
  CHECK(route_stamp(replaced(route, "ko.name = \"강을 건너\"", "ko.name = \"강 건너\"")) ==
        "a40ea347");
  CHECK(route_stamp(replaced(route, "sources = [\"ref\"]", "sources = [\"other\"]")) == "a40ea347");
  CHECK(route_stamp(replaced(route, "id = \"r\"", "id = \"r\"\nko.stamp = \"00000000\"")) ==
        "a40ea347");
}

TEST_CASE("check warns about Korean without a stamp, and about a stamp of earlier English") {
  const std::string fresh = replaced(k_route, "id = \"r\"", "id = \"r\"\nko.stamp = \"a40ea347\"");
  const auto reviewed = [](const std::string& text) {
    const auto result = load::load_text(text, "t.toml");
    REQUIRE(result.diagnostics.empty());
    std::vector<model::Diagnostic> stamps;
    for (const auto& d : load::review_translations(result.facts, 1, 1)) {
      if (d.message.find("ko.stamp") != std::string::npos) stamps.push_back(d);
    }
    return stamps;
  };
  CHECK(reviewed(fresh).empty());

  const auto stale = reviewed(replaced(fresh, "Taken by 1,234 people in 2019.",
                                       "Taken by 1,234 people in 2019, most of them women."));
  REQUIRE(stale.size() == 1);
  CHECK(stale[0].line == 4);  // the ko.stamp line
  CHECK(messages(stale) ==
        std::vector<std::string>{
            "the Korean of route \"r\" was written for an earlier English text: review ko.name, "
            "ko.summary, ko.path, ko.crossing, then update ko.stamp | the English text's stamp "
            "is now ko.stamp = \"ba76c3e1\"; scripts/ko-stamp FILE writes it"});

  const auto missing = reviewed(k_route);
  REQUIRE(missing.size() == 1);
  CHECK(missing[0].line == 3);  // the id line
  CHECK(messages(missing) ==
        std::vector<std::string>{
            "route \"r\" has Korean text but no ko.stamp: review ko.name, ko.summary, ko.path, "
            "ko.crossing against the English, then add ko.stamp after its id | the English "
            "text's stamp is now ko.stamp = \"a40ea347\"; scripts/ko-stamp FILE writes it"});
}

TEST_CASE("a ko.stamp must have the form of a stamp") {
  const auto result = load::load_text(
      replaced(k_route, "id = \"r\"", "id = \"r\"\nko.stamp = \"5F3A9C1E\""), "t.toml");
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(result.diagnostics[0].line == 4);
  CHECK(result.diagnostics[0].message ==
        "'ko.stamp' must be 8 hex digits in lower case, like \"5f3a9c1e\"");
}

#include "load/toml_loader.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

#include "load/sources.hpp"
#include "keep.hpp"

using namespace nkfacts;

namespace {

constexpr const char* k_reference = R"(
[[reference]]
id = "ref-a"
kind = "news"
title = "A title"
publisher = "A paper"
published = 2020-07-04
)";

std::vector<std::string> messages(const load::LoadResult& result) {
  std::vector<std::string> out;
  for (const auto& d : result.diagnostics) out.push_back(d.message);
  return out;
}

// Loads `text`, then checks its links on their own, as a single source would be.
load::LoadResult load_checked(const std::string& text) {
  auto result = load::load_text(text, "t.toml");
  auto problems = load::check_links(result.facts, result.links);
  result.diagnostics.insert(result.diagnostics.end(), problems.begin(), problems.end());
  return result;
}

}  // namespace

TEST_CASE("a valid file loads every kind of record") {
  const auto result = load_checked(std::string(k_reference) + R"(
[[figure]]
id = "fig"
label = "A figure"
summary = "About it."
value = 34537
unit = "people"
as_of = 2025-12-31
sources = ["ref-a"]

[[figure]]
id = "range"
label = "An estimate"
summary = "About it."
low = 100000
high = 300000
unit = "people"
as_of = 2003
sources = ["ref-a"]

[[series]]
id = "s"
name = "Series"
summary = "About it."
unit = "people"
columns = ["men", "women"]
share = "women"
sources = ["ref-a"]
[[series.point]]
to = 1998
men = 831
women = 116
[[series.point]]
from = 1999
to = 2001
men = 565
women = 478

[[danger]]
id = "d"
name = "Danger"
where = "Somewhere"
summary = "About it."
sources = ["ref-a"]

[[route]]
id = "r"
name = "Route"
summary = "About it."
path = ["North Korea", "China"]
crossing = "By river"
dangers = ["d"]
sources = ["ref-a"]

[[event]]
id = "e"
date = "2007-02"
title = "Event"
summary = "About it."
sources = ["ref-a"]
)");
  CHECK(result.diagnostics.empty());
  const auto& facts = result.facts;
  REQUIRE(facts.figures.size() == 2);
  CHECK(facts.figures[0].value.is_point());
  CHECK(*facts.figures[0].value.low == 34537);
  CHECK(facts.figures[0].as_of == model::Date{2025, 12, 31});
  CHECK_FALSE(facts.figures[1].value.is_point());
  CHECK(*facts.figures[1].value.high == 300000);
  CHECK(facts.figures[1].as_of == model::Date{2003, 0, 0});
  REQUIRE(facts.series.size() == 1);
  REQUIRE(facts.series[0].points.size() == 2);
  CHECK_FALSE(facts.series[0].points[0].period.from.has_value());
  CHECK(model::period_label(facts.series[0].points[0].period) == "up to 1998");
  CHECK(model::period_label(facts.series[0].points[1].period) == "1999\u20132001");
  CHECK(facts.series[0].points[1].total() == 1043);
  CHECK(test::strings(facts.routes[0].dangers) == std::vector<std::string>{"d"});
  CHECK(facts.events[0].date == model::Date{2007, 2, 0});
  CHECK(facts.references[0].published == model::Date{2020, 7, 4});
  CHECK(facts.record_count() == 7);
  CHECK(facts.find("r")->kind == model::Kind::route);
}

TEST_CASE("a figure citing an unknown reference points at that id") {
  const auto result = load_checked(R"(
[[figure]]
id = "arrivals-2023"
label = "x"
summary = "x"
value = 1
unit = "people"
as_of = 2023
sources = ["no-such-ref"]
)");
  REQUIRE(result.diagnostics.size() == 1);
  const auto& d = result.diagnostics.front();
  CHECK(d.path == "t.toml");
  CHECK(d.line == 9);
  CHECK(d.column == 12);  // the id inside the array, not the key
  CHECK(d.message == R"(unknown reference "no-such-ref")");
}

TEST_CASE("a link to a record of the wrong kind says which kind it is") {
  const auto result = load_checked(std::string(k_reference) + R"(
[[danger]]
id = "d"
name = "x"
where = "x"
summary = "x"
sources = ["ref-a"]
[[route]]
id = "r"
name = "x"
summary = "x"
path = ["a", "b"]
crossing = "x"
dangers = ["ref-a"]
sources = ["d"]
)");
  CHECK(messages(result) == std::vector<std::string>{
                                R"("ref-a" is a reference, not a danger)",
                                R"("d" is a danger, not a reference)"});
}

TEST_CASE("TOML syntax errors carry the parser's position") {
  const auto result = load::load_text("[[figure]]\nid = \"x\nlabel = 1\n", "bad.toml");
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(result.diagnostics[0].line == 2);
  CHECK(result.diagnostics[0].column > 0);
  CHECK(result.has_errors());
  CHECK(result.facts.record_count() == 0);
}

TEST_CASE("an unknown key is an error that suggests the closest known key") {
  const auto result = load::load_text(std::string(k_reference) + "titel = \"x\"\n", "t.toml");
  REQUIRE(result.diagnostics.size() == 1);
  const auto& d = result.diagnostics[0];
  CHECK(d.message == "unknown key 'titel' in reference");
  CHECK(d.line == 8);
  CHECK(d.column == 1);
  CHECK(d.hint.rfind("did you mean 'title'?", 0) == 0);
}

TEST_CASE("an unknown kind of record is an error") {
  const auto result = load::load_text("[[figures]]\nid = \"x\"\n", "t.toml");
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(result.diagnostics[0].message == "unknown kind 'figures'");
  CHECK(result.diagnostics[0].hint == "did you mean [[figure]]?");
}

TEST_CASE("wrong types name the expected and the actual type") {
  const auto result = load::load_text(R"(
[[figure]]
id = "f"
label = 3
summary = "x"
value = "many"
unit = "people"
as_of = 2023
sources = "ref"
)", "t.toml");
  CHECK(messages(result) == std::vector<std::string>{
                                "'label' must be a string, not an integer",
                                "'value' must be a number, not a string",
                                "'sources' must be an array of strings, not a string"});
}

// A value of the wrong type is one mistake: it is not also reported as missing.
TEST_CASE("a value of the wrong type is not also reported as missing") {
  const auto result = load::load_text(R"(
[[figure]]
id = "f"
label = "l"
summary = "x"
value = "12"
unit = "people"
as_of = 2023
sources = ["ref"]
)", "t.toml");
  CHECK(messages(result) == std::vector<std::string>{"'value' must be a number, not a string"});
}

// A misspelt required key is one mistake: the unknown key, with the right one as its hint.
TEST_CASE("a misspelt required key is reported once, as an unknown key") {
  const auto result = load::load_text(R"(
[[event]]
id = "e"
date = 2020
titel = "t"
summary = "x"
sources = ["ref"]
)", "t.toml");
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(result.diagnostics[0].message == "unknown key 'titel' in event");
  CHECK(result.diagnostics[0].hint.starts_with("did you mean 'title'?"));
  CHECK(result.diagnostics[0].line == 5);
}

// A date after today is an error when loading, as in `check`, at the date itself.
TEST_CASE("a date in the future is an error at the date") {
  const auto result = load::load_text(R"(
[[fact]]
id = "f"
label = "l"
summary = "x"
as_of = 2999-01-01
sources = ["ref"]
)", "t.toml");
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(result.diagnostics[0].message == "'as_of' is in the future: 2999-01-01");
  CHECK(result.diagnostics[0].line == 6);
  CHECK(result.diagnostics[0].column == 9);
}

TEST_CASE("a missing required key is reported at the record") {
  const auto result = load::load_text("\n[[danger]]\nid = \"d\"\nname = \"x\"\nsummary = \"x\"\n"
                                      "sources = [\"r\"]\n",
                                      "t.toml");
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(result.diagnostics[0].message == "danger is missing the required key 'where'");
  CHECK(result.diagnostics[0].line == 2);
}

TEST_CASE("ids must be lower-case kebab-case") {
  for (const char* id : {"Upper", "with space", "double--hyphen", "-lead", "trail-", "under_score"}) {
    const auto result = load::load_text(
        std::string("[[reference]]\nid = \"") + id +
            "\"\nkind = \"book\"\ntitle = \"t\"\npublisher = \"p\"\n",
        "t.toml");
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(result.diagnostics[0].message.find("is not lower-case kebab-case") != std::string::npos);
  }
}

TEST_CASE("a duplicate id names both places") {
  const auto result = load::load_text(std::string(k_reference) + k_reference, "t.toml");
  REQUIRE(result.diagnostics.size() == 1);
  const auto& d = result.diagnostics[0];
  CHECK(d.message == R"(duplicate id "ref-a")");
  CHECK(d.line == 10);
  CHECK(d.column == 6);
  CHECK(d.hint == "the first definition is at t.toml:3:6; ids must be unique within one source");
}

TEST_CASE("a range whose low is above its high is an error") {
  const auto result = load::load_text(R"(
[[figure]]
id = "f"
label = "x"
summary = "x"
low = 300
high = 100
unit = "people"
as_of = 2003
sources = ["r"]
)", "t.toml");
  CHECK(messages(result) == std::vector<std::string>{"'low' (300) is above 'high' (100)"});
}

TEST_CASE("impossible dates are errors with a hint") {
  const auto result = load::load_text(R"(
[[event]]
id = "e"
date = "2023-02-30"
title = "x"
summary = "x"
sources = ["r"]
)", "t.toml");
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(result.diagnostics[0].message == "'date' is not a valid date: \"2023-02-30\"");
  CHECK(result.diagnostics[0].line == 4);
  CHECK(result.diagnostics[0].column == 8);
}

TEST_CASE("series periods may not overlap") {
  const auto result = load::load_text(R"(
[[series]]
id = "s"
name = "x"
summary = "x"
unit = "people"
columns = ["men"]
sources = ["r"]
[[series.point]]
from = 1999
to = 2001
men = 1
[[series.point]]
year = 2000
men = 2
)", "t.toml");
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(result.diagnostics[0].message == "period 2000 overlaps period 1999\u20132001");
  CHECK(result.diagnostics[0].line == 13);
}

TEST_CASE("a series point needs a value for every column") {
  const auto result = load::load_text(R"(
[[series]]
id = "s"
name = "x"
summary = "x"
unit = "people"
columns = ["men", "women"]
sources = ["r"]
[[series.point]]
year = 2000
men = 2
)", "t.toml");
  CHECK(messages(result) ==
        std::vector<std::string>{"series point is missing the required key 'women'"});
}

// The reader finds keys in a flat copy of a table of up to 16 keys and searches larger
// ones as a tree; it skips the search for unknown keys when every key was asked for.
TEST_CASE("an unknown key is found in a table of any size, beside repeated columns") {
  std::string columns;
  std::string values;
  for (int c = 0; c < 20; ++c) {
    columns += (c ? ", \"c" : "\"c") + std::string(1, static_cast<char>('a' + c)) + "\"";
    values += "c" + std::string(1, static_cast<char>('a' + c)) + " = 1\n";
  }
  const std::string head = "[[series]]\nid = \"s\"\nname = \"x\"\nsummary = \"x\"\n"
                           "unit = \"people\"\nsources = [\"r\"]\n";
  SECTION("a point of 23 keys") {
    const auto result = load::load_text(
        head + "columns = [" + columns + "]\n[[series.point]]\nyear = 2000\n" + values +
            "extra = 1\n",
        "t.toml");
    CHECK(messages(result) == std::vector<std::string>{"unknown key 'extra' in series point"});
    REQUIRE(result.facts.series.size() == 1);
    CHECK(result.facts.series[0].points[0].values.size() == 20);
  }
  SECTION("a column named twice and one taken by the point itself") {
    const auto result = load::load_text(
        head + "columns = [\"men\", \"men\", \"note\"]\n[[series.point]]\nyear = 2000\n"
               "men = 1\nnote = \"n\"\nextra = 1\n",
        "t.toml");
    CHECK(messages(result) ==
          std::vector<std::string>{"column \"men\" is named twice",
                                   "column name \"note\" is taken by the series itself; the "
                                   "reserved names are year, from, to, sources, note, series, "
                                   "period, total and ko",
                                   "unknown key 'extra' in series point"});
  }
}

// toml++ 3.3 checks these with TOML_ASSERT_ASSUME, which aborts a debug build (this test
// runs in one under the sanitizers) unless src/load/toml_impl.cpp turns it off.
TEST_CASE("input that breaks toml++'s expectations is a parse error (fuzz findings)") {
  auto result = load::load_text("[[~figure]]\n", "t.toml");
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(result.diagnostics[0].line == 1);
  CHECK(result.diagnostics[0].column == 3);
  CHECK(result.diagnostics[0].message.find("saw '~'") != std::string::npos);
  result = load::load_text("x = [ [[[}}\n", "t.toml");
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(result.diagnostics[0].message == "error while parsing value: could not determine value type");
}

TEST_CASE("invalid UTF-8 is reported at its line and column") {
  const auto result = load::load_text("# ok\n# caf\xc3\xa9 \xff\n", "t.toml");
  REQUIRE(result.diagnostics.size() == 1);
  const auto& d = result.diagnostics[0];
  CHECK(d.message == "invalid UTF-8 (byte 0xff)");
  CHECK(d.line == 2);
  CHECK(d.column == 8);
}

TEST_CASE("missing dates that readers rely on are warnings, not errors") {
  const auto result = load::load_text(R"(
[[reference]]
id = "w"
kind = "web"
title = "t"
publisher = "p"
[[figure]]
id = "f"
label = "x"
summary = "x"
value = 1
unit = "people"
sources = ["w"]
)", "t.toml");
  CHECK_FALSE(result.has_errors());
  auto found = messages(result);
  std::sort(found.begin(), found.end());  // kinds are read in key order, not file order
  CHECK(found == std::vector<std::string>{"figure \"f\" has no 'as_of' date",
                                          "web reference \"w\" has no 'retrieved' date"});
}

TEST_CASE("control characters in quoted source lines are escaped") {
  const auto result = load::load_text("[[figure]]\nid = \"\\u001b[31m\" oops\n", "t.toml");
  REQUIRE_FALSE(result.diagnostics.empty());
  CHECK(result.diagnostics[0].source_line.find('\x1b') == std::string::npos);
}

TEST_CASE("a BOM and CRLF line ends are accepted") {
  const auto result = load::load_text(
      "\xef\xbb\xbf[[reference]]\r\nid = \"r\"\r\nkind = \"book\"\r\ntitle = \"t\"\r\n"
      "publisher = \"p\"\r\n",
      "t.toml");
  CHECK(result.diagnostics.empty());
  CHECK(result.facts.references.size() == 1);
}

TEST_CASE("an empty file is valid and holds no records") {
  const auto result = load::load_text("", "empty.toml");
  CHECK(result.diagnostics.empty());
  CHECK(result.facts.record_count() == 0);
}

TEST_CASE("a fact is a dated, sourced statement that is not a number") {
  const auto result = load_checked(std::string(k_reference) + R"(
[[fact]]
id = "citizenship"
label = "South Korea treats North Koreans as citizens"
summary = "Its law counts people from the North as its own nationals."
as_of = 2014
sources = ["ref-a"]
note = "A note."
)");
  CHECK(result.diagnostics.empty());
  REQUIRE(result.facts.facts.size() == 1);
  const auto& fact = result.facts.facts[0];
  CHECK(fact.label == "South Korea treats North Koreans as citizens");
  CHECK(fact.as_of == model::Date{2014, 0, 0});
  CHECK(result.facts.find("citizenship")->kind == model::Kind::fact);
  CHECK(result.facts.name_of(*result.facts.find("citizenship")) == fact.label);
}

TEST_CASE("a duplicate id is reported where it comes second in the file") {
  // Records are read kind by kind: the danger is read first, the figure is higher up.
  const auto result = load::load_text(
      "[[figure]]\nid = \"same\"\n\n[[danger]]\nid = \"same\"\n", "t.toml");
  const auto it = std::find_if(result.diagnostics.begin(), result.diagnostics.end(),
                               [](const auto& d) { return d.message == "duplicate id \"same\""; });
  REQUIRE(it != result.diagnostics.end());
  CHECK(it->line == 5);
  CHECK(it->hint.find("t.toml:2:6") != std::string::npos);
}

#include "query/search.hpp"

#include <catch2/catch.hpp>

#include "load/toml_loader.hpp"
#include "query/terms.hpp"

using namespace nkfacts;

namespace {

const model::FactBase& fixture() {
  static const model::FactBase facts = load::load_text(R"(
[[reference]]
id = "ref"
kind = "book"
title = "탈북민 정착 보고서"
publisher = "Publisher"
[[danger]]
id = "river"
name = "The Tumen River"
where = "Border"
summary = "Cold water in winter."
sources = ["ref"]
[[danger]]
id = "guards"
name = "Guards"
where = "Border"
summary = "Guards patrol the Tumen and the Yalu; the tumen freezes."
sources = ["ref"]
[[event]]
id = "cafe"
date = 2020
title = "Straße CAFÉ"
summary = "Something."
sources = ["ref"]
[[event]]
id = "thousands"
date = 2021
title = "Thousands of soldiers"
summary = "Three generations of a family were punished. A family of three was not."
sources = ["ref"]
[[event]]
id = "escapes"
date = 2022
title = "Escapes"
summary = "People escaping by sea were executed."
sources = ["ref"]
)",
                                                       "t.toml")
                                           .facts;
  return facts;
}

std::vector<std::string> ids(std::string_view query,
                             std::optional<model::Kind> kind = std::nullopt) {
  std::vector<std::string> out;
  for (const auto& hit : query::search(fixture(), query, kind).hits)
    out.emplace_back(fixture().id_of(hit.ref));
  return out;
}

using List = std::vector<std::string>;

}  // namespace

TEST_CASE("a word in a name ranks above the same word in a summary") {
  CHECK(ids("tumen") == List{"river", "guards"});
}

TEST_CASE("a record matching more of the words ranks above one matching fewer") {
  // Not every word must match: 'river' has only Tumen, 'guards' has both.
  CHECK(ids("tumen yalu") == List{"guards", "river"});
  CHECK(ids("tumen nowhere") == List{"river", "guards"});
  CHECK(ids("nowhere").empty());
}

TEST_CASE("letters inside another word do not match") {
  CHECK(ids("usa").empty());
  CHECK(ids("sold").empty());
  CHECK(ids("soldier") == List{"thousands"});
}

TEST_CASE("words match by their stems") {
  CHECK(ids("escape") == List{"escapes"});
  CHECK(ids("execution") == List{"escapes"});
  CHECK(ids("soldier's") == List{"thousands"});
  CHECK(query::term_of("escaping") == query::term_of("escaped"));
  CHECK(query::term_of("refugees") == query::term_of("refugee"));
  CHECK(query::term_of("executions") == query::term_of("executed"));
  CHECK(query::term_of("countries") == query::term_of("country"));
  CHECK(query::term_of("usa") == "usa");
  CHECK(query::term_of("탈북민의") == "탈북민");
}

TEST_CASE("question words need not match") {
  CHECK(ids("what is the tumen") == List{"river", "guards"});
  CHECK(query::is_stop_word("how"));
  CHECK_FALSE(query::is_stop_word("tumen"));
  // A query of nothing else still searches for them.
  CHECK(query::parse_query("the").clauses.size() == 1);
}

TEST_CASE("quoted words match as a phrase") {
  CHECK(ids("\"three generations\"") == List{"thousands"});
  CHECK(ids("\u201Cfamily of three\u201D") == List{"thousands"});
  CHECK(ids("\"generations three\"").empty());
  const auto query = query::parse_query("\"three generations\" punished");
  REQUIRE(query.clauses.size() == 2);
  CHECK(query.clauses[0].terms.size() == 2);
}

TEST_CASE("search folds case and accents and finds Hangul with or without particles") {
  CHECK(ids("TUMEN").size() == 2);
  CHECK(ids("café") == List{"cafe"});
  CHECK(ids("strasse") == List{"cafe"});
  CHECK(ids("탈북민") == List{"ref"});
  CHECK(ids("탈북민의") == List{"ref"});
  CHECK(ids("탈북") == List{"ref"});
}

TEST_CASE("search narrows by kind and marks the matched words in the shown text") {
  CHECK(ids("tumen", model::Kind::event).empty());
  const auto result = query::search(fixture(), "tumen", model::Kind::danger);
  REQUIRE(result.hits.size() == 2);
  const auto& hit = result.hits[1];
  CHECK(hit.field == "summary");
  REQUIRE(hit.spans.size() == 2);
  CHECK(hit.text.substr(hit.spans[0].first, hit.spans[0].second - hit.spans[0].first) == "Tumen");
  CHECK(hit.text.substr(hit.spans[1].first, 5) == "tumen");
  REQUIRE(hit.why.size() == 1);
  CHECK(hit.why[0].fields == std::vector<std::pair<std::string, std::size_t>>{{"summary", 2}});
}

TEST_CASE("a word in no record is reported, with the nearest words") {
  const auto result = query::search(fixture(), "tumen yallu");
  CHECK(result.unmatched == List{"yallu"});
  CHECK(query::suggest(fixture(), "yallu") == List{"yalu"});
  CHECK(query::suggest(fixture(), "Tumn") == List{"tumen"});
  CHECK(query::suggest(fixture(), "zzzzzz").empty());
}

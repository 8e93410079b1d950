#include "query/search.hpp"

#include <catch2/catch.hpp>

#include "load/toml_loader.hpp"

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
)", "t.toml").facts;
  return facts;
}

std::vector<std::string> ids(const std::vector<query::SearchHit>& hits) {
  std::vector<std::string> out;
  for (const auto& hit : hits) out.emplace_back(fixture().id_of(hit.ref));
  return out;
}

}  // namespace

TEST_CASE("a word in a name ranks above the same word in a summary") {
  // 'river' has Tumen once in its name (10); 'guards' twice in its summary (2).
  CHECK(ids(query::search(fixture(), {"tumen"})) == std::vector<std::string>{"river", "guards"});
}

TEST_CASE("every word must match") {
  CHECK(ids(query::search(fixture(), {"tumen", "yalu"})) == std::vector<std::string>{"guards"});
  CHECK(query::search(fixture(), {"tumen", "nowhere"}).empty());
}

TEST_CASE("search ignores case with Unicode folding and finds Hangul") {
  CHECK(ids(query::search(fixture(), {"TUMEN"})).size() == 2);
  CHECK(ids(query::search(fixture(), {"café"})) == std::vector<std::string>{"cafe"});
  CHECK(ids(query::search(fixture(), {"strasse"})) == std::vector<std::string>{"cafe"});
  CHECK(ids(query::search(fixture(), {"탈북민"})) == std::vector<std::string>{"ref"});
}

TEST_CASE("search narrows by kind and marks the matches in the shown text") {
  CHECK(ids(query::search(fixture(), {"tumen"}, model::Kind::event)).empty());
  const auto hits = query::search(fixture(), {"tumen"}, model::Kind::danger);
  REQUIRE(hits.size() == 2);
  CHECK(hits[1].field == "summary");
  REQUIRE(hits[1].spans.size() == 2);
  CHECK(hits[1].text.substr(hits[1].spans[0].first, 5) == "Tumen");
  CHECK(hits[1].text.substr(hits[1].spans[1].first, 5) == "tumen");
}

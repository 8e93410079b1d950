#include <catch2/catch.hpp>

#include "commands/commands.hpp"
#include "load/toml_loader.hpp"

using namespace nkfacts;

namespace {

const model::FactBase& fixture() {
  static const model::FactBase facts = load::load_text(R"(
[[reference]]
id = "ref"
kind = "book"
title = "A book"
publisher = "A publisher"
[[danger]]
id = "river"
name = "The river"
where = "The border"
summary = "Cold water."
sources = ["ref"]
[[route]]
id = "north"
name = "North route"
summary = "Goes north."
path = ["A", "B"]
crossing = "On foot"
dangers = ["river"]
sources = ["ref"]
[[route]]
id = "south"
name = "South route"
summary = "Goes south."
path = ["A", "C"]
crossing = "By boat"
sources = ["ref"]
[[series]]
id = "s"
name = "Arrivals"
summary = "Yearly."
unit = "people"
columns = ["men"]
sources = ["ref"]
[[series.point]]
year = 2019
men = 5
[[series.point]]
year = 2020
men = 7
)", "t.toml").facts;
  return facts;
}

commands::Context context() { return {fixture(), {80, false}, {0, false}}; }

}  // namespace

TEST_CASE("routes lists every route by id, with a path and sources") {
  auto ctx = context();
  CHECK(commands::run_routes({}, ctx) == 0);
  CHECK(ctx.out.find("North route [1]\n  Id        north\n  Path      A \u2192 B\n") == 0);
  CHECK(ctx.out.find("South route [1]") != std::string::npos);
  CHECK(ctx.out.find("\nSources\n  [1] \u201cA book.\u201d A publisher.\n") != std::string::npos);
  CHECK(ctx.err.empty());
}

TEST_CASE("an unknown route id suggests the closest ones and finds nothing") {
  auto ctx = context();
  CHECK(commands::run_routes({{"nort"}}, ctx) == 1);
  CHECK(ctx.out.empty());
  CHECK(ctx.err == "nkfacts: no route with id 'nort'\nhint: did you mean 'north'?\n");
}

TEST_CASE("an id of another kind is named as such") {
  auto ctx = context();
  CHECK(commands::run_routes({{"river"}}, ctx) == 1);
  CHECK(ctx.err == "nkfacts: 'river' is a danger, not a route\nhint: 'nkfacts show river' shows it\n");
}

TEST_CASE("stats filters periods by year and reports an empty selection") {
  auto ctx = context();
  CHECK(commands::run_stats({2020, {}, {}}, ctx) == 0);
  CHECK(ctx.out.find("2020      7      7") != std::string::npos);
  CHECK(ctx.out.find("2019 ") == std::string::npos);

  auto empty = context();
  CHECK(commands::run_stats({1990, {}, {}}, empty) == 1);
  CHECK(empty.out.empty());
  CHECK(empty.err.find("no period in the series falls in 1990") != std::string::npos);

  auto reversed = context();
  CHECK(commands::run_stats({{}, 2020, 2019}, reversed) == 2);
}

TEST_CASE("cite prints the references behind a record") {
  auto ctx = context();
  CHECK(commands::run_cite({{"north"}}, ctx) == 0);
  CHECK(ctx.out == "  [1] \u201cA book.\u201d A publisher.\n");
}

TEST_CASE("list prints id, kind and name separated by tabs, sorted by id") {
  auto ctx = context();
  CHECK(commands::run_list({"routes"}, ctx) == 0);
  CHECK(ctx.out == "north\troute\tNorth route\nsouth\troute\tSouth route\n");
  auto bad = context();
  CHECK(commands::run_list({"rivers"}, bad) == 2);
}

TEST_CASE("show needs an id and prints any record in full") {
  auto ctx = context();
  CHECK(commands::run_show({{"river"}}, ctx) == 0);
  CHECK(ctx.out.find("The river [1]\n") == 0);
  CHECK(ctx.out.find("Routes    North route") != std::string::npos);
  auto none = context();
  CHECK(commands::run_show({}, none) == 2);
}

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>

#include "load/embedded.hpp"
#include "load/sources.hpp"
#include "load/toml_loader.hpp"
#include "model/arena.hpp"
#include "model/fact_base.hpp"

using namespace nkfacts;

TEST_CASE("an arena keeps copies of text and lists, aligned, across many blocks") {
  model::Arena arena;
  CHECK(arena.keep(std::string_view()).empty());
  CHECK(arena.bytes_reserved() == 0);  // empty text takes no room

  std::string source = "hello";
  const auto kept = arena.keep(source);
  source[0] = 'j';  // the copy does not follow the original
  CHECK(kept == "hello");

  // Enough small values to fill several blocks; each stays intact and aligned.
  std::vector<std::string_view> texts;
  std::vector<std::span<const double>> numbers;
  for (int i = 0; i < 5000; ++i) {
    texts.push_back(arena.keep("text " + std::to_string(i)));
    const std::vector<double> values = {double(i), double(i) / 2};
    numbers.push_back(arena.keep(values));
  }
  for (int i = 0; i < 5000; ++i) {
    INFO(i);
    CHECK(texts[i] == "text " + std::to_string(i));
    REQUIRE(numbers[i].size() == 2);
    CHECK(reinterpret_cast<std::uintptr_t>(numbers[i].data()) % alignof(double) == 0);
    CHECK(numbers[i][1] == double(i) / 2);
  }

  // A value larger than a block gets a block of its own; small ones still follow on.
  const std::string big(3 << 20, 'x');
  const auto big_kept = arena.keep(big);
  const auto after = arena.keep(std::string_view("after"));
  CHECK(big_kept == big);
  CHECK(after == "after");
  CHECK(arena.bytes_reserved() >= big.size());
}

TEST_CASE("the embedded records are constant data until a user file changes them") {
  model::FactBase embedded = load::embedded_fact_base();
  REQUIRE(!embedded.figures.empty());
  const auto* first = &embedded.figures[0];
  const model::FactBase copy = embedded;
  CHECK(&copy.figures[0] == first);  // copying a base copies no record

  // A user file that replaces an embedded figure: the figures become a vector of their
  // own with the new record, and the other kinds still point at the constant data.
  const auto* first_route = &embedded.routes[0];
  load::LoadResult base;
  base.facts = std::move(embedded);
  std::string text = "[[figure]]\nid = \"" + std::string(first->id) +
                     "\"\nlabel = \"Replaced\"\nsummary = \"S.\"\nvalue = 1\nunit = \"people\"\n"
                     "as_of = 2025\nsources = [\"" + std::string(first->sources[0]) + "\"]\n";
  load::merge_layer(base, load::load_text(text, "user.toml"), true);
  text.assign(text.size(), '#');  // the loaded text may go: the records own copies
  const auto* replaced = base.facts.find(copy.figures[0].id);
  REQUIRE(replaced);
  CHECK(base.facts.figures[replaced->index].label == "Replaced");
  CHECK(base.facts.file_of(base.facts.figures[replaced->index].pos) == "user.toml");
  CHECK(&base.facts.routes[0] == first_route);
  CHECK(copy.figures[0].label != "Replaced");  // the copy taken earlier is unchanged
}

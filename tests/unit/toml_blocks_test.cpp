#include "load/toml_blocks.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "load/toml_loader.hpp"
#include "render/notes.hpp"
#include "render/text.hpp"

using namespace nkfacts;

namespace {

constexpr std::string_view k_kinds[] = {"reference", "figure", "series", "route",
                                        "danger",    "event",  "fact"};

// The text of each block, and the line it starts on (1-based), for every cut.
std::vector<std::pair<std::string, std::uint32_t>> blocks_of(std::string_view text) {
  std::vector<std::pair<std::string, std::uint32_t>> out;
  const auto blocks = load::split_toml_blocks(text, 1, k_kinds);
  if (!blocks) return out;
  for (const auto& b : blocks->blocks) {
    out.emplace_back(std::string(text.substr(b.begin, b.end - b.begin)), b.line + 1);
  }
  return out;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Everything a load gives, as text: the subject, every record of every kind in order with
// its position and its rendering, the links, and the diagnostics sorted as they are shown.
std::string describe(const load::LoadResult& result) {
  std::string out;
  const auto& facts = result.facts;
  out += std::string(facts.subject.name) + "|" + std::string(facts.subject.summary) + "\n";
  const auto records = [&](model::Kind kind, const auto& list) {
    for (std::size_t i = 0; i < list.size(); ++i) {
      const auto& r = list[i];
      out += fmt::format("{} {} {}:{}\n", model::kind_name(kind), r.id, r.pos.line, r.pos.column);
      render::SourceNotes notes(facts);
      render::render_record(out, facts, {kind, static_cast<std::uint32_t>(i)}, notes, {60, false});
      notes.render(out, {60, false});
    }
  };
  records(model::Kind::reference, facts.references);
  records(model::Kind::figure, facts.figures);
  records(model::Kind::series, facts.series);
  records(model::Kind::route, facts.routes);
  records(model::Kind::danger, facts.dangers);
  records(model::Kind::event, facts.events);
  records(model::Kind::fact, facts.facts);
  std::vector<std::string> links;
  for (const auto& l : result.links) {
    links.push_back(fmt::format("{} -> {} {}:{}", l.owner, l.target, l.pos.line, l.pos.column));
  }
  std::sort(links.begin(), links.end());
  for (const auto& l : links) out += l + "\n";
  auto diagnostics = result.diagnostics;
  std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const auto& a, const auto& b) {
    return std::tie(a.line, a.column, a.message) < std::tie(b.line, b.column, b.message);
  });
  for (const auto& d : diagnostics) {
    out += fmt::format("{}:{}:{}: {} {} [{}] [{}]\n", d.path, d.line, d.column,
                       static_cast<int>(d.severity), d.message, d.hint, d.source_line);
  }
  return out;
}

// Loading in blocks of every size gives what loading whole gives.
void check_same_in_blocks(const std::string& text, const std::string& name) {
  INFO(name);
  const std::string whole = describe(load::load_text(text, name, 0));
  for (const std::size_t block_bytes : {std::size_t{1}, std::size_t{200}, std::size_t{5000}}) {
    INFO("block_bytes " << block_bytes);
    CHECK(describe(load::load_text(text, name, block_bytes)) == whole);
  }
}

}  // namespace

TEST_CASE("a file is cut at each record's [[kind]] line, with its line number") {
  const auto blocks = blocks_of(
      "# facts\n[subject]\nname = \"x\"\n\n[[figure]]\nid = \"a\"\n\n  [[route]]\nid = \"b\"\n"
      "[[series]]\nid = \"c\"\n[[series.point]]\nyear = 2000\n[series.extra]\nx = 1\n");
  REQUIRE(blocks.size() == 4);
  CHECK(blocks[0] ==
        std::pair<std::string, std::uint32_t>{"# facts\n[subject]\nname = \"x\"\n\n", 1});
  CHECK(blocks[1] == std::pair<std::string, std::uint32_t>{"[[figure]]\nid = \"a\"\n\n", 5});
  CHECK(blocks[2] == std::pair<std::string, std::uint32_t>{"  [[route]]\nid = \"b\"\n", 8});
  CHECK(blocks[3].first.substr(0, 10) == "[[series]]");
  CHECK(blocks[3].second == 10);
  CHECK(blocks[3].first.find("[series.extra]") != std::string::npos);
}

TEST_CASE("a block is at least the size asked for, but for the last") {
  const std::string record = "[[event]]\nid = \"e\"\n";  // 19 bytes
  std::string text;
  for (int i = 0; i < 10; ++i) text += record;
  const auto blocks = load::split_toml_blocks(text, 40, k_kinds);
  REQUIRE(blocks);
  REQUIRE(blocks->blocks.size() == 5);  // the empty prefix, then three records a block
  CHECK(blocks->blocks[0].end == 0);
  CHECK(blocks->blocks[1].end - blocks->blocks[1].begin == 3 * record.size());
  CHECK(blocks->blocks[4].end == text.size());
  CHECK(blocks->blocks[2].line == 6);
  CHECK(blocks->opened == std::vector<std::string_view>{"event"});
}

TEST_CASE("no cut falls inside a string, an array or a comment") {
  for (const std::string_view inside :
       {"x = \"\"\"\n[[figure]]\n\"\"\"\n", "x = '''\n[[figure]]\n'''\n",
        "x = \"\"\"a \\\"\"\"\n[[figure]]\n\"\"\"\n", "x = \"\"\"\\\n[[figure]]\n\"\"\"\n",
        "x = [\n[[\"figure\"]],\n[[figure]]\n]\n", "x = [ # ]\n[[figure]]\n]\n",
        "x = { y = [\n[[figure]]] }\n", "# [[figure]]\n", "x = \"a \\\" [ { \"\n",
        "x = ['a \\', '[']\n"}) {
    INFO(inside);
    const std::string text =
        std::string("[[route]]\nid = \"a\"\n") + std::string(inside) + "[[danger]]\nid = \"b\"\n";
    const auto blocks = blocks_of(text);
    REQUIRE(blocks.size() == 3);
    CHECK(blocks[1].first == "[[route]]\nid = \"a\"\n" + std::string(inside));
    CHECK(blocks[2].second ==
          3 + static_cast<std::uint32_t>(std::count(inside.begin(), inside.end(), '\n')));
  }
  // A multi-line string's closing quotes may come with two more of its own.
  const auto blocks =
      blocks_of("[[route]]\nx = \"\"\"a\"\"\"\"\"\n[[danger]]\ny = 'q'\n[[fact]]\n");
  CHECK(blocks.size() == 4);
}

TEST_CASE("a file whose headers could mean something else across a cut is not cut") {
  const std::string records = "[[figure]]\nid = \"a\"\n[[route]]\nid = \"b\"\n";
  CHECK_FALSE(blocks_of(records).empty());
  CHECK(blocks_of(records + "[subject]\nname = \"x\"\n").empty());  // a table after records
  CHECK(blocks_of(records + "[figure.x]\n").empty());   // under the route, not the figure
  CHECK(blocks_of(records + "[[figgure]]\n").empty());  // not a kind: one error, not one a block
  CHECK(blocks_of(records + "[[ route ]]\n").empty());  // spelt otherwise
  CHECK(blocks_of(records + "[[\"route\"]]\n").empty());
  CHECK(blocks_of(records + "[route]\n").empty());
  CHECK(blocks_of(records + "[\"route\".x]\n").empty());
  CHECK_FALSE(blocks_of(records + "[route.x]\n[[route.y]]\n").empty());
  CHECK(blocks_of("[[figure]]\nid = \"a\"\n").empty());  // one block: nothing to gain
  CHECK(blocks_of("").empty());
}

TEST_CASE("a byte-order mark or CRLF line ends do not hide a record's line") {
  const auto blocks =
      blocks_of("\xEF\xBB\xBF[[route]]\r\nid = \"a\"\r\n[[danger]]\r\nid = \"b\"\r\n");
  REQUIRE(blocks.size() == 3);
  CHECK(blocks[0].first == "\xEF\xBB\xBF");  // the mark stays at the start of the text parsed
  CHECK(blocks[2] == std::pair<std::string, std::uint32_t>{"[[danger]]\r\nid = \"b\"\r\n", 3});
}

TEST_CASE("loading in blocks gives what loading whole gives") {
  std::vector<std::filesystem::path> files;
  for (const char* dir :
       {NKFACTS_FACTS_DIR, NKFACTS_TEST_DATA_DIR "/good", NKFACTS_TEST_DATA_DIR "/hostile"}) {
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      if (entry.path().extension() == ".toml") files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() > 70);
  // Every fact file on its own, then all the embedded ones as one (references.toml, with
  // the subject, first), and the broken files after them, so that the error comes late.
  std::string all = read_file(NKFACTS_FACTS_DIR "/references.toml");
  for (const auto& path : files) {
    const std::string text = read_file(path);
    check_same_in_blocks(text, path.filename().string());
    if (path.parent_path() == NKFACTS_FACTS_DIR && path.filename() != "references.toml") {
      all += text;
    }
  }
  check_same_in_blocks(all, "all.toml");
  for (const auto& path : files) {
    if (path.parent_path() != NKFACTS_FACTS_DIR) {
      check_same_in_blocks(all + read_file(path), "all+" + path.filename().string());
    }
  }
}

TEST_CASE("what a whole file would reject is rejected in blocks too") {
  const std::string records = "[[figure]]\nid = \"a\"\n\n[[route]]\nid = \"b\"\n";
  for (const std::string& text :
       {"figure = 1\n" + records, "[figure.x]\n" + records, "[route]\nx = 1\n" + records,
        records + "[figure.x]\ny = 1\n", records + "[subject]\nname = \"x\"\n[subject]\n",
        records + "[[figure]]\nid = \"c\"\nid = \"d\"\n", records + "x = \"\"\"\n[[route]]\n",
        "[subject]\n" + records + "[subject]\n", records + "[[figure]]\nid = \"a\"\n"}) {
    const auto whole = load::load_text(text, "t.toml", 0);
    REQUIRE_FALSE(whole.diagnostics.empty());
    check_same_in_blocks(text, text);
  }
}

#include "load/sources.hpp"
#include "load/toml_loader.hpp"

#include <unistd.h>

#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>

using namespace nkfacts;
namespace fs = std::filesystem;

namespace {

// A fresh directory under the system's temporary directory, removed afterwards.
struct TempDir {
  fs::path path;
  TempDir() {
    static int counter = 0;
    path = fs::temp_directory_path() /
           ("nkfacts-test-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name) << text;
    return (path / name).string();
  }
};

std::string reference(const std::string& id, const std::string& title) {
  return "[[reference]]\nid = \"" + id + "\"\nkind = \"book\"\ntitle = \"" + title +
         "\"\npublisher = \"p\"\n";
}

model::FactBase base_with(const std::string& text) {
  auto result = load::load_text(text, "facts/base.toml");
  REQUIRE(result.diagnostics.empty());
  return result.facts;
}

}  // namespace

TEST_CASE("NKFACTS_PATH is split on colons and empty entries are dropped") {
  CHECK(load::split_search_path("a:b::c:") == std::vector<std::string>{"a", "b", "c"});
  CHECK(load::split_search_path("").empty());
}

TEST_CASE("a user record with the same id replaces the embedded one whole") {
  TempDir dir;
  const auto file = dir.write("mine.toml", reference("ref-a", "Mine"));
  load::SourceOptions options;
  options.embedded = base_with(reference("ref-a", "Embedded") + reference("ref-b", "Other"));
  options.cli_paths = {file};
  const auto result = load::load_sources(options);
  CHECK_FALSE(result.has_errors());
  REQUIRE(result.facts.references.size() == 2);
  CHECK(result.facts.find_reference("ref-a")->title == "Mine");
  CHECK(result.facts.find_reference("ref-b")->title == "Other");
  REQUIRE(result.diagnostics.size() == 1);
  const auto& note = result.diagnostics[0];
  CHECK(note.severity == model::Severity::note);
  CHECK(note.path == file);
  CHECK(note.line == 1);
  CHECK(note.message == "\"ref-a\" replaces the one from facts/base.toml");
}

TEST_CASE("command-line facts are loaded after NKFACTS_PATH, so they win") {
  TempDir dir;
  const auto env_file = dir.write("env.toml", reference("ref-a", "From the environment"));
  const auto cli_file = dir.write("cli.toml", reference("ref-a", "From the command line"));
  load::SourceOptions options;
  options.env_paths = {env_file};
  options.cli_paths = {cli_file};
  const auto result = load::load_sources(options);
  CHECK(result.facts.find_reference("ref-a")->title == "From the command line");
}

TEST_CASE("a directory is one source: its files load in name order, ids unique across them") {
  TempDir dir;
  dir.write("b.toml", reference("ref-b", "B"));
  dir.write("a.toml", reference("ref-a", "A"));
  dir.write("notes.txt", "not a fact file");
  auto result = load::load_path(dir.path.string());
  CHECK(result.diagnostics.empty());
  REQUIRE(result.facts.references.size() == 2);
  CHECK(result.facts.references[0].id == "ref-a");

  dir.write("c.toml", reference("ref-a", "Again"));
  result = load::load_path(dir.path.string());
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(result.diagnostics[0].message == "duplicate id \"ref-a\"");
  CHECK(result.diagnostics[0].hint.find("a.toml:1:1") != std::string::npos);
}

TEST_CASE("a missing --facts path is an error, a missing NKFACTS_PATH entry a warning") {
  load::SourceOptions options;
  options.cli_paths = {"no/such/file.toml"};
  options.env_paths = {"no/such/dir"};
  const auto result = load::load_sources(options);
  REQUIRE(result.diagnostics.size() == 2);
  CHECK(result.diagnostics[0].severity == model::Severity::warning);
  CHECK(result.diagnostics[0].message == "no/such/dir: not found; skipping this NKFACTS_PATH entry");
  CHECK(result.diagnostics[1].severity == model::Severity::error);
  CHECK(result.diagnostics[1].message == "no/such/file.toml: no such file or directory");
}

TEST_CASE("a user file may cite an embedded reference") {
  TempDir dir;
  const auto file = dir.write("mine.toml", R"([[event]]
id = "my-event"
date = 2020
title = "t"
summary = "s"
sources = ["ref-a"]
)");
  load::SourceOptions options;
  options.embedded = base_with(reference("ref-a", "Embedded"));
  options.cli_paths = {file};
  const auto result = load::load_sources(options);
  CHECK(result.diagnostics.empty());
  CHECK(result.facts.events.size() == 1);
}

TEST_CASE("replacing an embedded reference by another kind breaks the records citing it") {
  TempDir dir;
  const auto file = dir.write("mine.toml", R"([[event]]
id = "ref-a"
date = 2020
title = "t"
summary = "s"
sources = ["ref-b"]
)");
  load::SourceOptions options;
  options.embedded = base_with(reference("ref-a", "A") + reference("ref-b", "B") + R"([[event]]
id = "old"
date = 2020
title = "t"
summary = "s"
sources = ["ref-a"]
)");
  options.cli_paths = {file};
  const auto result = load::load_sources(options);
  REQUIRE(result.has_errors());
  CHECK(result.diagnostics.back().message == "\"ref-a\" is an event, not a reference");
  CHECK(result.diagnostics.back().path == "facts/base.toml");
}

// Where facts come from and how they combine: the embedded base, then NKFACTS_PATH entries,
// then --facts paths; a later record with the same id replaces the earlier one whole.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "load/load_result.hpp"

namespace nkfacts::load {

struct SourceOptions {
  std::optional<model::FactBase> embedded;  // nullopt: leave the embedded facts out
  std::vector<std::string> env_paths;       // NKFACTS_PATH entries; a missing one is a warning
  std::vector<std::string> cli_paths;       // --facts paths; a missing one is an error
};

// Splits NKFACTS_PATH on ':' and drops empty entries.
std::vector<std::string> split_search_path(std::string_view value);

// Loads every source in order, merges them and checks the links between records.
// Replacements are reported as notes; unreadable paths and bad data as errors.
LoadResult load_sources(SourceOptions options);

// Loads one path (a .toml file, a directory of them, or "-" for standard input) as one
// source: ids must be unique across its files.
LoadResult load_path(const std::string& path);

// Adds `layer` on top of `base`. With `replace`, a record whose id is already in `base`
// replaces it (a note says so); without, that is a duplicate-id error.
void merge_layer(LoadResult& base, LoadResult&& layer, bool replace);
// The same for several layers in order, with the id index rebuilt once at the end.
void merge_layers(LoadResult& base, std::vector<LoadResult>&& layers, bool replace);

// Checks that every link names a record of the right kind; returns the problems.
std::vector<model::Diagnostic> check_links(const model::FactBase& facts,
                                           const std::vector<LinkUse>& links);

}  // namespace nkfacts::load

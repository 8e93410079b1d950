// What a load returns: the records, every problem found, and the links between records
// (checked once all sources are merged, since a user file may cite an embedded reference).
#pragma once

#include <string>
#include <vector>

#include "model/diagnostic.hpp"
#include "model/fact_base.hpp"
#include "model/schema.hpp"

namespace nkfacts::load {

// One use of an id inside a record: a source, a danger of a route, a claim's evidence.
struct LinkUse {
  std::string_view owner;   // id of the record that holds the link (views into the
  std::string_view target;  // records' storage); the id it names
  model::KindSet expected = model::Kind::reference;  // the kinds it may name
  model::SourcePos pos;                              // of the id string inside its array
};

struct LoadResult {
  model::FactBase facts;
  std::vector<model::Diagnostic> diagnostics;
  std::vector<LinkUse> links;

  bool has_errors() const;
};

}  // namespace nkfacts::load

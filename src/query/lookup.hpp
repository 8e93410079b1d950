// Finding records by id, and the closest ids when one is not found.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/fact_base.hpp"

namespace nkfacts::query {

struct Lookup {
  const model::RecordRef* ref = nullptr;  // set when the id exists, whatever its kind
  std::vector<std::string> suggestions;   // closest ids of the wanted kind, when not found
};

// Looks `id` up; with `kind`, suggestions are drawn from records of that kind.
Lookup lookup(const model::FactBase& facts, std::string_view id,
              std::optional<model::Kind> kind = std::nullopt);

// The points of `series` whose period overlaps [from, to] (either bound may be open).
std::vector<const model::SeriesPoint*> points_between(const model::Series& series,
                                                      std::optional<int> from,
                                                      std::optional<int> to);

// The references behind a record: its sources (and, for a series, its points' sources), or
// the record itself when it is a reference. Order: as cited, without repeats.
std::vector<std::string> references_behind(const model::FactBase& facts,
                                           const model::RecordRef& ref);

}  // namespace nkfacts::query

#include "query/lookup.hpp"

#include <algorithm>

#include "util/text.hpp"
#include "util/utf8.hpp"

namespace nkfacts::query {

Lookup lookup(const model::FactBase& facts, std::string_view id, std::optional<model::Kind> kind) {
  Lookup result;
  result.ref = facts.find(id);
  if (result.ref && (!kind || result.ref->kind == *kind)) return result;
  // Ids are lower case: "DMZ-CROSSING" is compared as "dmz-crossing".
  result.suggestions =
      util::closest_matches(util::fold_case(id), kind ? facts.ids_of(*kind) : facts.ids());
  return result;
}

std::vector<const model::SeriesPoint*> points_between(const model::Series& series,
                                                      std::optional<int> from,
                                                      std::optional<int> to) {
  std::vector<const model::SeriesPoint*> out;
  for (const auto& point : series.points) {
    const int start = point.period.from.value_or(point.period.to);
    if (from && point.period.to < *from) continue;
    if (to && start > *to) continue;
    out.push_back(&point);
  }
  return out;
}

std::vector<std::string> references_behind(const model::FactBase& facts,
                                           const model::RecordRef& ref) {
  std::vector<std::string> out;
  auto add = [&](model::TextList ids) {
    for (const auto& id : ids) {
      if (std::find(out.begin(), out.end(), id) == out.end()) out.emplace_back(id);
    }
  };
  add(facts.sources_of(ref));
  if (ref.kind == model::Kind::series) {
    for (const auto& point : facts.series[ref.index].points) add(point.sources);
  }
  return out;
}

}  // namespace nkfacts::query

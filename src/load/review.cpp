#include "load/review.hpp"

#include <fmt/format.h>

#include <unordered_set>

namespace nkfacts::load {
namespace {

model::Diagnostic at_record(const model::FactBase& facts, const model::SourcePos& pos,
                            model::Severity severity, std::string message) {
  model::Diagnostic d;
  d.severity = severity;
  d.path = std::string(facts.file_of(pos));
  d.line = pos.line;
  d.column = pos.column;
  d.message = std::move(message);
  return d;
}

}  // namespace

bool is_in_future(const model::Date& date, const model::Date& today) {
  const model::Date earliest{date.year, static_cast<std::uint8_t>(date.month ? date.month : 1),
                             static_cast<std::uint8_t>(date.day ? date.day : 1)};
  return earliest > today;
}

std::vector<model::Diagnostic> review_fact_base(const model::FactBase& facts,
                                                const model::Date& /*today*/) {
  std::vector<model::Diagnostic> out;
  std::unordered_set<std::string_view> cited;
  for (const auto& citation : facts.citations()) cited.insert(citation.reference);

  for (const auto& r : facts.references) {
    if (cited.count(r.id) == 0) {
      out.push_back(at_record(facts, r.pos, model::Severity::warning,
                              fmt::format("reference \"{}\" is never cited", r.id)));
    }
  }
  return out;
}

}  // namespace nkfacts::load

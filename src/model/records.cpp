#include "model/records.hpp"

#include <numeric>

namespace nkfacts::model {

std::string_view kind_name(Kind kind) {
  switch (kind) {
    case Kind::reference: return "reference";
    case Kind::figure: return "figure";
    case Kind::series: return "series";
    case Kind::route: return "route";
    case Kind::danger: return "danger";
    case Kind::event: return "event";
    case Kind::fact: return "fact";
  }
  return "record";
}

std::string_view kind_plural(Kind kind) {
  switch (kind) {
    case Kind::reference: return "references";
    case Kind::figure: return "figures";
    case Kind::series: return "series";
    case Kind::route: return "routes";
    case Kind::danger: return "dangers";
    case Kind::event: return "events";
    case Kind::fact: return "facts";
  }
  return "records";
}

std::optional<Kind> parse_kind(std::string_view name) {
  for (const Kind kind : k_all_kinds) {
    if (name == kind_name(kind) || name == kind_plural(kind)) return kind;
  }
  return std::nullopt;
}

std::string_view reference_kind_name(ReferenceKind kind) {
  switch (kind) {
    case ReferenceKind::web: return "web";
    case ReferenceKind::news: return "news";
    case ReferenceKind::report: return "report";
    case ReferenceKind::book: return "book";
    case ReferenceKind::journal: return "journal";
    case ReferenceKind::dataset: return "dataset";
  }
  return "web";
}

std::optional<ReferenceKind> parse_reference_kind(std::string_view name) {
  for (const auto kind : {ReferenceKind::web, ReferenceKind::news, ReferenceKind::report,
                          ReferenceKind::book, ReferenceKind::journal, ReferenceKind::dataset}) {
    if (name == reference_kind_name(kind)) return kind;
  }
  return std::nullopt;
}

std::string period_label(const Period& period) {
  if (!period.from) return "up to " + std::to_string(period.to);
  if (*period.from == period.to) return std::to_string(period.to);
  return std::to_string(*period.from) + "\u2013" + std::to_string(period.to);
}

double SeriesPoint::total() const { return std::accumulate(values.begin(), values.end(), 0.0); }

}  // namespace nkfacts::model

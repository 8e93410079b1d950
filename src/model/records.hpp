// The records of a fact base: plain values whose fields keep the TOML key names, so the
// schema (facts/README.md), this code and the JSON output read alike.
//
// Records hold views, not strings: the embedded records are constant data compiled into
// the binary (nothing is built or copied at start-up), and records loaded at run time
// point into the Arena of their FactBase (model/arena.hpp). Every type here is trivially
// copyable and trivially destructible.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "model/date.hpp"
#include "model/diagnostic.hpp"

namespace nkfacts::model {

using Text = std::string_view;
using TextList = std::span<const std::string_view>;

enum class Kind { reference, figure, series, route, danger, event, fact };
inline constexpr Kind k_all_kinds[] = {Kind::figure, Kind::series, Kind::route, Kind::danger,
                                       Kind::event,  Kind::fact,   Kind::reference};

std::string_view kind_name(Kind kind);                     // "figure"
std::string_view kind_plural(Kind kind);                   // "figures"
std::optional<Kind> parse_kind(std::string_view name);     // singular or plural

enum class ReferenceKind { web, news, report, book, journal, dataset };
std::string_view reference_kind_name(ReferenceKind kind);
std::optional<ReferenceKind> parse_reference_kind(std::string_view name);

struct Reference {
  Text id;
  ReferenceKind kind = ReferenceKind::web;
  Text title;
  Text translated_title;        // optional: English rendering of a non-English title
  Text publisher;               // organisation, newspaper or site
  TextList authors;    // "Family, Given" or an organisation
  std::optional<Date> published;
  std::optional<Date> retrieved;       // required for web references
  Text url;
  Text language;                // BCP 47 tag: "en", "ko"
  Text issn;
  Text volume;                  // journal articles: volume, issue and pages ("225-253")
  Text issue;
  Text pages;
  Text note;
  SourcePos pos;
};

// A number about the world: a point value, or an estimate stored as a range. A bound that
// is missing means "at least low" or "up to high"; a point has low == high.
struct Quantity {
  std::optional<double> low;
  std::optional<double> high;

  bool is_point() const { return low && high && *low == *high; }
};

struct Figure {
  Text id;
  Text label;
  Text summary;
  Quantity value;
  Text unit;                    // "people", "percent", "KRW", ...
  std::optional<Date> as_of;
  bool headline = false;               // shown in the overview and at the top of `stats`
  TextList sources;
  Text note;
  SourcePos pos;
};

// A period of a time series: a year, a span of years, or everything up to a year.
struct Period {
  std::optional<int> from;             // missing: "up to `to`"
  int to = 0;

  bool is_single_year() const { return from && *from == to; }
  friend bool operator==(const Period&, const Period&) = default;
};

std::string period_label(const Period& period);  // "2002", "1999–2001", "up to 1998"

struct SeriesPoint {
  Period period;
  std::span<const double> values;          // one per Series::columns, in that order
  TextList sources;    // in addition to the series' own
  Text note;
  SourcePos pos;

  double total() const;
};

struct Series {
  Text id;
  Text name;
  Text summary;
  Text unit;
  TextList columns;    // e.g. "men", "women"
  Text share_column;            // optional: a column whose share of the total is shown
  std::span<const SeriesPoint> points;     // ordered by period
  TextList sources;
  Text note;
  SourcePos pos;
};

struct Route {
  Text id;
  Text name;
  Text summary;
  TextList path;       // ordered places, first to last
  Text crossing;                // how the border is crossed
  TextList dangers;    // Danger ids
  TextList sources;
  Text note;
  SourcePos pos;
};

struct Danger {
  Text id;
  Text name;
  Text where;
  Text summary;
  TextList sources;
  Text note;
  SourcePos pos;
};

struct Event {
  Text id;
  Date date;
  Text title;
  Text summary;
  TextList sources;
  Text note;
  SourcePos pos;
};

// A sourced statement that is neither a number nor an event: a law, a policy, how a
// process works ("South Korea treats North Koreans as its citizens").
struct Fact {
  Text id;
  Text label;
  Text summary;
  std::optional<Date> as_of;           // when the statement was last known to be true
  TextList sources;
  Text note;
  SourcePos pos;
};

// What the fact base is about, shown by the overview; optional `[subject]` table.
struct Subject {
  Text name;                    // "North Korean defectors"
  Text summary;
};

}  // namespace nkfacts::model

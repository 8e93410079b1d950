// The records of a fact base: plain values whose fields keep the TOML key names, so the
// schema (facts/README.md), this code and the JSON output read alike.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/date.hpp"
#include "model/diagnostic.hpp"

namespace nkfacts::model {

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
  std::string id;
  ReferenceKind kind = ReferenceKind::web;
  std::string title;
  std::string translated_title;        // optional: English rendering of a non-English title
  std::string publisher;               // organisation, newspaper or site
  std::vector<std::string> authors;    // "Family, Given" or an organisation
  std::optional<Date> published;
  std::optional<Date> retrieved;       // required for web references
  std::string url;
  std::string language;                // BCP 47 tag: "en", "ko"
  std::string issn;
  std::string volume;                  // journal articles: volume, issue and pages ("225-253")
  std::string issue;
  std::string pages;
  std::string note;
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
  std::string id;
  std::string label;
  std::string summary;
  Quantity value;
  std::string unit;                    // "people", "percent", "KRW", ...
  std::optional<Date> as_of;
  bool headline = false;               // shown in the overview and at the top of `stats`
  std::vector<std::string> sources;
  std::string note;
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
  std::vector<double> values;          // one per Series::columns, in that order
  std::vector<std::string> sources;    // in addition to the series' own
  std::string note;
  SourcePos pos;

  double total() const;
};

struct Series {
  std::string id;
  std::string name;
  std::string summary;
  std::string unit;
  std::vector<std::string> columns;    // e.g. "men", "women"
  std::string share_column;            // optional: a column whose share of the total is shown
  std::vector<SeriesPoint> points;     // ordered by period
  std::vector<std::string> sources;
  std::string note;
  SourcePos pos;
};

struct Route {
  std::string id;
  std::string name;
  std::string summary;
  std::vector<std::string> path;       // ordered places, first to last
  std::string crossing;                // how the border is crossed
  std::vector<std::string> dangers;    // Danger ids
  std::vector<std::string> sources;
  std::string note;
  SourcePos pos;
};

struct Danger {
  std::string id;
  std::string name;
  std::string where;
  std::string summary;
  std::vector<std::string> sources;
  std::string note;
  SourcePos pos;
};

struct Event {
  std::string id;
  Date date;
  std::string title;
  std::string summary;
  std::vector<std::string> sources;
  std::string note;
  SourcePos pos;
};

// A sourced statement that is neither a number nor an event: a law, a policy, how a
// process works ("South Korea treats North Koreans as its citizens").
struct Fact {
  std::string id;
  std::string label;
  std::string summary;
  std::optional<Date> as_of;           // when the statement was last known to be true
  std::vector<std::string> sources;
  std::string note;
  SourcePos pos;
};

// What the fact base is about, shown by the overview; optional `[subject]` table.
struct Subject {
  std::string name;                    // "North Korean defectors"
  std::string summary;
};

}  // namespace nkfacts::model

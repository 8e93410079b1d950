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

// The kinds of record. Each has its struct below, its Records in FactBase
// (model/fact_base.hpp) and its descriptor (model/schema.hpp), which everything else reads.
enum class Kind { reference, figure, series, route, danger, event, fact, claim, term };
inline constexpr Kind k_all_kinds[] = {Kind::figure, Kind::series, Kind::route,
                                       Kind::danger, Kind::event,  Kind::fact,
                                       Kind::claim,  Kind::term,   Kind::reference};

std::string_view kind_name(Kind kind);                  // "figure"
std::string_view kind_plural(Kind kind);                // "figures"
std::optional<Kind> parse_kind(std::string_view name);  // singular or plural

enum class ReferenceKind { web, news, report, book, journal, dataset };
std::string_view reference_kind_name(ReferenceKind kind);
std::optional<ReferenceKind> parse_reference_kind(std::string_view name);

// How a commonly made claim stands against the sources.
enum class Verdict { accurate, outdated, wrong, unverified, disputed };
std::string_view verdict_name(Verdict verdict);

struct Reference {
  Text id;
  ReferenceKind kind = ReferenceKind::web;
  Text title;
  Text translated_title;  // optional: English rendering of a non-English title
  TextList authors;       // "Family, Given" or an organisation
  Text publisher;         // organisation, newspaper or site
  std::optional<Date> published;
  std::optional<Date> retrieved;  // required for web references
  Text url;
  Text language;  // BCP 47 tag: "en", "ko"
  Text issn;
  Text volume;  // journal articles: volume, issue and pages ("225-253")
  Text issue;
  Text pages;
  Text note;
  TextList aliases;  // other names readers use
  // Korean twins of the translatable fields (`ko.name` in a file; model/localized.hpp).
  Text ko_title;
  Text ko_note;
  Text ko_stamp;  // the stamp of the English they were written from (model/stamp.hpp)
  SourcePos pos;
  SourcePos stamp_pos;  // where ko.stamp is written; the id, where it belongs, if missing
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
  Text unit;  // "people", "percent", "KRW", ...
  std::optional<Date> as_of;
  bool headline = false;  // shown in the overview and at the top of `stats`
  TextList sources;
  Text note;
  TextList aliases;  // other names readers use
  // Korean twins of the translatable fields (`ko.name` in a file; model/localized.hpp).
  Text ko_label;
  Text ko_summary;
  Text ko_note;
  Text ko_stamp;  // the stamp of the English they were written from (model/stamp.hpp)
  SourcePos pos;
  SourcePos stamp_pos;  // where ko.stamp is written; the id, where it belongs, if missing
};

// A period of a time series: a year, a span of years, or everything up to a year.
struct Period {
  std::optional<int> from;  // missing: "up to `to`"
  int to = 0;

  bool is_single_year() const { return from && *from == to; }
  friend bool operator==(const Period&, const Period&) = default;
};

std::string period_label(const Period& period);  // "2002", "1999–2001", "up to 1998"
// In the display language, for text output: the English label, or 2002년, 1999–2001년,
// 1998년까지. A date: ISO 8601 in English, 2025년 12월 31일 (or 2025년 12월) in Korean.
std::string display_period(const Period& period);
std::string display_date(const Date& date);

struct SeriesPoint {
  Period period;
  std::span<const double> values;  // one per Series::columns, in that order
  TextList sources;                // in addition to the series' own
  Text note;
  Text ko_note;
  SourcePos pos;

  double total() const;
};

struct Series {
  Text id;
  Text name;
  Text summary;
  Text unit;
  TextList columns;   // e.g. "men", "women"
  Text share_column;  // optional: a column whose share of the total is shown
  TextList sources;
  Text note;
  TextList aliases;
  std::span<const SeriesPoint> points;  // ordered by period
  // Korean twins of the translatable fields (`ko.name` in a file; model/localized.hpp).
  Text ko_name;
  Text ko_summary;
  Text ko_note;
  TextList ko_columns;
  Text ko_stamp;  // the stamp of the English they were written from (model/stamp.hpp)
  SourcePos pos;
  SourcePos stamp_pos;  // where ko.stamp is written; the id, where it belongs, if missing
};

struct Route {
  Text id;
  Text name;
  Text summary;
  TextList path;     // ordered places, first to last
  Text crossing;     // how the border is crossed
  TextList dangers;  // Danger ids
  TextList sources;
  Text note;
  TextList aliases;  // other names readers use
  // Korean twins of the translatable fields (`ko.name` in a file; model/localized.hpp).
  Text ko_name;
  Text ko_summary;
  TextList ko_path;
  Text ko_crossing;
  Text ko_note;
  Text ko_stamp;  // the stamp of the English they were written from (model/stamp.hpp)
  SourcePos pos;
  SourcePos stamp_pos;  // where ko.stamp is written; the id, where it belongs, if missing
};

struct Danger {
  Text id;
  Text name;
  Text where;
  Text summary;
  TextList sources;
  Text note;
  TextList aliases;  // other names readers use
  // Korean twins of the translatable fields (`ko.name` in a file; model/localized.hpp).
  Text ko_name;
  Text ko_where;
  Text ko_summary;
  Text ko_note;
  Text ko_stamp;  // the stamp of the English they were written from (model/stamp.hpp)
  SourcePos pos;
  SourcePos stamp_pos;  // where ko.stamp is written; the id, where it belongs, if missing
};

struct Event {
  Text id;
  Date date;
  Text title;
  Text summary;
  TextList sources;
  Text note;
  TextList aliases;  // other names readers use
  // Korean twins of the translatable fields (`ko.name` in a file; model/localized.hpp).
  Text ko_title;
  Text ko_summary;
  Text ko_note;
  Text ko_stamp;  // the stamp of the English they were written from (model/stamp.hpp)
  SourcePos pos;
  SourcePos stamp_pos;  // where ko.stamp is written; the id, where it belongs, if missing
};

// A sourced statement that is neither a number nor an event: a law, a policy, how a
// process works ("South Korea treats North Koreans as its citizens").
struct Fact {
  Text id;
  Text label;
  Text summary;
  std::optional<Date> as_of;  // when the statement was last known to be true
  TextList sources;
  Text note;
  TextList aliases;  // other names readers use
  // Korean twins of the translatable fields (`ko.name` in a file; model/localized.hpp).
  Text ko_label;
  Text ko_summary;
  Text ko_note;
  Text ko_stamp;  // the stamp of the English they were written from (model/stamp.hpp)
  SourcePos pos;
  SourcePos stamp_pos;  // where ko.stamp is written; the id, where it belongs, if missing
};

// A claim as commonly made (in the news, in class), weighed against the sources.
struct Claim {
  Text id;
  Text statement;  // the claim, in our own short words: the record's name
  Verdict verdict = Verdict::unverified;
  TextList claimed_by;        // references that make the claim
  Text summary;               // what the evidence says
  TextList evidence;          // ids of records (not references) that show it
  TextList sources;           // references that settle the verdict
  std::optional<Date> as_of;  // when the verdict was last checked
  Text note;
  TextList aliases;
  // Korean twins of the translatable fields (`ko.name` in a file; model/localized.hpp).
  Text ko_statement;
  Text ko_summary;
  Text ko_note;
  Text ko_stamp;  // the stamp of the English they were written from (model/stamp.hpp)
  SourcePos pos;
  SourcePos stamp_pos;  // where ko.stamp is written; the id, where it belongs, if missing
};

// A glossary entry: an English term with its Korean original.
struct Term {
  Text id;
  Text term;          // the English term: the record's name
  Text korean;        // in Hangul
  Text romanization;  // Revised Romanization
  Text summary;       // the definition
  TextList sources;
  Text note;
  TextList aliases;
  // Korean twins of the translatable fields (`ko.name` in a file; model/localized.hpp).
  Text ko_summary;
  Text ko_note;
  Text ko_stamp;  // the stamp of the English they were written from (model/stamp.hpp)
  SourcePos pos;
  SourcePos stamp_pos;  // where ko.stamp is written; the id, where it belongs, if missing
};

// What the fact base is about, shown by the overview; optional `[subject]` table.
struct Subject {
  Text name;  // "North Korean defectors"
  Text summary;
  Text ko_name;  // Korean twins
  Text ko_summary;
};

}  // namespace nkfacts::model

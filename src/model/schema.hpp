// The record schema as data: one descriptor per kind, listing each field's TOML key, the
// member it fills, its type, whether it is required, how strongly search reads it, its
// label in text output and its name in the machine formats.
//
// The loader (load/toml_loader.cpp), the embed generator (tools/embed_facts.cpp), the
// machine formats (render/record_rows.cpp), search (query/search.cpp) and the generic text
// layout (render/text.cpp) all iterate these descriptors; facts/README.md documents them
// for people. Only the rules no table can say are written by hand, as hooks in those
// files: a figure's value against low/high, a series' columns and points.
//
// Adding a kind: its struct and Kind (model/records.hpp), its Records in FactBase
// (model/fact_base.hpp), its descriptor and its place in visit_kind below (this file),
// and, if the generic layout does not suit it, a text layout (render/text.cpp).
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <type_traits>
#include <variant>

#include "model/fact_base.hpp"
#include "util/i18n.hpp"

namespace nkfacts::model {

// A set of kinds: what an id list may point at.
class KindSet {
 public:
  constexpr KindSet() = default;
  constexpr KindSet(Kind kind) : m_bits(bit(kind)) {}  // NOLINT: a kind is a set of one
  static constexpr KindSet all_but(Kind kind) {
    KindSet set;
    set.m_bits = static_cast<std::uint32_t>(~bit(kind)) & ((1u << 16) - 1);
    return set;
  }
  constexpr bool contains(Kind kind) const { return (m_bits & bit(kind)) != 0; }
  constexpr bool empty() const { return m_bits == 0; }
  // The one kind of a set of one, else nothing.
  constexpr std::optional<Kind> single() const {
    for (unsigned i = 0; i < 16; ++i) {
      if (m_bits == (1u << i)) return static_cast<Kind>(i);
    }
    return std::nullopt;
  }
  friend constexpr bool operator==(KindSet, KindSet) = default;

 private:
  static constexpr std::uint32_t bit(Kind kind) { return 1u << static_cast<unsigned>(kind); }
  std::uint32_t m_bits = 0;
};

// How much a word found in a field counts in search, weakest first: a record's names
// (and aliases) count most, then its id, its summary, the rest of its text, its note.
// query/search.hpp gives each level its weight; `none` is not searched.
enum class SearchWeight : std::uint8_t { none, note, text, summary, id, name };

enum class FieldType {
  id,         // Text: the record's id, kebab-case, unique
  text,       // Text
  text_list,  // TextList
  aliases,    // TextList: other names for the record; none empty, none twice
  id_list,    // TextList of ids of records of the field's `targets`
  date,       // std::optional<Date>, or Date when required
  boolean,    // bool, false when missing
  choice,     // an enum, written as one of the field's `choices`
  quantity,   // Quantity: `value`, or `low` and/or `high` (a hook)
  points,     // a series' [[series.point]] tables (a hook)
  stamp,      // Text: `ko.stamp`, in the record's `ko` table: the stamp of the English text
              // its Korean twins were written from (model/stamp.hpp); 8 hex digits
};

// Where the generic text layout (render/text.cpp) puts a field.
enum class Show {
  none,       // not shown by the generic layout
  heading,    // the record's name, as its heading
  field,      // a "Label  value" line under the heading
  paragraph,  // the summary, a paragraph after the fields
  list,       // a list of the records named, under the label as a heading
  note,       // a "Note" line after the paragraph
};

template <typename R>
using Member = std::variant<Text R::*, TextList R::*, std::optional<Date> R::*, Date R::*,
                            bool R::*, Quantity R::*, std::span<const SeriesPoint> R::*,
                            ReferenceKind R::*, Verdict R::*>;

template <typename R>
struct Field {
  std::string_view key;  // the TOML key
  FieldType type;
  Member<R> member;
  std::string_view cpp = {};  // the member's name in C++, for the embed generator
  bool required = false;
  SearchWeight search = SearchWeight::none;  // how strongly search reads it
  Show show = Show::none;
  std::string_view label = {};    // in text output
  std::string_view missing = {};  // text output when the value is missing; empty: no line
  std::string_view output = {};   // name in the machine formats when not the key
  KindSet targets = {};           // id_list: the kinds it may name
  std::span<const std::string_view> choices = {};  // choice: the names, in enum order
  // A Korean twin (key "ko.KEY", member ko_KEY): the key of the English field it
  // translates. The twin is required where its English field has text, unless it is a
  // gloss (a reference's ko.title), which is optional. model/localized.hpp reads it.
  std::string_view translates = {};
  bool gloss = false;

  constexpr std::string_view output_name() const { return output.empty() ? key : output; }
  // Whether the field is read from the record's `ko` table: a twin, or the stamp.
  constexpr bool in_ko_table() const { return !translates.empty() || type == FieldType::stamp; }
};

inline constexpr std::string_view k_reference_kinds[] = {
    util::tr_noop("web"),  util::tr_noop("news"),    util::tr_noop("report"),
    util::tr_noop("book"), util::tr_noop("journal"), util::tr_noop("dataset")};
inline constexpr std::string_view k_verdicts[] = {
    util::tr_noop("accurate"), util::tr_noop("outdated"), util::tr_noop("wrong"),
    util::tr_noop("unverified"), util::tr_noop("disputed")};

template <typename R>
struct Schema;

// The member a field fills, with its name for generated code.
#define NKFACTS_MEMBER(name) .member = &R::name, .cpp = #name

// The fields every kind ends with, and its id: written once here.
#define NKFACTS_ID_FIELD(R)                                                   \
  {                                                                           \
    .key = "id", .type = FieldType::id, NKFACTS_MEMBER(id), .required = true, \
    .search = SearchWeight::id                                                \
  }
#define NKFACTS_SOURCES_FIELD(R)                                                             \
  {                                                                                          \
    .key = "sources", .type = FieldType::id_list, NKFACTS_MEMBER(sources), .required = true, \
    .targets = Kind::reference                                                               \
  }
#define NKFACTS_NOTE_FIELD(R)                                                                   \
  {                                                                                             \
    .key = "note", .type = FieldType::text, NKFACTS_MEMBER(note), .search = SearchWeight::note, \
    .show = Show::note, .label = util::tr_noop("Note")                                          \
  }
// The Korean twin of the field `name`: the same type and search weight, read from the
// record's `ko` table, shown through model::localized instead of on its own.
#define NKFACTS_KO(R, name, field_type, search_weight)                            \
  {                                                                               \
    .key = "ko." #name, .type = FieldType::field_type, NKFACTS_MEMBER(ko_##name), \
    .search = search_weight, .translates = #name                                  \
  }
// The stamp of the English text the Korean twins were written from: last of every kind.
#define NKFACTS_STAMP_FIELD(R) \
  { .key = "ko.stamp", .type = FieldType::stamp, NKFACTS_MEMBER(ko_stamp) }
#define NKFACTS_ALIASES_FIELD(R)                                                             \
  {                                                                                          \
    .key = "aliases", .type = FieldType::aliases, NKFACTS_MEMBER(aliases),                   \
    .search = SearchWeight::name, .show = Show::field, .label = util::tr_noop("Also called") \
  }

template <>
struct Schema<Reference> {
  static constexpr Kind kind = Kind::reference;
  static constexpr std::string_view name = util::tr_noop("reference"),
                                    plural = util::tr_noop("references");
  static constexpr auto records = &FactBase::references;
  using R = Reference;
  static constexpr Field<R> fields[] = {
      NKFACTS_ID_FIELD(R),
      {.key = "kind",
       .type = FieldType::choice,
       NKFACTS_MEMBER(kind),
       .required = true,
       .show = Show::field,
       .label = util::tr_noop("Kind"),
       .output = "reference_kind",
       .choices = k_reference_kinds},
      {.key = "title",
       .type = FieldType::text,
       NKFACTS_MEMBER(title),
       .required = true,
       .search = SearchWeight::name,
       .show = Show::heading},
      {.key = "translated_title",
       .type = FieldType::text,
       NKFACTS_MEMBER(translated_title),
       .search = SearchWeight::name,
       .show = Show::field,
       .label = util::tr_noop("Title (en)")},
      {.key = "authors",
       .type = FieldType::text_list,
       NKFACTS_MEMBER(authors),
       .search = SearchWeight::text,
       .show = Show::field,
       .label = util::tr_noop("Authors")},
      {.key = "publisher",
       .type = FieldType::text,
       NKFACTS_MEMBER(publisher),
       .required = true,
       .search = SearchWeight::text,
       .show = Show::field,
       .label = util::tr_noop("Publisher")},
      {.key = "published",
       .type = FieldType::date,
       NKFACTS_MEMBER(published),
       .show = Show::field,
       .label = util::tr_noop("Published")},
      {.key = "retrieved",
       .type = FieldType::date,
       NKFACTS_MEMBER(retrieved),
       .show = Show::field,
       .label = util::tr_noop("Retrieved")},
      {.key = "url",
       .type = FieldType::text,
       NKFACTS_MEMBER(url),
       .show = Show::field,
       .label = util::tr_noop("URL")},
      {.key = "language",
       .type = FieldType::text,
       NKFACTS_MEMBER(language),
       .show = Show::field,
       .label = util::tr_noop("Language")},
      {.key = "issn",
       .type = FieldType::text,
       NKFACTS_MEMBER(issn),
       .show = Show::field,
       .label = util::tr_noop("ISSN")},
      {.key = "volume",
       .type = FieldType::text,
       NKFACTS_MEMBER(volume),
       .show = Show::field,
       .label = util::tr_noop("Volume")},
      {.key = "issue",
       .type = FieldType::text,
       NKFACTS_MEMBER(issue),
       .show = Show::field,
       .label = util::tr_noop("Issue")},
      {.key = "pages",
       .type = FieldType::text,
       NKFACTS_MEMBER(pages),
       .show = Show::field,
       .label = util::tr_noop("Pages")},
      // A reference has no summary: its note is one of its fields.
      {.key = "note",
       .type = FieldType::text,
       NKFACTS_MEMBER(note),
       .search = SearchWeight::note,
       .show = Show::field,
       .label = util::tr_noop("Note")},
      NKFACTS_ALIASES_FIELD(R),
      {.key = "ko.title",
       .type = FieldType::text,
       NKFACTS_MEMBER(ko_title),
       .search = SearchWeight::name,
       .translates = "title",
       .gloss = true},
      NKFACTS_KO(R, note, text, SearchWeight::note),
      NKFACTS_STAMP_FIELD(R),
  };
};

template <>
struct Schema<Figure> {
  static constexpr Kind kind = Kind::figure;
  static constexpr std::string_view name = util::tr_noop("figure"),
                                    plural = util::tr_noop("figures");
  static constexpr auto records = &FactBase::figures;
  using R = Figure;
  static constexpr Field<R> fields[] = {
      NKFACTS_ID_FIELD(R),
      {.key = "label",
       .type = FieldType::text,
       NKFACTS_MEMBER(label),
       .required = true,
       .search = SearchWeight::name,
       .show = Show::heading},
      {.key = "summary",
       .type = FieldType::text,
       NKFACTS_MEMBER(summary),
       .required = true,
       .search = SearchWeight::summary,
       .show = Show::paragraph},
      {.key = "value",
       .type = FieldType::quantity,
       NKFACTS_MEMBER(value),
       .required = true,
       .show = Show::field,
       .label = util::tr_noop("Value")},
      {.key = "unit",
       .type = FieldType::text,
       NKFACTS_MEMBER(unit),
       .required = true,
       .search = SearchWeight::text},
      {.key = "as_of",
       .type = FieldType::date,
       NKFACTS_MEMBER(as_of),
       .show = Show::field,
       .label = util::tr_noop("As of"),
       .missing = util::tr_noop("date unknown")},
      {.key = "headline", .type = FieldType::boolean, NKFACTS_MEMBER(headline)},
      NKFACTS_SOURCES_FIELD(R),
      NKFACTS_NOTE_FIELD(R),
      NKFACTS_ALIASES_FIELD(R),
      NKFACTS_KO(R, label, text, SearchWeight::name),
      NKFACTS_KO(R, summary, text, SearchWeight::summary),
      NKFACTS_KO(R, note, text, SearchWeight::note),
      NKFACTS_STAMP_FIELD(R),
  };
};

template <>
struct Schema<Series> {
  static constexpr Kind kind = Kind::series;
  static constexpr std::string_view name = util::tr_noop("series"),
                                    plural = util::tr_noop("series");
  static constexpr auto records = &FactBase::series;
  using R = Series;
  static constexpr Field<R> fields[] = {
      NKFACTS_ID_FIELD(R),
      {.key = "name",
       .type = FieldType::text,
       NKFACTS_MEMBER(name),
       .required = true,
       .search = SearchWeight::name,
       .show = Show::heading},
      {.key = "summary",
       .type = FieldType::text,
       NKFACTS_MEMBER(summary),
       .required = true,
       .search = SearchWeight::summary,
       .show = Show::paragraph},
      {.key = "unit", .type = FieldType::text, NKFACTS_MEMBER(unit), .required = true},
      {.key = "columns",
       .type = FieldType::text_list,
       NKFACTS_MEMBER(columns),
       .required = true,
       .search = SearchWeight::text},
      {.key = "share", .type = FieldType::text, NKFACTS_MEMBER(share_column)},
      NKFACTS_SOURCES_FIELD(R),
      NKFACTS_NOTE_FIELD(R),
      NKFACTS_ALIASES_FIELD(R),
      // Searched for the points' notes.
      {.key = "point",
       .type = FieldType::points,
       NKFACTS_MEMBER(points),
       .required = true,
       .search = SearchWeight::note},
      NKFACTS_KO(R, name, text, SearchWeight::name),
      NKFACTS_KO(R, summary, text, SearchWeight::summary),
      NKFACTS_KO(R, note, text, SearchWeight::note),
      NKFACTS_KO(R, columns, text_list, SearchWeight::text),
      NKFACTS_STAMP_FIELD(R),
  };
};

template <>
struct Schema<Route> {
  static constexpr Kind kind = Kind::route;
  static constexpr std::string_view name = util::tr_noop("route"), plural = util::tr_noop("routes");
  static constexpr auto records = &FactBase::routes;
  using R = Route;
  static constexpr Field<R> fields[] = {
      NKFACTS_ID_FIELD(R),
      {.key = "name",
       .type = FieldType::text,
       NKFACTS_MEMBER(name),
       .required = true,
       .search = SearchWeight::name,
       .show = Show::heading},
      {.key = "summary",
       .type = FieldType::text,
       NKFACTS_MEMBER(summary),
       .required = true,
       .search = SearchWeight::summary,
       .show = Show::paragraph},
      {.key = "path",
       .type = FieldType::text_list,
       NKFACTS_MEMBER(path),
       .required = true,
       .search = SearchWeight::text,
       .show = Show::field,
       .label = util::tr_noop("Path")},
      {.key = "crossing",
       .type = FieldType::text,
       NKFACTS_MEMBER(crossing),
       .required = true,
       .search = SearchWeight::text,
       .show = Show::field,
       .label = util::tr_noop("Crossing")},
      {.key = "dangers",
       .type = FieldType::id_list,
       NKFACTS_MEMBER(dangers),
       .show = Show::field,
       .label = util::tr_noop("Dangers"),
       .targets = Kind::danger},
      NKFACTS_SOURCES_FIELD(R),
      NKFACTS_NOTE_FIELD(R),
      NKFACTS_ALIASES_FIELD(R),
      NKFACTS_KO(R, name, text, SearchWeight::name),
      NKFACTS_KO(R, summary, text, SearchWeight::summary),
      NKFACTS_KO(R, path, text_list, SearchWeight::text),
      NKFACTS_KO(R, crossing, text, SearchWeight::text),
      NKFACTS_KO(R, note, text, SearchWeight::note),
      NKFACTS_STAMP_FIELD(R),
  };
};

template <>
struct Schema<Danger> {
  static constexpr Kind kind = Kind::danger;
  static constexpr std::string_view name = util::tr_noop("danger"),
                                    plural = util::tr_noop("dangers");
  static constexpr auto records = &FactBase::dangers;
  using R = Danger;
  static constexpr Field<R> fields[] = {
      NKFACTS_ID_FIELD(R),
      {.key = "name",
       .type = FieldType::text,
       NKFACTS_MEMBER(name),
       .required = true,
       .search = SearchWeight::name,
       .show = Show::heading},
      {.key = "where",
       .type = FieldType::text,
       NKFACTS_MEMBER(where),
       .required = true,
       .search = SearchWeight::text,
       .show = Show::field,
       .label = util::tr_noop("Where")},
      {.key = "summary",
       .type = FieldType::text,
       NKFACTS_MEMBER(summary),
       .required = true,
       .search = SearchWeight::summary,
       .show = Show::paragraph},
      NKFACTS_SOURCES_FIELD(R),
      NKFACTS_NOTE_FIELD(R),
      NKFACTS_ALIASES_FIELD(R),
      NKFACTS_KO(R, name, text, SearchWeight::name),
      NKFACTS_KO(R, where, text, SearchWeight::text),
      NKFACTS_KO(R, summary, text, SearchWeight::summary),
      NKFACTS_KO(R, note, text, SearchWeight::note),
      NKFACTS_STAMP_FIELD(R),
  };
};

template <>
struct Schema<Event> {
  static constexpr Kind kind = Kind::event;
  static constexpr std::string_view name = util::tr_noop("event"), plural = util::tr_noop("events");
  static constexpr auto records = &FactBase::events;
  using R = Event;
  static constexpr Field<R> fields[] = {
      NKFACTS_ID_FIELD(R),
      {.key = "date",
       .type = FieldType::date,
       NKFACTS_MEMBER(date),
       .required = true,
       .show = Show::field,
       .label = util::tr_noop("Date")},
      {.key = "title",
       .type = FieldType::text,
       NKFACTS_MEMBER(title),
       .required = true,
       .search = SearchWeight::name,
       .show = Show::heading},
      {.key = "summary",
       .type = FieldType::text,
       NKFACTS_MEMBER(summary),
       .required = true,
       .search = SearchWeight::summary,
       .show = Show::paragraph},
      NKFACTS_SOURCES_FIELD(R),
      NKFACTS_NOTE_FIELD(R),
      NKFACTS_ALIASES_FIELD(R),
      NKFACTS_KO(R, title, text, SearchWeight::name),
      NKFACTS_KO(R, summary, text, SearchWeight::summary),
      NKFACTS_KO(R, note, text, SearchWeight::note),
      NKFACTS_STAMP_FIELD(R),
  };
};

template <>
struct Schema<Fact> {
  static constexpr Kind kind = Kind::fact;
  static constexpr std::string_view name = util::tr_noop("fact"), plural = util::tr_noop("facts");
  static constexpr auto records = &FactBase::facts;
  using R = Fact;
  static constexpr Field<R> fields[] = {
      NKFACTS_ID_FIELD(R),
      {.key = "label",
       .type = FieldType::text,
       NKFACTS_MEMBER(label),
       .required = true,
       .search = SearchWeight::name,
       .show = Show::heading},
      {.key = "summary",
       .type = FieldType::text,
       NKFACTS_MEMBER(summary),
       .required = true,
       .search = SearchWeight::summary,
       .show = Show::paragraph},
      {.key = "as_of",
       .type = FieldType::date,
       NKFACTS_MEMBER(as_of),
       .show = Show::field,
       .label = util::tr_noop("As of")},
      NKFACTS_SOURCES_FIELD(R),
      NKFACTS_NOTE_FIELD(R),
      NKFACTS_ALIASES_FIELD(R),
      NKFACTS_KO(R, label, text, SearchWeight::name),
      NKFACTS_KO(R, summary, text, SearchWeight::summary),
      NKFACTS_KO(R, note, text, SearchWeight::note),
      NKFACTS_STAMP_FIELD(R),
  };
};

template <>
struct Schema<Claim> {
  static constexpr Kind kind = Kind::claim;
  static constexpr std::string_view name = util::tr_noop("claim"), plural = util::tr_noop("claims");
  static constexpr auto records = &FactBase::claims;
  using R = Claim;
  static constexpr Field<R> fields[] = {
      NKFACTS_ID_FIELD(R),
      {.key = "statement",
       .type = FieldType::text,
       NKFACTS_MEMBER(statement),
       .required = true,
       .search = SearchWeight::name,
       .show = Show::heading},
      {.key = "verdict",
       .type = FieldType::choice,
       NKFACTS_MEMBER(verdict),
       .required = true,
       .show = Show::field,
       .label = util::tr_noop("Verdict"),
       .choices = k_verdicts},
      {.key = "claimed_by",
       .type = FieldType::id_list,
       NKFACTS_MEMBER(claimed_by),
       .required = true,
       .show = Show::field,
       .label = util::tr_noop("Claimed in"),
       .targets = Kind::reference},
      {.key = "summary",
       .type = FieldType::text,
       NKFACTS_MEMBER(summary),
       .required = true,
       .search = SearchWeight::summary,
       .show = Show::paragraph},
      {.key = "evidence",
       .type = FieldType::id_list,
       NKFACTS_MEMBER(evidence),
       .show = Show::list,
       .label = util::tr_noop("Evidence"),
       .targets = KindSet::all_but(Kind::reference)},
      NKFACTS_SOURCES_FIELD(R),
      {.key = "as_of",
       .type = FieldType::date,
       NKFACTS_MEMBER(as_of),
       .show = Show::field,
       .label = util::tr_noop("As of")},
      NKFACTS_NOTE_FIELD(R),
      NKFACTS_ALIASES_FIELD(R),
      NKFACTS_KO(R, statement, text, SearchWeight::name),
      NKFACTS_KO(R, summary, text, SearchWeight::summary),
      NKFACTS_KO(R, note, text, SearchWeight::note),
      NKFACTS_STAMP_FIELD(R),
  };
};

template <>
struct Schema<Term> {
  static constexpr Kind kind = Kind::term;
  static constexpr std::string_view name = util::tr_noop("term"), plural = util::tr_noop("terms");
  static constexpr auto records = &FactBase::terms;
  using R = Term;
  static constexpr Field<R> fields[] = {
      NKFACTS_ID_FIELD(R),
      {.key = "term",
       .type = FieldType::text,
       NKFACTS_MEMBER(term),
       .required = true,
       .search = SearchWeight::name,
       .show = Show::heading},
      {.key = "korean",
       .type = FieldType::text,
       NKFACTS_MEMBER(korean),
       .required = true,
       .search = SearchWeight::name,
       .show = Show::field,
       .label = util::tr_noop("Korean")},
      {.key = "romanization",
       .type = FieldType::text,
       NKFACTS_MEMBER(romanization),
       .required = true,
       .search = SearchWeight::name,
       .show = Show::field,
       .label = util::tr_noop("Romanized")},
      {.key = "summary",
       .type = FieldType::text,
       NKFACTS_MEMBER(summary),
       .required = true,
       .search = SearchWeight::summary,
       .show = Show::paragraph},
      NKFACTS_SOURCES_FIELD(R),
      NKFACTS_NOTE_FIELD(R),
      NKFACTS_ALIASES_FIELD(R),
      NKFACTS_KO(R, summary, text, SearchWeight::summary),
      NKFACTS_KO(R, note, text, SearchWeight::note),
      NKFACTS_STAMP_FIELD(R),
  };
};

#undef NKFACTS_MEMBER
#undef NKFACTS_ID_FIELD
#undef NKFACTS_SOURCES_FIELD
#undef NKFACTS_NOTE_FIELD
#undef NKFACTS_ALIASES_FIELD
#undef NKFACTS_KO
#undef NKFACTS_STAMP_FIELD

// Calls `visit(Schema<R>{})` with the schema of `kind`: the one switch over kinds.
template <typename Visit>
decltype(auto) visit_kind(Kind kind, Visit&& visit) {
  switch (kind) {
    case Kind::reference:
      return visit(Schema<Reference>{});
    case Kind::figure:
      return visit(Schema<Figure>{});
    case Kind::series:
      return visit(Schema<Series>{});
    case Kind::route:
      return visit(Schema<Route>{});
    case Kind::danger:
      return visit(Schema<Danger>{});
    case Kind::event:
      return visit(Schema<Event>{});
    case Kind::fact:
      return visit(Schema<Fact>{});
    case Kind::claim:
      return visit(Schema<Claim>{});
    case Kind::term:
      break;
  }
  return visit(Schema<Term>{});
}

// Calls `visit(Schema<R>{})` for every kind, in the order of the Kind enum.
template <typename Visit>
void for_each_kind(Visit&& visit) {
  for (int k = 0; k <= static_cast<int>(Kind::term); ++k) visit_kind(static_cast<Kind>(k), visit);
}

// The records of the kind of `schema` in `facts`.
template <typename S>
auto& records_of(FactBase& facts, S) {
  return facts.*S::records;
}
template <typename S>
const auto& records_of(const FactBase& facts, S) {
  return facts.*S::records;
}

// Calls `visit(record, Schema<R>{})` with the record `ref` points at.
template <typename Visit>
decltype(auto) visit_record(const FactBase& facts, const RecordRef& ref, Visit&& visit) {
  return visit_kind(ref.kind, [&](auto schema) -> decltype(auto) {
    return visit(records_of(facts, schema)[ref.index], schema);
  });
}

// The field whose value is the record's name (shown as its heading).
template <typename R>
constexpr const Field<R>& name_field() {
  for (const auto& field : Schema<R>::fields) {
    if (field.show == Show::heading) return field;
  }
  return Schema<R>::fields[0];
}

// The record's name in the display language (its Korean twin, when it has one).
template <typename R>
Text name_of(const R& record) {
  const auto& name = name_field<R>();
  if (util::language() == util::Language::ko) {
    for (const auto& twin : Schema<R>::fields) {
      if (twin.translates != name.key || twin.gloss) continue;
      const Text korean = record.*std::get<Text R::*>(twin.member);
      if (!korean.empty()) return korean;
    }
  }
  return record.*std::get<Text R::*>(name.member);
}

// Calls `visit(targets, ids, field)` for every id list of `record`.
template <typename R, typename Visit>
void for_each_id_list(const R& record, Visit&& visit) {
  for (const auto& field : Schema<R>::fields) {
    if (field.type == FieldType::id_list) {
      visit(field.targets, record.*std::get<TextList R::*>(field.member), field);
    }
  }
}

// The fields for_each_searchable reads in a record of type R, in its order:
// `visit(key, weight)` for each (a series' points as "note", like its own note).
template <typename R, typename Visit>
void for_each_searched_field(Visit&& visit) {
  const auto& name = name_field<R>();
  visit(name.key, name.search);
  visit(Schema<R>::fields[0].key, Schema<R>::fields[0].search);
  for (const auto& field : Schema<R>::fields) {
    if (field.search == SearchWeight::none || &field == &name || field.type == FieldType::id)
      continue;
    visit(field.type == FieldType::points ? std::string_view("note") : field.key, field.search);
  }
}

// The searchable text of a record, name first, then its id, then the rest in schema
// order: `visit(key, text, weight)` for each non-empty text (each item of a list), with
// the field's SearchWeight. A series' points' notes are read as its field "note".
template <typename Visit>
void for_each_searchable(const FactBase& facts, const RecordRef& ref, Visit&& visit) {
  visit_record(facts, ref, [&](const auto& record, auto schema) {
    using R = std::decay_t<decltype(record)>;
    const auto& name = name_field<R>();
    const auto one = [&](const Field<R>& field, std::string_view text) {
      if (!text.empty()) visit(field.key, text, field.search);
    };
    one(name, record.*std::get<Text R::*>(name.member));
    one(Schema<R>::fields[0], record.id);
    for (const auto& field : decltype(schema)::fields) {
      if (field.search == SearchWeight::none || &field == &name || field.type == FieldType::id)
        continue;
      if (const auto* text = std::get_if<Text R::*>(&field.member)) {
        one(field, record.**text);
      } else if (const auto* list = std::get_if<TextList R::*>(&field.member)) {
        for (const auto item : record.**list) one(field, item);
      } else if constexpr (std::is_same_v<R, Series>) {
        if (field.type == FieldType::points) {
          for (const auto& point : record.points) {
            if (!point.note.empty()) visit(std::string_view("note"), point.note, field.search);
            if (!point.ko_note.empty()) {
              visit(std::string_view("ko.note"), point.ko_note, field.search);
            }
          }
        }
      }
    }
  });
}

}  // namespace nkfacts::model

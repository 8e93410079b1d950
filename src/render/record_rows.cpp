#include "render/record_rows.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_set>
#include <utility>

#include "render/citation.hpp"

namespace nkfacts::render {
namespace {

Value optional_date(const std::optional<model::Date>& date) {
  return date ? Value(model::to_iso(*date)) : Value();
}

Value optional_number(const std::optional<double>& number) {
  return number ? Value(*number) : Value();
}

Value text_or_null(std::string_view text) { return text.empty() ? Value() : Value(text); }

}  // namespace

const std::vector<std::string>& fields_of(model::Kind kind) {
  static const std::vector<std::string> reference = {
      "id",        "kind",      "reference_kind", "title", "translated_title", "authors",
      "publisher", "published", "retrieved",      "url",   "language",         "issn",
      "volume",    "issue",     "pages",          "note",  "citation"};
  static const std::vector<std::string> figure = {"id",    "kind", "label", "summary",
                                                  "value", "low",  "high",  "unit",
                                                  "as_of", "headline", "sources", "note"};
  static const std::vector<std::string> series = {"id",      "kind",    "name",    "summary",
                                                  "unit",    "columns", "share",   "sources",
                                                  "note"};
  static const std::vector<std::string> route = {"id",      "kind",    "name",    "summary", "path",
                                                 "crossing", "dangers", "sources", "note"};
  static const std::vector<std::string> danger = {"id",      "kind",    "name", "where",
                                                  "summary", "sources", "note"};
  static const std::vector<std::string> event = {"id",      "kind",    "date", "title",
                                                 "summary", "sources", "note"};
  static const std::vector<std::string> fact = {"id",    "kind",    "label", "summary",
                                                "as_of", "sources", "note"};
  switch (kind) {
    case model::Kind::reference: return reference;
    case model::Kind::figure: return figure;
    case model::Kind::series: return series;
    case model::Kind::route: return route;
    case model::Kind::danger: return danger;
    case model::Kind::event: return event;
    case model::Kind::fact: break;
  }
  return fact;
}

std::vector<std::string> series_fields(const model::Series& series) {
  std::vector<std::string> out = {"series", "period", "from", "to"};
  for (const auto& column : series.columns) out.emplace_back(column);
  out.emplace_back("total");
  if (!series.share_column.empty()) out.push_back(std::string(series.share_column) + "_share");
  out.emplace_back("sources");
  out.emplace_back("note");
  return out;
}

void add_fields(std::vector<std::string>& schema, const std::vector<std::string>& more) {
  for (const auto& name : more) {
    if (std::find(schema.begin(), schema.end(), name) == schema.end()) schema.push_back(name);
  }
}

Row reference_row(const model::Reference& r, CitationStyle style) {
  return reference_row(r, cite(r, style));
}

Row reference_row(const model::Reference& r, std::string citation) {
  Row row;
  row.fields.reserve(fields_of(model::Kind::reference).size());
  row.add("id", r.id);
  row.add("kind", std::string_view("reference"));
  row.add("reference_kind", model::reference_kind_name(r.kind));
  row.add("title", r.title);
  row.add("translated_title", text_or_null(r.translated_title));
  row.add("authors", r.authors);
  row.add("publisher", r.publisher);
  row.add("published", optional_date(r.published));
  row.add("retrieved", optional_date(r.retrieved));
  row.add("url", text_or_null(r.url));
  row.add("language", text_or_null(r.language));
  row.add("issn", text_or_null(r.issn));
  row.add("volume", text_or_null(r.volume));
  row.add("issue", text_or_null(r.issue));
  row.add("pages", text_or_null(r.pages));
  row.add("note", text_or_null(r.note));
  row.add("citation", std::move(citation));
  return row;
}

Row series_row(const model::Series& series, const model::SeriesPoint& point) {
  Row row;
  row.fields.reserve(series.columns.size() + 8);
  row.add("series", series.id);
  row.add("period", model::period_label(point.period));
  row.add("from", point.period.from ? Value(static_cast<double>(*point.period.from)) : Value());
  row.add("to", static_cast<double>(point.period.to));
  for (std::size_t c = 0; c < series.columns.size(); ++c) row.add(series.columns[c], point.values[c]);
  const double total = point.total();
  row.add("total", total);
  const auto share = std::find(series.columns.begin(), series.columns.end(), series.share_column);
  if (share != series.columns.end()) {
    const auto index = static_cast<std::size_t>(share - series.columns.begin());
    // Rounded to one decimal, as printed; 0 when the total is 0.
    const double percent = total == 0 ? 0.0 : point.values[index] * 1000.0 / total;
    row.add_owned_name(std::string(series.share_column) + "_share", static_cast<double>(static_cast<long long>(percent + 0.5)) / 10.0);
  }
  if (point.sources.empty()) {
    row.add("sources", series.sources);
  } else {
    std::vector<std::string> sources(series.sources.begin(), series.sources.end());
    for (const auto& id : point.sources) {
      if (std::find(sources.begin(), sources.end(), id) == sources.end()) sources.emplace_back(id);
    }
    row.add("sources", std::move(sources));
  }
  row.add("note", text_or_null(point.note));
  return row;
}

Row record_row(const model::FactBase& facts, const model::RecordRef& ref) {
  Row row;
  row.fields.reserve(fields_of(ref.kind).size());
  switch (ref.kind) {
    case model::Kind::reference: return reference_row(facts.references[ref.index]);
    case model::Kind::figure: {
      const auto& f = facts.figures[ref.index];
      row.add("id", f.id);
      row.add("kind", std::string_view("figure"));
      row.add("label", f.label);
      row.add("summary", f.summary);
      row.add("value", f.value.is_point() ? Value(*f.value.low) : Value());
      row.add("low", optional_number(f.value.low));
      row.add("high", optional_number(f.value.high));
      row.add("unit", f.unit);
      row.add("as_of", optional_date(f.as_of));
      row.add("headline", f.headline);
      row.add("sources", f.sources);
      row.add("note", text_or_null(f.note));
      return row;
    }
    case model::Kind::series: {
      const auto& s = facts.series[ref.index];
      row.add("id", s.id);
      row.add("kind", std::string_view("series"));
      row.add("name", s.name);
      row.add("summary", s.summary);
      row.add("unit", s.unit);
      row.add("columns", s.columns);
      row.add("share", text_or_null(s.share_column));
      row.add("sources", s.sources);
      row.add("note", text_or_null(s.note));
      return row;
    }
    case model::Kind::route: {
      const auto& r = facts.routes[ref.index];
      row.add("id", r.id);
      row.add("kind", std::string_view("route"));
      row.add("name", r.name);
      row.add("summary", r.summary);
      row.add("path", r.path);
      row.add("crossing", r.crossing);
      row.add("dangers", r.dangers);
      row.add("sources", r.sources);
      row.add("note", text_or_null(r.note));
      return row;
    }
    case model::Kind::danger: {
      const auto& d = facts.dangers[ref.index];
      row.add("id", d.id);
      row.add("kind", std::string_view("danger"));
      row.add("name", d.name);
      row.add("where", d.where);
      row.add("summary", d.summary);
      row.add("sources", d.sources);
      row.add("note", text_or_null(d.note));
      return row;
    }
    case model::Kind::event: {
      const auto& e = facts.events[ref.index];
      row.add("id", e.id);
      row.add("kind", std::string_view("event"));
      row.add("date", model::to_iso(e.date));
      row.add("title", e.title);
      row.add("summary", e.summary);
      row.add("sources", e.sources);
      row.add("note", text_or_null(e.note));
      return row;
    }
    case model::Kind::fact: break;
  }
  const auto& f = facts.facts[ref.index];
  row.add("id", f.id);
  row.add("kind", std::string_view("fact"));
  row.add("label", f.label);
  row.add("summary", f.summary);
  row.add("as_of", optional_date(f.as_of));
  row.add("sources", f.sources);
  row.add("note", text_or_null(f.note));
  return row;
}

void resolve_references(Dataset& data, const model::FactBase& facts) {
  // A set, not a list: a search over a large fact base gives thousands of rows.
  std::unordered_set<std::string_view> seen;
  for (const auto& row : data.rows) {
    const Value* sources = row.get("sources");
    if (!sources) continue;
    for_each_item(*sources, [&](std::string_view id) {
      if (!seen.insert(id).second) return;
      if (const auto* reference = facts.find_reference(id)) {
        data.references.push_back(reference_row(*reference));
      }
    });
  }
}

}  // namespace nkfacts::render

#include "render/record_rows.hpp"

#include <algorithm>

#include "render/citation.hpp"

namespace nkfacts::render {
namespace {

Value optional_date(const std::optional<model::Date>& date) {
  return date ? Value(model::to_iso(*date)) : Value();
}

Value optional_number(const std::optional<double>& number) {
  return number ? Value(*number) : Value();
}

Value text_or_null(const std::string& text) { return text.empty() ? Value() : Value(text); }

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
  for (const auto& column : series.columns) out.push_back(column);
  out.emplace_back("total");
  if (!series.share_column.empty()) out.push_back(series.share_column + "_share");
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
  Row row;
  row.set("id", r.id);
  row.set("kind", std::string("reference"));
  row.set("reference_kind", std::string(model::reference_kind_name(r.kind)));
  row.set("title", r.title);
  row.set("translated_title", text_or_null(r.translated_title));
  row.set("authors", r.authors);
  row.set("publisher", r.publisher);
  row.set("published", optional_date(r.published));
  row.set("retrieved", optional_date(r.retrieved));
  row.set("url", text_or_null(r.url));
  row.set("language", text_or_null(r.language));
  row.set("issn", text_or_null(r.issn));
  row.set("volume", text_or_null(r.volume));
  row.set("issue", text_or_null(r.issue));
  row.set("pages", text_or_null(r.pages));
  row.set("note", text_or_null(r.note));
  row.set("citation", cite(r, style));
  return row;
}

Row series_row(const model::Series& series, const model::SeriesPoint& point) {
  Row row;
  row.set("series", series.id);
  row.set("period", model::period_label(point.period));
  row.set("from", point.period.from ? Value(static_cast<double>(*point.period.from)) : Value());
  row.set("to", static_cast<double>(point.period.to));
  for (std::size_t c = 0; c < series.columns.size(); ++c) row.set(series.columns[c], point.values[c]);
  const double total = point.total();
  row.set("total", total);
  const auto share = std::find(series.columns.begin(), series.columns.end(), series.share_column);
  if (share != series.columns.end()) {
    const auto index = static_cast<std::size_t>(share - series.columns.begin());
    // Rounded to one decimal, as printed; 0 when the total is 0.
    const double percent = total == 0 ? 0.0 : point.values[index] * 1000.0 / total;
    row.set(series.share_column + "_share", static_cast<double>(static_cast<long long>(percent + 0.5)) / 10.0);
  }
  std::vector<std::string> sources = series.sources;
  for (const auto& id : point.sources) {
    if (std::find(sources.begin(), sources.end(), id) == sources.end()) sources.push_back(id);
  }
  row.set("sources", sources);
  row.set("note", text_or_null(point.note));
  return row;
}

Row record_row(const model::FactBase& facts, const model::RecordRef& ref) {
  Row row;
  switch (ref.kind) {
    case model::Kind::reference: return reference_row(facts.references[ref.index]);
    case model::Kind::figure: {
      const auto& f = facts.figures[ref.index];
      row.set("id", f.id);
      row.set("kind", std::string("figure"));
      row.set("label", f.label);
      row.set("summary", f.summary);
      row.set("value", f.value.is_point() ? Value(*f.value.low) : Value());
      row.set("low", optional_number(f.value.low));
      row.set("high", optional_number(f.value.high));
      row.set("unit", f.unit);
      row.set("as_of", optional_date(f.as_of));
      row.set("headline", f.headline);
      row.set("sources", f.sources);
      row.set("note", text_or_null(f.note));
      return row;
    }
    case model::Kind::series: {
      const auto& s = facts.series[ref.index];
      row.set("id", s.id);
      row.set("kind", std::string("series"));
      row.set("name", s.name);
      row.set("summary", s.summary);
      row.set("unit", s.unit);
      row.set("columns", s.columns);
      row.set("share", text_or_null(s.share_column));
      row.set("sources", s.sources);
      row.set("note", text_or_null(s.note));
      return row;
    }
    case model::Kind::route: {
      const auto& r = facts.routes[ref.index];
      row.set("id", r.id);
      row.set("kind", std::string("route"));
      row.set("name", r.name);
      row.set("summary", r.summary);
      row.set("path", r.path);
      row.set("crossing", r.crossing);
      row.set("dangers", r.dangers);
      row.set("sources", r.sources);
      row.set("note", text_or_null(r.note));
      return row;
    }
    case model::Kind::danger: {
      const auto& d = facts.dangers[ref.index];
      row.set("id", d.id);
      row.set("kind", std::string("danger"));
      row.set("name", d.name);
      row.set("where", d.where);
      row.set("summary", d.summary);
      row.set("sources", d.sources);
      row.set("note", text_or_null(d.note));
      return row;
    }
    case model::Kind::event: {
      const auto& e = facts.events[ref.index];
      row.set("id", e.id);
      row.set("kind", std::string("event"));
      row.set("date", model::to_iso(e.date));
      row.set("title", e.title);
      row.set("summary", e.summary);
      row.set("sources", e.sources);
      row.set("note", text_or_null(e.note));
      return row;
    }
    case model::Kind::fact: break;
  }
  const auto& f = facts.facts[ref.index];
  row.set("id", f.id);
  row.set("kind", std::string("fact"));
  row.set("label", f.label);
  row.set("summary", f.summary);
  row.set("as_of", optional_date(f.as_of));
  row.set("sources", f.sources);
  row.set("note", text_or_null(f.note));
  return row;
}

void resolve_references(Dataset& data, const model::FactBase& facts) {
  std::vector<std::string> seen;
  for (const auto& row : data.rows) {
    const Value* sources = row.get("sources");
    if (!sources) continue;
    const auto* ids = std::get_if<std::vector<std::string>>(sources);
    if (!ids) continue;
    for (const auto& id : *ids) {
      if (std::find(seen.begin(), seen.end(), id) != seen.end()) continue;
      seen.push_back(id);
      if (const auto* reference = facts.find_reference(id)) {
        data.references.push_back(reference_row(*reference));
      }
    }
  }
}

}  // namespace nkfacts::render

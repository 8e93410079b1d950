#include "render/record_rows.hpp"

#include <algorithm>
#include <string_view>
#include <type_traits>
#include <unordered_set>
#include <utility>
#include <variant>

#include "model/localized.hpp"
#include "model/schema.hpp"
#include "render/citation.hpp"

namespace nkfacts::render {
namespace {

Value optional_date(const std::optional<model::Date>& date) {
  return date ? Value(model::to_iso(*date)) : Value();
}

Value optional_number(const std::optional<double>& number) {
  return number ? Value(*number) : Value();
}

Value text_or_null(std::string_view text) {
  return text.empty() ? Value() : Value(text);
}

}  // namespace

const std::vector<std::string>& fields_of(model::Kind kind) {
  // Built from the descriptors the first time a machine format asks.
  static const auto all = [] {
    std::vector<std::vector<std::string>> out(std::size(model::k_all_kinds));
    model::for_each_kind([&](auto schema) {
      using S = decltype(schema);
      auto& fields = out[static_cast<std::size_t>(S::kind)];
      fields = {"id", "kind"};
      fields.emplace_back("name");
      for (const auto& field : S::fields) {
        if (field.type == model::FieldType::id || field.type == model::FieldType::points) continue;
        if (field.in_ko_table()) continue;  // a Korean twin (the value of its field), the stamp
        if (field.type == model::FieldType::quantity) {
          fields.insert(fields.end(), {"value", "low", "high"});
        } else if (field.output_name() != "name") {
          fields.emplace_back(field.output_name());
        }
      }
      if constexpr (S::kind == model::Kind::reference) fields.emplace_back("citation");
    });
    return out;
  }();
  return all[static_cast<std::size_t>(kind)];
}

const std::vector<std::string>& record_fields(model::Kind kind) {
  static const auto reference = [] {
    auto fields = fields_of(model::Kind::reference);
    fields.emplace_back("cited_by");
    return fields;
  }();
  return kind == model::Kind::reference ? reference : fields_of(kind);
}

std::vector<std::string> series_fields(const model::Series& series) {
  std::vector<std::string> out = {"id", "kind", "name", "series", "unit", "period", "from", "to"};
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

namespace {

// The fields of `record` in schema order, after id, kind and name.
template <typename R>
void add_schema_fields(Row& row, const R& record) {
  using S = model::Schema<R>;
  row.add("id", record.id);
  row.add("kind", S::name);
  row.add("name",
          model::localized(record, std::get<model::Text R::*>(model::name_field<R>().member)));
  for (const auto& field : S::fields) {
    if (field.type == model::FieldType::id || field.in_ko_table()) continue;
    if (field.output_name() == "name") continue;
    const std::string_view name = field.output_name();
    std::visit(
        [&](auto member) {
          using V = std::decay_t<decltype(record.*member)>;
          const V& v = record.*member;
          if constexpr (std::is_same_v<V, model::Text>) {
            const model::Text text = model::localized(record, member);
            row.add(name, field.required ? Value(text) : text_or_null(text));
          } else if constexpr (std::is_same_v<V, model::TextList>) {
            row.add(name, model::localized(record, member));
          } else if constexpr (std::is_same_v<V, std::optional<model::Date>>) {
            row.add(name, optional_date(v));
          } else if constexpr (std::is_same_v<V, model::Date>) {
            row.add(name, model::to_iso(v));
          } else if constexpr (std::is_same_v<V, bool>) {
            row.add(name, v);
          } else if constexpr (std::is_same_v<V, model::Quantity>) {
            row.add("value", v.is_point() ? Value(*v.low) : Value());
            row.add("low", optional_number(v.low));
            row.add("high", optional_number(v.high));
          } else if constexpr (std::is_enum_v<V>) {
            row.add(name, field.choices[static_cast<std::size_t>(v)]);
          }
        },
        field.member);
  }
}

}  // namespace

Row reference_row(const model::Reference& r, std::string citation) {
  Row row;
  row.fields.reserve(fields_of(model::Kind::reference).size());
  add_schema_fields(row, r);
  row.add("citation", std::move(citation));
  return row;
}

Row series_row(const model::Series& series, const model::SeriesPoint& point) {
  Row row;
  row.fields.reserve(series.columns.size() + 11);
  // A row is of its series: its id, kind and name, so that id and period are its key.
  row.add("id", series.id);
  row.add("kind", model::Schema<model::Series>::name);
  row.add("name", model::localized(series, &model::Series::name));
  row.add("series", series.id);
  row.add("unit", series.unit);
  row.add("period", model::period_label(point.period));
  row.add("from", point.period.from ? Value(static_cast<double>(*point.period.from)) : Value());
  row.add("to", static_cast<double>(point.period.to));
  for (std::size_t c = 0; c < series.columns.size(); ++c)
    row.add(series.columns[c], point.values[c]);
  const double total = point.total();
  row.add("total", total);
  const auto share = std::find(series.columns.begin(), series.columns.end(), series.share_column);
  if (share != series.columns.end()) {
    const auto index = static_cast<std::size_t>(share - series.columns.begin());
    // Rounded to one decimal, as printed; 0 when the total is 0.
    const double percent = total == 0 ? 0.0 : point.values[index] * 1000.0 / total;
    row.add_owned_name(std::string(series.share_column) + "_share",
                       static_cast<double>(static_cast<long long>(percent + 0.5)) / 10.0);
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
  row.add("note", text_or_null(model::localized_note(point)));
  return row;
}

Row record_row(const model::FactBase& facts, const model::RecordRef& ref) {
  if (ref.kind == model::Kind::reference) {
    const auto& reference = facts.references[ref.index];
    Row row = reference_row(reference);
    std::vector<std::string> cited_by;
    for (const auto& citation : facts.citations()) {
      if (citation.reference == reference.id) cited_by.emplace_back(citation.record);
    }
    std::sort(cited_by.begin(), cited_by.end());
    cited_by.erase(std::unique(cited_by.begin(), cited_by.end()), cited_by.end());
    row.add("cited_by", std::move(cited_by));
    return row;
  }
  Row row;
  row.fields.reserve(fields_of(ref.kind).size());
  model::visit_record(facts, ref,
                      [&](const auto& record, auto) { add_schema_fields(row, record); });
  return row;
}

void CitedReferences::note(const Row& row) {
  const Value* sources = row.get("sources");
  if (!sources) return;
  for_each_item(*sources, [&](std::string_view id) {
    const auto* reference = m_facts.find_reference(id);
    if (reference && m_seen.insert(reference).second) m_references.push_back(reference);
  });
}

void resolve_references(Dataset& data, const model::FactBase& facts) {
  CitedReferences cited(facts);
  for (const auto& row : data.rows) cited.note(row);
  data.references.clear();
  data.references.reserve(cited.size());
  for (std::size_t i = 0; i < cited.size(); ++i) data.references.push_back(cited.row(i));
}

}  // namespace nkfacts::render

// Records as rows for the machine formats. Field names are the TOML keys (docs/cli.md), plus `kind`
// and `name` for every record (a figure's label, an event's title, a claim's statement, a term's
// term); a reference's own kind is `reference_kind`. These names are documented in the man page
// (OUTPUT FORMATS) and are stable.
#pragma once

#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "model/fact_base.hpp"
#include "render/citation.hpp"
#include "render/dataset.hpp"

namespace nkfacts::render {

// The fields a record of `kind` has, in output order: id, kind and name, then the fields
// of its descriptor (model/schema.hpp); a reference ends with its citation.
const std::vector<std::string>& fields_of(model::Kind kind);
// The fields of record_row: a reference's row also says what cites it (cited_by).
const std::vector<std::string>& record_fields(model::Kind kind);
// The fields of a series' rows: id, kind and name (of the series: a row belongs to it, and
// id and period are its key), series, unit, period, from, to, one per column, total, and
// <share>_share where the series names a share column, then sources and note.
std::vector<std::string> series_fields(const model::Series& series);

// Adds to `schema` the names of `more` it does not have yet, keeping the order.
void add_fields(std::vector<std::string>& schema, const std::vector<std::string>& more);

Row record_row(const model::FactBase& facts, const model::RecordRef& ref);
// `style` decides the "citation" field.
Row reference_row(const model::Reference& reference, CitationStyle style = CitationStyle::plain);
// The same with the "citation" field already written (cite has it from the bibliography).
Row reference_row(const model::Reference& reference, std::string citation);
Row series_row(const model::Series& series, const model::SeriesPoint& point);

// Fills data.references with the references the rows cite, in order of first use.
void resolve_references(Dataset& data, const model::FactBase& facts);

// The same a row at a time, for rows that are written and dropped one by one
// (commands::RowStream): note() each row, then row(i) makes the i-th of its size()
// references (one at a time: held together, the rows of 19 references took five fresh
// pages of `-o json routes`).
class CitedReferences {
 public:
  explicit CitedReferences(const model::FactBase& facts) : m_facts(facts) {}
  void note(const Row& row);
  std::size_t size() const { return m_references.size(); }
  Row row(std::size_t i) const { return reference_row(*m_references[i]); }

 private:
  const model::FactBase& m_facts;
  // A set, not a list: a search over a large fact base gives thousands of rows.
  std::unordered_set<const model::Reference*> m_seen;
  std::vector<const model::Reference*> m_references;  // in order of first use
};

}  // namespace nkfacts::render

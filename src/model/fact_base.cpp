#include "model/fact_base.hpp"

#include <algorithm>

namespace nkfacts::model {
namespace {

template <typename Record>
void index_records(std::vector<RecordRef>& index, const Records<Record>& records, Kind kind) {
  for (std::size_t i = 0; i < records.size(); ++i) {
    index.push_back(RecordRef{kind, static_cast<std::uint32_t>(i)});
  }
}

// Calls `visit` with the record `ref` points at, whatever its type.
template <typename Visit>
decltype(auto) visit_record(const FactBase& facts, const RecordRef& ref, Visit&& visit) {
  switch (ref.kind) {
    case Kind::reference: return visit(facts.references[ref.index]);
    case Kind::figure: return visit(facts.figures[ref.index]);
    case Kind::series: return visit(facts.series[ref.index]);
    case Kind::route: return visit(facts.routes[ref.index]);
    case Kind::danger: return visit(facts.dangers[ref.index]);
    case Kind::event: return visit(facts.events[ref.index]);
    case Kind::fact: break;
  }
  return visit(facts.facts[ref.index]);
}

}  // namespace

Arena& FactBase::storage() {
  if (m_storage.empty()) m_storage.push_back(std::make_shared<Arena>());
  return *m_storage.front();
}

void FactBase::share_storage(const FactBase& other) {
  m_storage.insert(m_storage.end(), other.m_storage.begin(), other.m_storage.end());
}

void FactBase::build_index() {
  std::vector<RecordRef> index;
  index.reserve(records_held());
  index_records(index, references, Kind::reference);
  index_records(index, figures, Kind::figure);
  index_records(index, series, Kind::series);
  index_records(index, routes, Kind::route);
  index_records(index, dangers, Kind::danger);
  index_records(index, events, Kind::event);
  index_records(index, facts, Kind::fact);
  // Sorted by id; of records sharing an id, the last added wins (as an override does).
  // Each id is looked up once, not at every comparison of the sort.
  struct Keyed {
    std::string_view id;
    RecordRef ref;
  };
  std::vector<Keyed> keyed;
  keyed.reserve(index.size());
  for (const RecordRef& ref : index) keyed.push_back({id_of(ref), ref});
  std::stable_sort(keyed.begin(), keyed.end(),
                   [](const Keyed& a, const Keyed& b) { return a.id < b.id; });
  index.clear();
  for (std::size_t i = 0; i < keyed.size(); ++i) {
    if (i + 1 < keyed.size() && keyed[i].id == keyed[i + 1].id) continue;
    index.push_back(keyed[i].ref);
  }
  m_index = Records<RecordRef>(std::move(index));
}

const RecordRef* FactBase::find(std::string_view id) const {
  const auto it = std::lower_bound(m_index.begin(), m_index.end(), id,
                                   [this](const RecordRef& ref, std::string_view wanted) {
                                     return id_of(ref) < wanted;
                                   });
  return it != m_index.end() && id_of(*it) == id ? &*it : nullptr;
}

const Reference* FactBase::find_reference(std::string_view id) const {
  const auto* ref = find(id);
  return ref && ref->kind == Kind::reference ? &references[ref->index] : nullptr;
}

std::size_t FactBase::record_count() const { return m_index.size(); }

std::size_t FactBase::records_held() const {
  return references.size() + figures.size() + series.size() + routes.size() + dangers.size() +
         events.size() + facts.size();
}

std::vector<std::string> FactBase::ids() const {
  std::vector<std::string> out;
  out.reserve(m_index.size());
  for (const auto& ref : m_index) out.emplace_back(id_of(ref));
  return out;
}

std::vector<std::string> FactBase::ids_of(Kind kind) const {
  std::vector<std::string> out;
  for (const auto& ref : m_index) {
    if (ref.kind == kind) out.emplace_back(id_of(ref));
  }
  return out;
}

std::string_view FactBase::id_of(const RecordRef& ref) const {
  return visit_record(*this, ref, [](const auto& record) -> std::string_view { return record.id; });
}

std::string_view FactBase::name_of(const RecordRef& ref) const {
  switch (ref.kind) {
    case Kind::reference: return references[ref.index].title;
    case Kind::figure: return figures[ref.index].label;
    case Kind::series: return series[ref.index].name;
    case Kind::route: return routes[ref.index].name;
    case Kind::danger: return dangers[ref.index].name;
    case Kind::event: return events[ref.index].title;
    case Kind::fact: return facts[ref.index].label;
  }
  return {};
}

TextList FactBase::sources_of(const RecordRef& ref) const {
  return visit_record(*this, ref, [](const auto& record) -> TextList {
    if constexpr (requires { record.sources; }) {
      return record.sources;
    } else {
      return TextList(&record.id, 1);  // a reference: the record outlives the view
    }
  });
}

SourcePos FactBase::pos_of(const RecordRef& ref) const {
  return visit_record(*this, ref, [](const auto& record) { return record.pos; });
}

std::vector<FactBase::Citation> FactBase::citations() const {
  std::vector<Citation> out;
  auto collect = [&](const auto& records) {
    for (const auto& record : records) {
      for (const auto& source : record.sources) out.push_back({record.id, source});
    }
  };
  collect(figures);
  collect(series);
  collect(routes);
  collect(dangers);
  collect(events);
  collect(facts);
  for (const auto& s : series) {
    for (const auto& point : s.points) {
      for (const auto& source : point.sources) out.push_back({s.id, source});
    }
  }
  return out;
}

std::string_view FactBase::file_of(const SourcePos& pos) const {
  return pos.file < files.size() ? files[pos.file] : std::string_view();
}

}  // namespace nkfacts::model

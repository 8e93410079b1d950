#include "model/fact_base.hpp"

#include <algorithm>

#include "model/schema.hpp"

namespace nkfacts::model {
namespace {

template <typename Record>
void index_records(std::vector<RecordRef>& index, const Records<Record>& records, Kind kind) {
  for (std::size_t i = 0; i < records.size(); ++i) {
    index.push_back(RecordRef{kind, static_cast<std::uint32_t>(i)});
  }
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
  m_search_index = nullptr;
  std::vector<RecordRef> index;
  index.reserve(records_held());
  for_each_kind([&](auto schema) {
    index_records(index, records_of(*this, schema), decltype(schema)::kind);
  });
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
  const auto it = std::lower_bound(
      m_index.begin(), m_index.end(), id,
      [this](const RecordRef& ref, std::string_view wanted) { return id_of(ref) < wanted; });
  return it != m_index.end() && id_of(*it) == id ? &*it : nullptr;
}

const Reference* FactBase::find_reference(std::string_view id) const {
  const auto* ref = find(id);
  return ref && ref->kind == Kind::reference ? &references[ref->index] : nullptr;
}

std::size_t FactBase::record_count() const {
  return m_index.size();
}

std::size_t FactBase::records_held() const {
  std::size_t count = 0;
  for_each_kind([&](auto schema) { count += records_of(*this, schema).size(); });
  return count;
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
  return visit_record(*this, ref,
                      [](const auto& record, auto) -> std::string_view { return record.id; });
}

std::string_view FactBase::name_of(const RecordRef& ref) const {
  return visit_record(*this, ref, [](const auto& record, auto) { return model::name_of(record); });
}

TextList FactBase::sources_of(const RecordRef& ref) const {
  return visit_record(*this, ref, [](const auto& record, auto) -> TextList {
    if constexpr (requires { record.sources; }) {
      return record.sources;
    } else {
      return TextList(&record.id, 1);  // a reference: the record outlives the view
    }
  });
}

SourcePos FactBase::pos_of(const RecordRef& ref) const {
  return visit_record(*this, ref, [](const auto& record, auto) { return record.pos; });
}

std::vector<FactBase::Citation> FactBase::citations() const {
  std::vector<Citation> out;
  auto collect = [&](const auto& records) {
    for (const auto& record : records) {
      // Every list of references: a claim's claimed_by as well as its sources.
      for_each_id_list(record, [&](KindSet targets, TextList ids, const auto&) {
        if (targets != KindSet(Kind::reference)) return;
        for (const auto& id : ids) out.push_back({record.id, id});
      });
    }
  };
  for_each_kind([&](auto schema) {
    if constexpr (decltype(schema)::kind != Kind::reference) collect(records_of(*this, schema));
  });
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

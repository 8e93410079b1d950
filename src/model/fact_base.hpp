// All records of one load, with an index from id to record. Built once by `load`, then
// only read through const&.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/arena.hpp"
#include "model/records.hpp"

namespace nkfacts::model {

// The records of one kind: a view of constant data (the embedded facts), or a vector the
// loader fills. Reading is the same either way; `edit` turns a view into a vector of its
// own the first time something changes it (a user file replacing an embedded record).
template <typename T>
class Records {
 public:
  using value_type = T;
  Records() = default;
  explicit Records(std::span<const T> fixed) : m_fixed(fixed), m_is_fixed(true) {}
  Records(std::initializer_list<T> items) : m_owned(items) {}
  explicit Records(std::vector<T> items) : m_owned(std::move(items)) {}

  const T* data() const { return m_is_fixed ? m_fixed.data() : m_owned.data(); }
  std::size_t size() const { return m_is_fixed ? m_fixed.size() : m_owned.size(); }
  bool empty() const { return size() == 0; }
  const T* begin() const { return data(); }
  const T* end() const { return data() + size(); }
  const T& operator[](std::size_t i) const { return data()[i]; }
  const T& front() const { return data()[0]; }
  const T& back() const { return data()[size() - 1]; }
  operator std::span<const T>() const { return {data(), size()}; }

  std::vector<T>& edit() {
    if (m_is_fixed) {
      m_owned.assign(m_fixed.begin(), m_fixed.end());
      m_fixed = {};
      m_is_fixed = false;
    }
    return m_owned;
  }
  void push_back(const T& item) { edit().push_back(item); }
  void reserve(std::size_t count) { edit().reserve(count); }

 private:
  std::span<const T> m_fixed;
  std::vector<T> m_owned;
  bool m_is_fixed = false;
};

struct SearchIndex;  // model/search_index.hpp

struct RecordRef {
  Kind kind = Kind::figure;
  std::uint32_t index = 0;  // into the vector of that kind
};

struct FactBase {
  Records<Text> files;  // files[0] is "" so SourcePos::file 0 means "unknown"
  Subject subject;
  Records<Reference> references;
  Records<Figure> figures;
  Records<Series> series;
  Records<Route> routes;
  Records<Danger> dangers;
  Records<Event> events;
  Records<Fact> facts;
  Records<Claim> claims;
  Records<Term> terms;
  // True when check's review of the Korean text (load/review.hpp) found nothing in these
  // records when they were built into the binary: check then reviews only the user's files.
  bool translations_reviewed = false;

  // Where records read at run time keep their text and lists: the arena is shared by
  // copies of this fact base, and `share_storage` keeps another base's arenas alive here
  // (merging a loaded file into the embedded facts).
  Arena& storage();
  void share_storage(const FactBase& other);

  // Rebuilds the id index; call after changing the record vectors.
  void build_index();
  // Takes an index computed earlier by build_index on the same records (the embedded
  // facts get theirs at build time: sorting ids at every start cost 70,000 instructions).
  void adopt_index(std::span<const RecordRef> index) { m_index = Records<RecordRef>(index); }
  const Records<RecordRef>& index() const { return m_index; }
  // The search index of these records when it was built with them (the embedded facts'
  // is written at build time); build_index drops it, as the records have changed.
  void adopt_search_index(const SearchIndex* index) { m_search_index = index; }
  const SearchIndex* search_index() const { return m_search_index; }
  const RecordRef* find(std::string_view id) const;
  const Reference* find_reference(std::string_view id) const;
  std::size_t record_count() const;  // records in the index: one per id
  // Every record of every kind, counted before an index is built, duplicates included.
  std::size_t records_held() const;
  // Every id, sorted byte-wise (for "did you mean" and listings).
  std::vector<std::string> ids() const;
  std::vector<std::string> ids_of(Kind kind) const;

  // The common view of any record, for listings and messages.
  std::string_view id_of(const RecordRef& ref) const;
  std::string_view name_of(const RecordRef& ref) const;
  // The references behind a record; a reference stands behind itself (its own id).
  TextList sources_of(const RecordRef& ref) const;
  SourcePos pos_of(const RecordRef& ref) const;
  std::string_view file_of(const SourcePos& pos) const;

  struct Citation {
    std::string_view record;     // the citing record's id
    std::string_view reference;  // the reference id it names
  };
  // Every (record, reference) pair, series points' own sources included.
  std::vector<Citation> citations() const;

 private:
  // Every record, sorted by id: a vector of (kind, index) pairs, so copying a fact base
  // copies a valid index, and building it allocates once.
  Records<RecordRef> m_index;
  const SearchIndex* m_search_index = nullptr;
  std::vector<std::shared_ptr<Arena>> m_storage;
};

}  // namespace nkfacts::model

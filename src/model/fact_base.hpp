// All records of one load, with an index from id to record. Built once by `load`, then
// only read through const&.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/records.hpp"

namespace nkfacts::model {

struct RecordRef {
  Kind kind = Kind::figure;
  std::uint32_t index = 0;             // into the vector of that kind
};

struct FactBase {
  std::vector<std::string> files;      // files[0] is "" so SourcePos::file 0 means "unknown"
  Subject subject;
  std::vector<Reference> references;
  std::vector<Figure> figures;
  std::vector<Series> series;
  std::vector<Route> routes;
  std::vector<Danger> dangers;
  std::vector<Event> events;
  std::vector<Fact> facts;

  // Rebuilds the id index; call after changing the record vectors.
  void build_index();
  // Takes an index computed earlier by build_index on the same records (the embedded
  // facts get theirs at build time: sorting ids at every start cost 70,000 instructions).
  void adopt_index(std::vector<RecordRef> index) { m_index = std::move(index); }
  const std::vector<RecordRef>& index() const { return m_index; }
  const RecordRef* find(std::string_view id) const;
  const Reference* find_reference(std::string_view id) const;
  std::size_t record_count() const;
  // Every id, sorted byte-wise (for "did you mean" and listings).
  std::vector<std::string> ids() const;
  std::vector<std::string> ids_of(Kind kind) const;

  // The common view of any record, for listings and messages.
  std::string_view id_of(const RecordRef& ref) const;
  std::string_view name_of(const RecordRef& ref) const;
  const std::vector<std::string>* sources_of(const RecordRef& ref) const;
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
  std::vector<RecordRef> m_index;
};

}  // namespace nkfacts::model

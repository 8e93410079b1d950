// The search index of a fact base, as plain data: for every term of the records' searched
// fields, the records and fields it occurs in and how often; each field's length in words;
// the totals BM25 needs; and every word with its frequency, for "did you mean".
//
// query/index.cpp builds it, with one indexer for both uses: at build time nkfacts-embed
// writes the index of the embedded facts as constant tables that the embedded fact base
// points at (start-up builds nothing), and at run time facts loaded from user files are
// indexed by the same code. Which words become which terms is query's business
// (query/index.hpp); the fields indexed are those the schema gives a SearchWeight.
#pragma once

#include <cstdint>
#include <string_view>

#include "model/arena.hpp"
#include "model/fact_base.hpp"
#include "model/schema.hpp"

namespace nkfacts::model {

// A searched field of one kind. A kind's fields are in the order a record's are read
// (model::for_each_searchable): its name, its id, then schema order; pieces with the same
// key (a series' note and its points' notes) are one field.
struct IndexField {
  Kind kind = Kind::figure;
  SearchWeight weight = SearchWeight::none;
  std::string_view name;
  std::uint64_t total_length = 0;  // words in this field, over the kind's records
  std::uint32_t records = 0;       // records of the kind that have the field
};

// Where a kind's records and fields are. Documents are numbered kind by kind, in the
// order of model::k_all_kinds and then as loaded: record i of the kind is document
// first_doc + i.
struct IndexKind {
  std::uint32_t first_doc = 0;
  std::uint32_t docs = 0;
  std::uint32_t first_field = 0;  // into SearchIndex::fields
  std::uint32_t fields = 0;
  std::uint32_t first_length = 0;  // into SearchIndex::lengths: `fields` per document
};

// Text of the index: a slice of SearchIndex::text. Offsets, not views, keep the embedded
// tables small (12 and 16 bytes an entry instead of 24).
struct IndexText {
  std::uint32_t at = 0;
  std::uint32_t size = 0;
};

// A term (query/index.hpp) and where its postings start; they end where the next term's do.
struct IndexTerm {
  IndexText text;
  std::uint32_t first_posting = 0;
};

// A term's occurrences in one field of one document. Eight bytes, as the embedded index
// is part of the binary: a count past 65,535 (a megabyte of one word) is kept as 65,535,
// where BM25 has long stopped telling counts apart.
struct IndexPosting {
  std::uint32_t doc = 0;
  std::uint16_t field = 0;  // into SearchIndex::fields
  std::uint16_t count = 0;
};

// A word of the records (folded: util::fold_word) and its occurrences, for "did you mean";
// `kinds` holds bit k when a record of Kind k has the word.
struct IndexWord {
  IndexText text;
  std::uint32_t frequency = 0;
  std::uint32_t kinds = 0;
};

struct SearchIndex {
  Records<IndexKind> kinds;        // one per Kind, indexed by the enum's value
  Records<IndexField> fields;      // kind by kind
  Records<std::uint32_t> lengths;  // words in each document's fields (0 when absent)
  Records<IndexTerm> terms;        // sorted byte-wise
  Records<IndexPosting> postings;  // by term, then document, then field
  Records<IndexWord> words;        // sorted byte-wise
  std::string_view text;           // the terms' and words' text, end to end
  Arena storage;                   // where an index built at run time keeps `text`

  std::string_view text_of(IndexText slice) const { return text.substr(slice.at, slice.size); }

  std::uint32_t documents() const {
    std::uint32_t count = 0;
    for (const auto& kind : kinds) count += kind.docs;
    return count;
  }
  // The postings of term t.
  std::span<const IndexPosting> postings_of(std::size_t t) const {
    const std::size_t end = t + 1 < terms.size() ? terms[t + 1].first_posting : postings.size();
    return {postings.data() + terms[t].first_posting, end - terms[t].first_posting};
  }
  std::uint32_t length(std::uint32_t doc, std::uint32_t field) const {
    const auto& kind = kinds[static_cast<std::size_t>(fields[field].kind)];
    return lengths[kind.first_length + (doc - kind.first_doc) * kind.fields +
                   (field - kind.first_field)];
  }
};

}  // namespace nkfacts::model

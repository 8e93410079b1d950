// The one indexer of the records' searched text (model/search_index.hpp says what the index
// holds). nkfacts-embed runs it at build time over facts/ and writes the result as constant
// tables; at run time it indexes facts that came from user files. Either way a search then
// tokenizes only its query and reads postings.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "model/fact_base.hpp"
#include "model/search_index.hpp"

namespace nkfacts::query {

// The term a folded word (util::fold_word) is indexed by: an English word (a-z) by its
// Snowball stem; anything else as it is. Hangul words are kept whole, particles and all: a
// query's Hangul term (without its particle) matches every indexed Hangul word it begins.
void index_term(std::string_view folded_word, std::string& out);

// The index of every record of `facts`.
std::unique_ptr<model::SearchIndex> build_search_index(const model::FactBase& facts);

// The index search reads for `facts`: the one it carries (the embedded facts' index,
// written at build time), else one built now and kept in `built`.
const model::SearchIndex& search_index_of(const model::FactBase& facts,
                                          std::unique_ptr<model::SearchIndex>& built);

}  // namespace nkfacts::query

// Full-text search over every text field of every record: case-insensitive with Unicode
// case folding and NFC (utf8proc), every word must match (AND), ranked.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/fact_base.hpp"

namespace nkfacts::query {

struct SearchHit {
  model::RecordRef ref;
  double score = 0;
  std::string field;                    // the field shown as the match ("summary", ...)
  std::string text;                     // that field's text
  std::vector<std::pair<std::size_t, std::size_t>> spans;  // byte ranges of matches in text
};

// Ranking: each occurrence of a word counts 10 in a record's name (label, title), 5 in its
// id, 1 anywhere else; records must contain every word. Sorted by score, then id.
std::vector<SearchHit> search(const model::FactBase& facts, const std::vector<std::string>& words,
                              std::optional<model::Kind> kind = std::nullopt);

}  // namespace nkfacts::query

// Checks over a whole loaded fact base that no single file can decide: references nobody
// cites. Used by `nkfacts check`. (A date after today is the loader's error, at the date,
// so that loading and `check` agree.)
#pragma once

#include <vector>

#include "model/date.hpp"
#include "model/diagnostic.hpp"
#include "model/fact_base.hpp"

namespace nkfacts::load {

// Warnings for uncited references (dates after today are the loader's errors).
std::vector<model::Diagnostic> review_fact_base(const model::FactBase& facts);

// Warnings for Korean text (docs/ARCHITECTURE.md, Languages): a record whose English field
// has text but whose `ko.` twin has none, and a twin whose digit numerals differ from its
// field's. Records of files from `first_file` on are reviewed. In a file that holds some
// Korean text, each record missing a twin is reported; a file with none at all is
// reported once, as a whole, when it is one of the embedded facts (files before
// `embedded_end`), which must be in Korean in full, and not otherwise (a user's English
// facts need no Korean).
std::vector<model::Diagnostic> review_translations(const model::FactBase& facts,
                                                   std::size_t first_file,
                                                   std::size_t embedded_end);

// The digit numerals of `text`, as they are compared: "34,537" as "34537", "72.2", the
// 1990 of "mid-1990s"; a numeral inside a word ("제3국", "B2") is not one.
std::vector<std::string> digit_numerals(std::string_view text);

// What differs between the numbers of an English text and its Korean twin (empty when they
// agree): compared by value, so 200만 matches "2 million" and 7년 "seven years".
std::vector<std::string> number_differences(std::string_view english, std::string_view korean);

// True when even the earliest day `date` can mean ("2026" means 2026-01-01) is after today.
bool is_in_future(const model::Date& date, const model::Date& today);

}  // namespace nkfacts::load

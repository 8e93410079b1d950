// Checks over a whole loaded fact base that no single file can decide: references nobody
// cites, and dates after today. Used by `nkfacts check`.
#pragma once

#include <vector>

#include "model/date.hpp"
#include "model/diagnostic.hpp"
#include "model/fact_base.hpp"

namespace nkfacts::load {

// Warnings for uncited references; errors for dates later than `today`.
std::vector<model::Diagnostic> review_fact_base(const model::FactBase& facts,
                                                const model::Date& today);

// True when even the earliest day `date` can mean ("2026" means 2026-01-01) is after today.
bool is_in_future(const model::Date& date, const model::Date& today);

}  // namespace nkfacts::load

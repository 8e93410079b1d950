// Checks over a whole loaded fact base that no single file can decide: references nobody
// cites. Used by `nkfacts check`. (A date after today is the loader's error, at the date,
// so that loading and `check` agree.)
#pragma once

#include <vector>

#include "model/date.hpp"
#include "model/diagnostic.hpp"
#include "model/fact_base.hpp"

namespace nkfacts::load {

// Warnings for uncited references. `today` is no longer used: the loader checks dates.
std::vector<model::Diagnostic> review_fact_base(const model::FactBase& facts,
                                                const model::Date& today);

// True when even the earliest day `date` can mean ("2026" means 2026-01-01) is after today.
bool is_in_future(const model::Date& date, const model::Date& today);

}  // namespace nkfacts::load

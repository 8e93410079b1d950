#include "model/records.hpp"

#include <numeric>

namespace nkfacts::model {

std::string period_label(const Period& period) {
  if (!period.from) return "up to " + std::to_string(period.to);
  if (*period.from == period.to) return std::to_string(period.to);
  return std::to_string(*period.from) + "\u2013" + std::to_string(period.to);
}

double SeriesPoint::total() const { return std::accumulate(values.begin(), values.end(), 0.0); }

}  // namespace nkfacts::model

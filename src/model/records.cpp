#include "model/records.hpp"

#include <numeric>

#include "util/i18n.hpp"

namespace nkfacts::model {

std::string period_label(const Period& period) {
  if (!period.from) return "up to " + std::to_string(period.to);
  if (*period.from == period.to) return std::to_string(period.to);
  return std::to_string(*period.from) + "\u2013" + std::to_string(period.to);
}

std::string display_period(const Period& period) {
  if (util::language() != util::Language::ko) return period_label(period);
  // 2002년, 1999–2001년, 1998년까지
  if (!period.from) return std::to_string(period.to) + "년까지";
  return period_label(period) + "년";
}

std::string display_date(const Date& date) {
  if (util::language() != util::Language::ko) return to_iso(date);
  std::string out = std::to_string(date.year) + "년";
  if (date.month) out += " " + std::to_string(date.month) + "월";
  if (date.day) out += " " + std::to_string(date.day) + "일";
  return out;
}

double SeriesPoint::total() const {
  return std::accumulate(values.begin(), values.end(), 0.0);
}

}  // namespace nkfacts::model

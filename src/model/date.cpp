#include "model/date.hpp"

#include <charconv>
#include <cstdio>

namespace nkfacts::model {
namespace {

bool is_leap(std::int32_t year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(std::int32_t year, int month) {
  static constexpr int k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : k_days[month - 1];
}

std::optional<int> parse_digits(std::string_view text, std::size_t count) {
  if (text.size() != count) return std::nullopt;
  int value = 0;
  const auto [ptr, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

std::string to_iso(const Date& date) {
  // Written by hand for the usual four-digit year: snprintf costs a few hundred
  // instructions a call, and JSON output writes a date per record.
  if (date.year >= 0 && date.year <= 9999 && date.month <= 12 && date.day <= 31) {
    std::string out;
    const auto digits = [&out](int value, int width) {
      char text[4];
      for (int i = width - 1; i >= 0; --i, value /= 10)
        text[i] = static_cast<char>('0' + value % 10);
      out.append(text, static_cast<std::size_t>(width));
    };
    digits(static_cast<int>(date.year), 4);
    if (date.month != 0) {
      out += '-';
      digits(date.month, 2);
      if (date.day != 0) {
        out += '-';
        digits(date.day, 2);
      }
    }
    return out;
  }
  char buffer[16];
  if (date.month == 0) {
    std::snprintf(buffer, sizeof buffer, "%04d", static_cast<int>(date.year));
  } else if (date.day == 0) {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d", static_cast<int>(date.year), date.month);
  } else {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", static_cast<int>(date.year), date.month,
                  date.day);
  }
  return buffer;
}

bool is_valid(const Date& date) {
  if (date.year < 1 || date.year > 9999) return false;
  if (date.month == 0) return date.day == 0;
  if (date.month > 12) return false;
  if (date.day == 0) return true;
  return date.day <= days_in_month(date.year, date.month);
}

std::optional<Date> parse_iso_date(std::string_view text) {
  const auto year = parse_digits(text.substr(0, 4), 4);
  if (!year) return std::nullopt;
  Date date{*year, 0, 0};
  if (text.size() > 4) {
    if (text.size() < 7 || text[4] != '-') return std::nullopt;
    const auto month = parse_digits(text.substr(5, 2), 2);
    if (!month) return std::nullopt;
    // A month or day written out is never 0: "2019-00" is no month of 2019.
    if (*month == 0) return std::nullopt;
    date.month = static_cast<std::uint8_t>(*month);
    if (text.size() > 7) {
      if (text.size() != 10 || text[7] != '-') return std::nullopt;
      const auto day = parse_digits(text.substr(8, 2), 2);
      if (!day) return std::nullopt;
      if (*day == 0) return std::nullopt;
      date.day = static_cast<std::uint8_t>(*day);
    }
  }
  if (!is_valid(date)) return std::nullopt;
  return date;
}

Date utc_date(std::int64_t unix_seconds) {
  // Days since 1970-01-01 to a proleptic Gregorian date, counted in 400-year eras that
  // start on 1 March (so the leap day is last), after Howard Hinnant's civil_from_days.
  std::int64_t days = unix_seconds / 86400;
  if (unix_seconds % 86400 < 0) --days;
  const std::int64_t shifted = days + 719468;
  const std::int64_t era = (shifted >= 0 ? shifted : shifted - 146096) / 146097;
  const std::int64_t day_of_era = shifted - era * 146097;
  const std::int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const std::int64_t day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const std::int64_t month_from_march = (5 * day_of_year + 2) / 153;
  const auto day = static_cast<std::uint8_t>(day_of_year - (153 * month_from_march + 2) / 5 + 1);
  const auto month = static_cast<std::uint8_t>(month_from_march < 10 ? month_from_march + 3
                                                                     : month_from_march - 9);
  const std::int64_t year = year_of_era + era * 400 + (month <= 2 ? 1 : 0);
  return {static_cast<std::int32_t>(year), month, day};
}

}  // namespace nkfacts::model

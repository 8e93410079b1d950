// A calendar date known to the year, the month or the day ("as of 2019", "February 2007",
// "2019-12-31"). Facts are often dated only by year; the precision is kept, never invented.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace nkfacts::model {

struct Date {
  std::int32_t year = 0;
  std::uint8_t month = 0;  // 0: unknown
  std::uint8_t day = 0;    // 0: unknown

  friend auto operator<=>(const Date&, const Date&) = default;
};

// ISO 8601 at the known precision: "2019", "2007-02", "2019-12-31".
std::string to_iso(const Date& date);

// Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD"; nullopt when malformed or impossible.
std::optional<Date> parse_iso_date(std::string_view text);

// True for a real calendar date at its precision (month 1-12, day within the month).
bool is_valid(const Date& date);

// The UTC calendar day of a time in seconds since 1970-01-01 (what std::time returns).
// Arithmetic only: glibc's gmtime_r reads the time-zone file first, seven system calls and
// a heap page at every start for a date that needs no zone.
Date utc_date(std::int64_t unix_seconds);

}  // namespace nkfacts::model

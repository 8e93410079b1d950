#include "model/date.hpp"

#include <catch2/catch.hpp>
#include <ctime>

using namespace nkfacts::model;

TEST_CASE("dates keep their precision in ISO form") {
  CHECK(to_iso(Date{2019, 0, 0}) == "2019");
  CHECK(to_iso(Date{2007, 2, 0}) == "2007-02");
  CHECK(to_iso(Date{2019, 12, 31}) == "2019-12-31");
  CHECK(to_iso(Date{5, 1, 9}) == "0005-01-09");
  CHECK(to_iso(Date{12345, 0, 0}) == "12345");
}

TEST_CASE("ISO dates parse at year, month or day precision") {
  CHECK(parse_iso_date("2023-10") == Date{2023, 10, 0});
  CHECK(parse_iso_date("2024") == Date{2024, 0, 0});
  CHECK(parse_iso_date("2024-02-29") == Date{2024, 2, 29});
}

TEST_CASE("impossible or malformed dates are rejected") {
  CHECK_FALSE(parse_iso_date("2023-02-29").has_value());
  CHECK_FALSE(parse_iso_date("2023-13").has_value());
  CHECK_FALSE(parse_iso_date("2023-1").has_value());
  CHECK_FALSE(parse_iso_date("twenty").has_value());
  CHECK_FALSE(parse_iso_date("").has_value());
  CHECK_FALSE(parse_iso_date("2023-10-01x").has_value());
}

TEST_CASE("dates order by year, then month, then day") {
  CHECK(Date{2019, 0, 0} < Date{2019, 1, 0});
  CHECK(Date{2019, 12, 31} < Date{2020, 0, 0});
}

TEST_CASE("utc_date gives the UTC calendar day of a time, as gmtime_r does") {
  CHECK(utc_date(0) == Date{1970, 1, 1});
  CHECK(utc_date(-1) == Date{1969, 12, 31});
  CHECK(utc_date(951782400) == Date{2000, 2, 29});   // a leap day of a year divisible by 400
  CHECK(utc_date(4107456000) == Date{2100, 2, 28});  // 2100 is not a leap year
  CHECK(utc_date(4107542400) == Date{2100, 3, 1});
  // Every day from 1901 to 2199, at its first and its last second, against the C library.
  for (std::int64_t day = -25202; day <= 83656; ++day) {
    for (const std::int64_t second : {day * 86400, day * 86400 + 86399}) {
      const auto seconds = static_cast<std::time_t>(second);
      std::tm utc{};
      REQUIRE(gmtime_r(&seconds, &utc) != nullptr);
      const Date expected{utc.tm_year + 1900, static_cast<std::uint8_t>(utc.tm_mon + 1),
                          static_cast<std::uint8_t>(utc.tm_mday)};
      if (utc_date(second) != expected) FAIL("utc_date(" << second << ") != " << to_iso(expected));
    }
  }
}

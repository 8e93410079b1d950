#include "model/date.hpp"

#include <catch2/catch.hpp>

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

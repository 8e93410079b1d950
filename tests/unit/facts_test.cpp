// The invariants a reader relies on, checked over the shipped fact base (facts/), and the
// headline numbers checked against the sources they cite, as a guard against a typo.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "load/embedded.hpp"
#include "load/sources.hpp"
#include "model/date.hpp"
#include "query/lookup.hpp"

using namespace nkfacts;

namespace {

const model::FactBase& facts() {
  static const model::FactBase base = load::embedded_fact_base();
  return base;
}

const model::Figure& figure(std::string_view id) {
  const auto* ref = facts().find(id);
  REQUIRE(ref != nullptr);
  REQUIRE(ref->kind == model::Kind::figure);
  return facts().figures[ref->index];
}

// Sum of the arrivals series up to and including `last_year`, per column.
std::pair<double, double> cumulative_arrivals(int last_year) {
  const auto* ref = facts().find("arrivals-by-year");
  REQUIRE(ref != nullptr);
  const auto& series = facts().series[ref->index];
  double men = 0;
  double women = 0;
  for (const auto& point : series.points) {
    if (point.period.to > last_year) continue;
    men += point.values[0];
    women += point.values[1];
  }
  return {men, women};
}

}  // namespace

TEST_CASE("the embedded facts are the files in facts/, loaded cleanly") {
  const auto loaded = load::load_path(NKFACTS_FACTS_DIR);
  CHECK(loaded.diagnostics.empty());
  CHECK(load::check_links(loaded.facts, loaded.links).empty());
  CHECK(loaded.facts.record_count() == facts().record_count());
}

TEST_CASE("the index built into the binary is the one build_index computes") {
  model::FactBase rebuilt = facts();
  rebuilt.build_index();
  REQUIRE(rebuilt.index().size() == facts().index().size());
  REQUIRE(facts().index().size() == facts().record_count());
  for (std::size_t i = 0; i < rebuilt.index().size(); ++i) {
    CHECK(rebuilt.index()[i].kind == facts().index()[i].kind);
    CHECK(rebuilt.index()[i].index == facts().index()[i].index);
  }
  for (const auto& reference : facts().references) {
    const auto* ref = facts().find(reference.id);
    REQUIRE(ref != nullptr);
    CHECK(facts().id_of(*ref) == reference.id);
  }
}

TEST_CASE("every reference is cited, and every web reference has a retrieval date") {
  std::set<std::string_view> cited;
  auto collect = [&](const auto& records) {
    for (const auto& record : records) cited.insert(record.sources.begin(), record.sources.end());
  };
  collect(facts().figures);
  collect(facts().series);
  collect(facts().routes);
  collect(facts().dangers);
  collect(facts().events);
  collect(facts().facts);
  collect(facts().claims);
  collect(facts().terms);
  for (const auto& claim : facts().claims) {
    cited.insert(claim.claimed_by.begin(), claim.claimed_by.end());
  }
  for (const auto& series : facts().series) {
    for (const auto& point : series.points) cited.insert(point.sources.begin(), point.sources.end());
  }
  for (const auto& reference : facts().references) {
    INFO(reference.id);
    CHECK(cited.count(reference.id) == 1);
    if (reference.kind == model::ReferenceKind::web) CHECK(reference.retrieved.has_value());
  }
}

TEST_CASE("every figure is dated and every record has sources") {
  for (const auto& f : facts().figures) {
    INFO(f.id);
    CHECK(f.as_of.has_value());
    CHECK_FALSE(f.sources.empty());
  }
  for (const auto& r : facts().routes) CHECK_FALSE(r.sources.empty());
  for (const auto& d : facts().dangers) CHECK_FALSE(d.sources.empty());
  for (const auto& e : facts().events) CHECK_FALSE(e.sources.empty());
  for (const auto& f : facts().facts) CHECK_FALSE(f.sources.empty());
}

TEST_CASE("the yearly arrivals add up to the ministry's cumulative figures") {
  // MOU table to December 2023: 34,078 (men 9,542, women 24,536).
  CHECK(cumulative_arrivals(2023) == std::pair<double, double>{9542, 24536});
  CHECK(*figure("arrivals-total-2023").value.low == 34078);
  // End of 2024 (Yonhap 2025-02-04): 34,314, of whom 24,746 women.
  CHECK(cumulative_arrivals(2024) == std::pair<double, double>{9568, 24746});
  CHECK(*figure("arrivals-total-2024").value.low == 34314);
  // End of 2025, as corrected on 2026-02-04 (Newsis): 34,537 = 9,593 men + 24,944 women.
  const auto [men, women] = cumulative_arrivals(2025);
  CHECK(men == 9593);
  CHECK(women == 24944);
  CHECK(men + women == *figure("arrivals-total-2025").value.low);
  CHECK(women == *figure("arrivals-women-2025").value.low);
}

TEST_CASE("the arrivals series has every period from 'up to 1998' to 2025, in order") {
  const auto& series = facts().series[facts().find("arrivals-by-year")->index];
  REQUIRE(series.points.size() == 26);
  CHECK_FALSE(series.points.front().period.from.has_value());
  CHECK(series.points.front().period.to == 1998);
  CHECK(*series.points[1].period.from == 1999);
  CHECK(series.points[1].period.to == 2001);
  for (std::size_t i = 2; i < series.points.size(); ++i) {
    CHECK(series.points[i].period.is_single_year());
    CHECK(series.points[i].period.to == static_cast<int>(2000 + i));
  }
  // Spot checks against the MOU's yearly table (mou-settlement-support).
  CHECK(series.points[0].total() == 947);
  CHECK(series.points[1].total() == 1043);
  CHECK(series.points[9].total() == 2914);   // 2009, the peak
  CHECK(series.points[21].total() == 63);    // 2021, the lowest
  CHECK(series.points[23].total() == 196);   // 2023
}

TEST_CASE("headline figures match the sources they cite") {
  CHECK(*figure("arrivals-2025").value.low == 223);
  CHECK(*figure("us-refugees-2019").value.low == 218);
  CHECK(*figure("us-refugees-peak-2008").value.low == 38);
  CHECK(*figure("border-crossers-2024").value.low == 3);
  CHECK(*figure("hanawon-course-length").value.low == 12);
  const auto& detained = figure("china-detained-2023");
  CHECK(*detained.value.low == 2000);
  CHECK_FALSE(detained.value.high.has_value());
}

TEST_CASE("estimates are stored as ranges or bounds, never as points") {
  const auto& range = figure("china-hidden-estimates-2003");
  CHECK(*range.value.low == 100000);
  CHECK(*range.value.high == 300000);
  CHECK(*figure("china-hidden-2002").value.low == 100000);
  CHECK_FALSE(figure("china-hidden-2002").value.high.has_value());
  CHECK(*figure("china-hidden-2006").value.high == 100000);
  CHECK_FALSE(figure("china-hidden-2006").value.low.has_value());
  CHECK(*figure("returned-from-china-2003").value.low == 7800);
  CHECK(*figure("broker-fee-2007-budget").value.high == 2000);
  CHECK(*figure("broker-fee-2007-first-class").value.low == 10000);
  // Where sources disagree the range keeps every holder's estimate, never one point.
  const auto& famine = figure("famine-deaths-estimates");
  CHECK(*famine.value.low == 220000);     // North Korea's own figure (USCR 2001)
  CHECK(*famine.value.high == 3500000);   // the top of USCR's estimates (2002, 2003)
  CHECK(*figure("china-hidden-hrw-2002").value.low == 10000);
  CHECK(*figure("china-hidden-hrw-2002").value.high == 300000);
}

TEST_CASE("dated figures match their sources") {
  CHECK(*figure("arrivals-total-2019").value.low == 33022);
  CHECK(*figure("us-refugees-2011").value.low == 122);
  CHECK(*figure("us-refugees-2015").value.low == 191);
  CHECK(*figure("broker-fee-2011").value.low == 3500000);
  CHECK(*figure("broker-fee-2016").value.low == 12000000);
  CHECK(*figure("settlement-payment-2024").value.low == 10000000);
  CHECK(*figure("settlement-payment-2007").value.low == 6000000);
  CHECK(*figure("housing-subsidy").value.low == 16000000);
  CHECK(*figure("defection-minimum-sentence").value.low == 7);
  CHECK(*figure("repatriations-recorded-nkdb").value.low == 8148);
  CHECK(*figure("hana-survey-2025-satisfied").value.low == Approx(81.2));
  CHECK(*figure("hana-survey-2025-employment").value.low == Approx(61.3));
  CHECK(*figure("hana-survey-2025-unemployment").value.low == Approx(5.4));
  CHECK(*figure("russia-refugees-2023").value.low == 31);
}

TEST_CASE("corrected dates keep their corrections") {
  const auto event_date = [](std::string_view id) {
    const auto* ref = facts().find(id);
    REQUIRE(ref != nullptr);
    REQUIRE(ref->kind == model::Kind::event);
    return model::to_iso(facts().events[ref->index].date);
  };
  // Found off Ishikawa on 13 September 2011, not in October as one story said.
  CHECK(event_date("boat-to-japan-2011") == "2011-09-13");
  CHECK(event_date("us-north-korean-human-rights-act") == "2004-10-18");
  // Arirang's 191 counts admissions to the end of November 2015.
  CHECK(model::to_iso(*figure("us-refugees-2015").as_of) == "2015-11");
}

TEST_CASE("the source article's four references are present") {
  for (const char* id : {"mou-policy-statistics", "lfnkr-website", "wsj-2020-07-04",
                         "guardian-2014-08-14"}) {
    INFO(id);
    CHECK(facts().find_reference(id) != nullptr);
  }
  CHECK(facts().find_reference("wsj-2020-07-04")->issn == "0099-9660");
}

TEST_CASE("the references behind a series include its points' own sources") {
  const auto* ref = facts().find("arrivals-by-year");
  const auto ids = query::references_behind(facts(), *ref);
  CHECK(ids.front() == "mou-settlement-support");
  CHECK(std::find(ids.begin(), ids.end(), "newsis-2026-02-04") != ids.end());
}

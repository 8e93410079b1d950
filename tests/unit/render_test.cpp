#include <catch2/catch.hpp>

#include "keep.hpp"
#include "load/toml_loader.hpp"
#include "render/chart.hpp"
#include "render/citation.hpp"
#include "render/diagnostics.hpp"
#include "render/html_pages.hpp"
#include "render/notes.hpp"
#include "render/text.hpp"
#include "util/utf8.hpp"

using namespace nkfacts;

namespace {

// A series of people by sex, as the charts draw one, and its points as they take them.
struct PeopleBySex {
  model::Series series;
  std::vector<const model::SeriesPoint*> points;
};

PeopleBySex people_by_sex(std::string_view name, std::span<const model::SeriesPoint> points) {
  PeopleBySex chart;
  chart.series.id = "s";
  chart.series.name = name;
  chart.series.unit = "people";
  chart.series.columns = test::texts({"men", "women"});
  chart.series.points = points;
  for (const auto& point : chart.series.points) chart.points.push_back(&point);
  return chart;
}

// The lines of `text`, without their line ends.
std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = text.find('\n', start);
    lines.push_back(text.substr(start, end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return lines;
}

}  // namespace

TEST_CASE("a diagnostic shows the position, the line, a caret and the hint") {
  model::Diagnostic d;
  d.path = "my-facts/routes.toml";
  d.line = 12;
  d.column = 6;
  d.message = R"(duplicate id "china-laos-thailand")";
  d.hint = "the first definition is at my-facts/routes.toml:3:6";
  d.source_line = R"(id = "china-laos-thailand")";
  CHECK(render::format_diagnostic(d, {}) ==
        "nkfacts: my-facts/routes.toml:12:6: duplicate id \"china-laos-thailand\"\n"
        "   12 | id = \"china-laos-thailand\"\n"
        "      |      ^\n"
        "hint: the first definition is at my-facts/routes.toml:3:6\n");
}

TEST_CASE("the caret is placed by display width after wide characters") {
  model::Diagnostic d;
  d.path = "t.toml";
  d.line = 1;
  d.column = 11;  // the 'x' after the quote and two Hangul syllables
  d.message = "m";
  d.source_line = "name = \"탈북x\"";
  const auto text = render::format_diagnostic(d, {});
  CHECK(text == "nkfacts: t.toml:1:11: m\n"
                "    1 | name = \"탈북x\"\n"
                "      |             ^\n");
}

TEST_CASE("warnings and notes say what they are") {
  model::Diagnostic d;
  d.severity = model::Severity::warning;
  d.path = "t.toml";
  d.line = 3;
  d.column = 1;
  d.message = "figure \"f\" has no 'as_of' date";
  CHECK(render::format_diagnostic(d, {}) ==
        "nkfacts: warning: t.toml:3:1: figure \"f\" has no 'as_of' date\n");
  d.severity = model::Severity::note;
  d.message = "\"f\" replaces the one from facts/figures.toml";
  CHECK(render::format_diagnostic(d, {}) ==
        "nkfacts: note: t.toml:3: \"f\" replaces the one from facts/figures.toml\n");
}

TEST_CASE("colour only appears when the terminal asks for it") {
  CHECK(render::paint({80, false}, render::Style::heading, "x") == "x");
  CHECK(render::paint({80, true}, render::Style::heading, "x") == "\x1b[1mx\x1b[0m");
}

TEST_CASE("quantities read naturally, with their unit") {
  using Q = model::Quantity;
  CHECK(render::format_quantity(Q{34537, 34537}, "people", true) == "34,537 people");
  CHECK(render::format_quantity(Q{100000, 300000}, "people", true) ==
        "100,000\u2013300,000 people");
  CHECK(render::format_quantity(Q{2000, std::nullopt}, "people", true) == "at least 2,000 people");
  CHECK(render::format_quantity(Q{std::nullopt, 100}, "", false) == "up to 100");
  CHECK(render::format_quantity(Q{72.2, 72.2}, "percent", true) == "72.2%");
}

TEST_CASE("a plain citation gives authors, title, publisher, date, ISSN and address") {
  model::Reference r;
  r.id = "wsj";
  r.kind = model::ReferenceKind::news;
  r.title = "A North Korean Defector's Tale Shows Rotting Military";
  r.publisher = "The Wall Street Journal";
  r.authors = test::texts({"Yoon, Dasl", "Jeong, Andrew"});
  r.published = model::Date{2020, 7, 4};
  r.issn = "0099-9660";
  CHECK(render::cite_plain(r) ==
        "Yoon, Dasl; Jeong, Andrew. \u201cA North Korean Defector's Tale Shows Rotting "
        "Military.\u201d The Wall Street Journal, 2020-07-04. ISSN 0099-9660.");
  r.url = "https://example.org/a";
  r.retrieved = model::Date{2020, 12, 5};
  r.translated_title = "English";
  CHECK(render::cite_plain(r).find("Military [English].\u201d") != std::string::npos);
  CHECK(render::cite_plain(r).ends_with("https://example.org/a (retrieved 2020-12-05)"));
}

TEST_CASE("source markers number references in order of first use") {
  const auto facts =
      load::load_text("[[reference]]\nid = \"a\"\nkind = \"book\"\ntitle = \"A\"\npublisher = "
                      "\"P\"\n[[reference]]\nid = \"b\"\nkind = \"book\"\ntitle = \"B\"\n"
                      "publisher = \"P\"\n",
                      "t.toml")
          .facts;
  render::SourceNotes notes(facts);
  CHECK(notes.markers(test::texts({"b"}), {}) == "[1]");
  CHECK(notes.markers(test::texts({"a", "b"}), {}) == "[1][2]");
  std::string out;
  notes.render(out, {80, false});
  CHECK(out == "\nSources\n  [1] \u201cB.\u201d P.\n  [2] \u201cA.\u201d P.\n");
}

TEST_CASE("a source id that names no reference is listed escaped (fuzz finding)") {
  const model::FactBase facts;
  render::SourceNotes notes(facts);
  CHECK(notes.markers(test::texts({"\bc-jsa"}), {}) == "[1]");
  std::string out;
  notes.render(out, {80, false});
  CHECK(out == "\nSources\n  [1] \\x08c-jsa\n");
}

TEST_CASE("a series table aligns numbers and computes totals and shares") {
  const auto result = load::load_text(R"(
[[reference]]
id = "r"
kind = "book"
title = "T"
publisher = "P"
[[series]]
id = "s"
name = "Arrivals"
summary = "Yearly."
unit = "people"
columns = ["men", "women"]
share = "women"
sources = ["r"]
[[series.point]]
to = 1998
men = 831
women = 116
[[series.point]]
year = 2009
men = 662
women = 2252
)", "t.toml");
  REQUIRE(result.diagnostics.empty());
  const auto& series = result.facts.series[0];
  render::SourceNotes notes(result.facts);
  std::string out;
  render::render_series_table(out, series, {&series.points[0], &series.points[1]}, notes,
                              {80, false});
  CHECK(out ==
        "Arrivals [1]\n"
        "Unit: people. Yearly.\n"
        "\n"
        "Period        Men  Women  Total  Women %\n"
        "up to 1998    831    116    947     12.2\n"
        "2009          662  2,252  2,914     77.3\n"
        "Total       1,493  2,368  3,861     61.3\n");
}

TEST_CASE("a table too wide for the terminal becomes field blocks") {
  const auto result = load::load_text(R"(
[[reference]]
id = "r"
kind = "book"
title = "T"
publisher = "P"
[[series]]
id = "s"
name = "Arrivals"
summary = "Yearly."
unit = "people"
columns = ["men", "women"]
sources = ["r"]
[[series.point]]
year = 2009
men = 662
women = 2252
)", "t.toml");
  const auto& series = result.facts.series[0];
  render::SourceNotes notes(result.facts);
  std::string out;
  render::render_series_table(out, series, {&series.points[0]}, notes, {20, false});
  CHECK(out ==
        "Arrivals [1]\n"
        "Unit: people.\n"
        "Yearly.\n"
        "\n"
        "2009\n"
        "  Men      662\n"
        "  Women    2,252\n"
        "  Total    2,914\n");
}

TEST_CASE("bar chart lines fit the width and bars grow with the totals") {
  model::FactBase facts;
  const auto [series, points] = people_by_sex(
      "Arrivals", test::list<model::SeriesPoint>(
                      {{{std::nullopt, 1998}, test::list<double>({831, 116}), {}, "", "", {}},
                       {{1999, 2001}, test::list<double>({565, 478}), {}, "", "", {}},
                       {{2009, 2009}, test::list<double>({662, 2252}), {}, "", "", {}},
                       {{2021, 2021}, test::list<double>({40, 23}), {}, "", "", {}}}));
  for (const std::size_t width : {40u, 80u, 120u}) {
    render::SourceNotes notes(facts);
    std::string out;
    render::render_bar_chart(out, series, points, notes, {width, false}, render::Glyphs::ascii);
    std::vector<std::size_t> bars;
    for (const auto& line : lines_of(out)) {
      CHECK(util::display_width(line) <= width);
      const auto first = line.find_first_of("#=");
      if (line.find("men") == std::string::npos && first != std::string::npos) {
        bars.push_back(line.find(' ', first) - first);  // a bar has no spaces
      }
    }
    REQUIRE(bars.size() == 4);
    CHECK(bars[2] > bars[1]);  // 2,914 > 1,043
    CHECK(bars[1] >= bars[0]);  // 1,043 vs 947: equal once rounded at width 40
    CHECK(bars[3] >= 1);       // 63 is small but never nothing
    // Multi-year periods are labelled as spans, and the note says so.
    CHECK(out.find("up to 1998") != std::string::npos);
    CHECK(out.find("1999\u20132001") != std::string::npos);
    CHECK(out.find("count several") != std::string::npos);
  }
}

TEST_CASE("bar chart shows every non-zero column of every bar at every width") {
  // Issue 21: at 80 columns 2021 (40 men, 23 women) and 2022 (35, 32) drew one cell each,
  // and the women's part vanished in exactly the years the notes are about.
  model::FactBase facts;
  const auto [series, points] = people_by_sex(
      "Arrivals", test::list<model::SeriesPoint>(
                      {{{2009, 2009}, test::list<double>({662, 2252}), {}, "", "", {}},
                       {{2019, 2019}, test::list<double>({202, 845}), {}, "", "", {}},
                       {{2020, 2020}, test::list<double>({72, 157}), {}, "", "", {}},
                       {{2021, 2021}, test::list<double>({40, 23}), {}, "", "", {}},
                       {{2022, 2022}, test::list<double>({35, 32}), {}, "", "", {}},
                       {{2023, 2023}, test::list<double>({0, 9}), {}, "", "", {}}}));
  for (const std::size_t width : {40u, 80u, 120u}) {
    CAPTURE(width);
    render::SourceNotes notes(facts);
    std::string out;
    render::render_bar_chart(out, series, points, notes, {width, false}, render::Glyphs::ascii);
    std::size_t bars = 0;
    for (const auto& line : lines_of(out)) {
      CHECK(util::display_width(line) <= width);
      if (line.rfind("  20", 0) != 0) continue;
      ++bars;
      CAPTURE(line);
      const std::string bar = line.substr(7, line.find(' ', 7) - 7);
      const bool zero_men = line.rfind("  2023", 0) == 0;
      CHECK((bar.find('#') != std::string::npos) == !zero_men);
      CHECK(bar.find('=') != std::string::npos);
      CHECK(bar.find_first_not_of("#=") == std::string::npos);
    }
    CHECK(bars == 6);
  }
}

TEST_CASE("the SVG bar chart keeps every non-zero part at least k_min_part high") {
  const auto [series, points] = people_by_sex(
      "Arrivals <by year>",
      test::list<model::SeriesPoint>(
          {{{2009, 2009}, test::list<double>({662, 2252}), {}, "", "", {}},
           {{2021, 2021}, test::list<double>({40, 23}), {}, "The lowest <yearly> number.", "", {}},
           {{2023, 2023}, test::list<double>({0, 9}), {}, "", "", {}}}));
  std::string out;
  render::html::bar_chart_svg(out, series, points);
  CHECK(out.find("<title>Arrivals &lt;by year&gt;</title>") != std::string::npos);
  std::size_t parts = 0;
  for (std::size_t at = out.find("<rect x="); at != std::string::npos;
       at = out.find("<rect x=", at + 1)) {
    const auto end = out.find('>', at);
    if (out.compare(end - 1, 1, "/") == 0) continue;  // a legend swatch, not a bar's part
    const auto h = out.find("height=\"", at) + 8;
    CHECK(std::stod(out.substr(h, out.find('"', h) - h)) >= render::html::k_min_part);
    ++parts;
  }
  CHECK(parts == 5);                                  // 2023's zero men draw nothing
  CHECK(out.find(">a</text>") != std::string::npos);  // 2021's note is lettered
  CHECK(render::html::note_letter(0) == "a");
  CHECK(render::html::note_letter(25) == "z");
  CHECK(render::html::note_letter(26) == "aa");
}

TEST_CASE("diagnostic messages quoting data never carry raw control characters") {
  // Fuzz finding: a web reference's id with BEL, ESC [31m, BS and CR was quoted raw in
  // "has no 'retrieved' date" (tests/data/hostile/fuzz-controls-in-id-messages.toml).
  model::Diagnostic d;
  d.path = "f.toml";
  d.line = 1;
  d.column = 1;
  d.severity = model::Severity::warning;
  d.message = "web reference \"r;x\a\x1b[31m\b\r\" has no 'retrieved' date";
  d.hint = "see \"\x1b]0;title\a\"";
  const std::string shown = render::format_diagnostic(d, {});
  CHECK(shown.find_first_of("\a\x1b\b\r") == std::string::npos);
  CHECK(shown.find("\"r;x\\x07\\x1b[31m\\x08\\x0d\"") != std::string::npos);
  const std::string report = render::format_check_report({d}, 1, 1, {});
  CHECK(report.find_first_of("\a\x1b\b\r") == std::string::npos);
  CHECK(render::format_error("bad \x1b[2J", "hint \a", {}).find_first_of("\a\x1b") == std::string::npos);
}

TEST_CASE("timeline and numbered entries survive empty text") {
  // Fuzz finding (tests/data/hostile/fuzz-event-without-title.toml): an event without a
  // title wrapped to a bare line end, and cutting the blank prefix off it threw.
  model::FactBase facts;
  model::Event event;
  event.id = "e";
  event.date = {2023, 2, 0};
  const std::vector<const model::Event*> events = {&event};
  render::SourceNotes notes(facts);
  std::string out;
  render::render_timeline(out, events, notes, {80, false}, render::Glyphs::ascii);
  CHECK(out == " 2023 | Feb     \n");
  std::string entry;
  render::append_numbered_entry(entry, 1, 1, "", {80, false});
  CHECK(entry == "  [1] \n");
}

TEST_CASE("a record shown in full never writes its id raw") {
  // Fuzz finding (tests/data/hostile/fuzz-controls-in-id-messages.toml): the loader rejects
  // such an id, but the renderers, given the rejected file's records, printed it raw.
  const auto result = load::load_text(
      "[[reference]]\nid = \"r;x\\u0007\\u001b[31m\\b\\r\"\nkind = \"book\"\ntitle = \"T\"\n"
      "publisher = \"P\"\n",
      "f.toml");
  REQUIRE(result.facts.references.size() == 1);
  const auto* ref = result.facts.find(result.facts.references[0].id);
  REQUIRE(ref != nullptr);
  for (const bool colour : {false, true}) {
    std::string out;
    render::SourceNotes notes(result.facts);
    render::render_record(out, result.facts, *ref, notes, {80, colour});
    CHECK(out.find("r;x\\x07\\x1b[31m\\x08\\x0d") != std::string::npos);
    CHECK(out.find_first_of("\a\b\r") == std::string::npos);
  }
}

TEST_CASE("a hint wraps under its text on a terminal and stays one line in a pipe") {
  const std::string hint =
      "did you mean 'title'? reference takes: aliases, authors, id, issn, issue, kind";
  // stderr not a terminal: width 0, one line each, for the tools that grep them.
  CHECK(render::format_error("unknown key 'titel'", hint, {0, false}) ==
        "nkfacts: unknown key 'titel'\nhint: " + hint + "\n");
  CHECK(render::format_error("unknown key 'titel'", hint, {40, false}) ==
        "nkfacts: unknown key 'titel'\n"
        "hint: did you mean 'title'? reference\n"
        "      takes: aliases, authors, id, issn,\n"
        "      issue, kind\n");
  model::Diagnostic d;
  d.path = "a-rather-long-directory/routes.toml";
  d.line = 3;
  d.message = "a message that is too long for one line of forty";
  CHECK(render::format_diagnostic(d, {40, false}) ==
        "nkfacts: a-rather-long-directory/routes.toml:3:\n"
        "  a message that is too long for one\n"
        "  line of forty\n");
}

TEST_CASE("a heading counts its markers and keeps them with its last word") {
  const render::Terminal narrow{40, false};
  std::string out;
  // 44 columns with its markers: the last word goes down with them.
  render::append_heading(out, "Through China and Vietnam to Cambodia", "[5][6]", narrow);
  CHECK(out == "Through China and Vietnam to\nCambodia [5][6]\n");
  out.clear();
  render::append_heading(out, "Across the Demilitarized Zone", "[1][2]", narrow);
  CHECK(out == "Across the Demilitarized Zone [1][2]\n");  // 36 columns: unchanged
  out.clear();
  // A last word that cannot share a line with the markers leaves them on their own.
  render::append_heading(out, "Supercalifragilisticexpialidocious-ish", "[11][12]", narrow);
  CHECK(out == "Supercalifragilisticexpialidocious-ish\n[11][12]\n");
  out.clear();
  render::append_heading(out, "Title", "[1]", {0, false});
  CHECK(out == "Title [1]\n");
}

TEST_CASE("one of a counted unit is singular in English") {
  using Q = model::Quantity;
  CHECK(render::format_quantity(Q{1, 1}, "people", true) == "1 person");
  CHECK(render::format_quantity(Q{1, std::nullopt}, "cases", true) == "at least 1 case");
  CHECK(render::format_quantity(Q{1, 2}, "people", true) == "1\u20132 people");
  CHECK(render::format_quantity(Q{1, 1}, "boats", true) == "1 boats");  // not guessed
}

TEST_CASE("bar chart rows with long markers fit the width") {
  model::FactBase facts;
  const auto [series, points] =
      people_by_sex("North Korean defectors arriving in South Korea, by year and sex",
                    test::list<model::SeriesPoint>(
                        {{{2009, 2009}, test::list<double>({662, 2252}), {}, "", "", {}},
                         {{2025, 2025},
                          test::list<double>({25, 198}),
                          test::texts({"a", "b", "c"}),
                          "",
                          "",
                          {}}}));
  for (const std::size_t width : {20u, 30u, 40u, 72u, 80u}) {
    render::SourceNotes notes(facts);
    std::string out;
    render::render_bar_chart(out, series, points, notes, {width, false}, render::Glyphs::ascii);
    for (const auto& line : lines_of(out)) CHECK(util::display_width(line) <= width);
    CHECK(out.find("[1][2][3]") != std::string::npos);
  }
}

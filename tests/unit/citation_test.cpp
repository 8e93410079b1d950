// Citation styles, one kind of reference at a time. Each expected string was checked by
// hand against the style's rules; the comment above it names the rule. Manuals:
//   APA   Publication Manual of the American Psychological Association, 7th ed. (2020)
//   MLA   MLA Handbook, 9th ed. (2021)
//   CMOS  The Chicago Manual of Style, 17th ed. (2017), notes-bibliography, bibliography entry
// The references are the real ones from facts/ where one of the kind exists; the data set,
// the many-author report and the unsigned journal article are made up for the test.
#include "render/citation.hpp"

#include <catch2/catch.hpp>

#include "keep.hpp"

using namespace nkfacts;
using model::Date;
using model::Reference;
using model::ReferenceKind;
using render::CitationStyle;
using render::cite;

namespace {

Reference news() {  // signed newspaper article, two authors, full date
  Reference r;
  r.id = "wsj-2020-07-04";
  r.kind = ReferenceKind::news;
  r.title = "A North Korean Defector's Tale Shows Rotting Military";
  r.publisher = "The Wall Street Journal";
  r.authors = test::texts({"Yoon, Dasl", "Jeong, Andrew"});
  r.published = Date{2020, 7, 4};
  r.issn = "0099-9660";
  r.language = "en";
  return r;
}

Reference unsigned_news() {  // no author, with URL
  Reference r;
  r.id = "yonhap-2020-01-07";
  r.kind = ReferenceKind::news;
  r.title = "No N. Korean defectors admitted to U.S. last year: State Department data";
  r.publisher = "Yonhap News Agency";
  r.published = Date{2020, 1, 7};
  r.url = "https://en.yna.co.kr/view/AEN20200107007600325";
  return r;
}

Reference korean_news() {  // title in Korean with an English translation
  Reference r;
  r.id = "newsis-2026-02-04";
  r.kind = ReferenceKind::news;
  r.title = "지난해 입국 탈북민 223명…추세 유지";
  r.translated_title = "223 North Korean defectors arrived last year; the trend holds";
  r.publisher = "Newsis";
  r.authors = test::texts({"남빛나라"});
  r.published = Date{2026, 2, 4};
  r.url = "https://mobile.newsis.com/view_amp.html?ar_id=NISX20260204_0003502497";
  r.language = "ko";
  return r;
}

Reference web() {  // organisation author that is also the publisher, no date, retrieved
  Reference r;
  r.id = "mou-settlement-support";
  r.kind = ReferenceKind::web;
  r.title = "Settlement Support for North Korean Defectors";
  r.publisher = "Ministry of Unification, Republic of Korea";
  r.authors = test::texts({"Ministry of Unification"});
  r.url = "https://www.unikorea.go.kr/eng_unikorea/whatwedo/support/";
  r.retrieved = Date{2026, 11, 25};
  r.language = "en";
  return r;
}

Reference web_dated() {  // a person's web article, dated to the month
  Reference r;
  r.id = "38north-2011-09";
  r.kind = ReferenceKind::web;
  r.title = "Admitting North Korean Refugees to the United States: Obstacles and Opportunities";
  r.publisher = "38 North";
  r.authors = test::texts({"Cohen, Roberta"});
  r.published = Date{2011, 9, 0};
  r.url = "https://www.38north.org/2011/09/rcohen092011/";
  r.retrieved = Date{2026, 11, 25};
  return r;
}

Reference report() {  // three authors, year only, no URL
  Reference r;
  r.id = "icg-perilous-journeys";
  r.kind = ReferenceKind::report;
  r.title = "Perilous Journeys: The Plight of North Koreans in China and Beyond";
  r.publisher = "International Crisis Group";
  r.authors = test::texts({"Beck, Peter", "Kim, Gail", "Macintyre, Donald"});
  r.published = Date{2006, 0, 0};
  return r;
}

Reference book() {
  Reference r;
  r.id = "harden-escape-from-camp-14";
  r.kind = ReferenceKind::book;
  r.title = "Escape from Camp 14";
  r.publisher = "Viking";
  r.authors = test::texts({"Harden, Blaine"});
  r.published = Date{2012, 0, 0};
  return r;
}

Reference journal() {
  Reference r;
  r.id = "wolman-2014";
  r.kind = ReferenceKind::journal;
  r.title = "The South Korean Citizenship of North Korean Escapees in Law and Practice";
  r.publisher = "KLRI Journal of Law and Legislation";
  r.authors = test::texts({"Wolman, Andrew"});
  r.published = Date{2014, 0, 0};
  r.volume = "4";
  r.issue = "2";
  r.pages = "225-253";
  r.url = "https://openaccess.city.ac.uk/id/eprint/20528/";
  return r;
}

Reference dataset() {  // made up: no author, so the publisher is the group author
  Reference r;
  r.id = "example-dataset";
  r.kind = ReferenceKind::dataset;
  r.title = "Example Arrivals Table";
  r.publisher = "Example Statistics Office";
  r.published = Date{2024, 0, 0};
  r.url = "https://example.org/arrivals.csv";
  return r;
}

}  // namespace

TEST_CASE("APA 7: newspaper article") {
  // APA, newspaper article: Author, A. A., & Author, B. B. (Year, Month Day). Title. *Newspaper*.
  // APA, author element: two authors joined by a comma and an ampersand.
  CHECK(cite(news(), CitationStyle::apa) ==
        "Yoon, D., & Jeong, A. (2020, July 4). A North Korean Defector's Tale Shows Rotting "
        "Military. The Wall Street Journal.");
  // Italics become Markdown emphasis: the newspaper name, never the article title (APA, title
  // element).
  CHECK(cite(news(), CitationStyle::apa, render::Markup::markdown) ==
        "Yoon, D., & Jeong, A. (2020, July 4). A North Korean Defector's Tale Shows Rotting "
        "Military. *The Wall Street Journal*.");
  // APA, missing author: so the title moves to the author position, before the date.
  CHECK(cite(unsigned_news(), CitationStyle::apa) ==
        "No N. Korean defectors admitted to U.S. last year: State Department data. (2020, "
        "January 7). Yonhap News Agency. https://en.yna.co.kr/view/AEN20200107007600325");
  // APA, works in another language: a title in another language, its English translation in square
  // brackets.
  CHECK(cite(korean_news(), CitationStyle::apa) ==
        "남빛나라. (2026, February 4). 지난해 입국 탈북민 223명…추세 유지 [223 North Korean "
        "defectors arrived last year; the trend holds]. Newsis. "
        "https://mobile.newsis.com/view_amp.html?ar_id=NISX20260204_0003502497");
}

TEST_CASE("APA 7: web pages, reports, books, journal articles, data sets") {
  // APA, webpage with a group author: site name left out when it is the author;
  // no date: (n.d.); retrieval dates: one date for a page designed to change.
  CHECK(cite(web(), CitationStyle::apa, render::Markup::markdown) ==
        "Ministry of Unification. (n.d.). *Settlement Support for North Korean Defectors*. "
        "Retrieved November 25, 2026, from "
        "<https://www.unikorea.go.kr/eng_unikorea/whatwedo/support/>");
  // APA, webpage with an individual author: Author. (Year, Month). *Title*. Site Name. URL
  // A dated page is a fixed version: no retrieval date (APA, retrieval dates).
  CHECK(cite(web_dated(), CitationStyle::apa) ==
        "Cohen, R. (2011, September). Admitting North Korean Refugees to the United States: "
        "Obstacles and Opportunities. 38 North. https://www.38north.org/2011/09/rcohen092011/");
  // APA, reports: the year only, even when the day is known.
  Reference dated_report = report();
  dated_report.published = Date{2006, 10, 26};
  CHECK(cite(dated_report, CitationStyle::apa).find("(2006). Perilous") != std::string::npos);
  // APA, report and author element: three authors, the last after ", &"; *Title*. Publisher.
  CHECK(cite(report(), CitationStyle::apa, render::Markup::markdown) ==
        "Beck, P., Kim, G., & Macintyre, D. (2006). *Perilous Journeys: The Plight of North "
        "Koreans in China and Beyond*. International Crisis Group.");
  // APA, authored book: Author. (Year). *Title*. Publisher.
  CHECK(cite(book(), CitationStyle::apa, render::Markup::markdown) ==
        "Harden, B. (2012). *Escape from Camp 14*. Viking.");
  // APA, journal article: *Journal*, *volume*(issue), pages, the range in full with an en dash.
  CHECK(cite(journal(), CitationStyle::apa, render::Markup::markdown) ==
        "Wolman, A. (2014). The South Korean Citizenship of North Korean Escapees in Law and "
        "Practice. *KLRI Journal of Law and Legislation*, *4*(2), 225\u2013253. "
        "<https://openaccess.city.ac.uk/id/eprint/20528/>");
  // APA, data set: *Title* [Data set]. Publisher left out when it is the group author.
  CHECK(cite(dataset(), CitationStyle::apa, render::Markup::markdown) ==
        "Example Statistics Office. (2024). *Example Arrivals Table* [Data set]. "
        "<https://example.org/arrivals.csv>");
}

TEST_CASE("APA 7: author lists and initials") {
  Reference r = report();
  // APA, author element: a hyphenated given name keeps its hyphen (Chang, Y.-C.).
  r.authors = test::texts({"Jo, He-rim"});
  CHECK(cite(r, CitationStyle::apa).rfind("Jo, H.-R. (2006).", 0) == 0);
  // APA, author element: 21 or more authors: the first 19, an ellipsis, then the last.
  std::vector<std::string_view> many;
  for (int i = 1; i <= 22; ++i)
    many.push_back(test::text("Author" + std::to_string(i) + ", Given"));
  r.authors = many;
  const std::string text = cite(r, CitationStyle::apa);
  CHECK(text.find("Author19, G., . . . Author22, G. (2006).") != std::string::npos);
  CHECK(text.find("Author20") == std::string::npos);
}

TEST_CASE("MLA 9") {
  // MLA, author element: two authors: the first inverted, ", and", the second in normal order.
  // "Title." *Container*, day month year (months abbreviated).
  CHECK(cite(news(), CitationStyle::mla, render::Markup::markdown) ==
        "Yoon, Dasl, and Andrew Jeong. \u201cA North Korean Defector's Tale Shows Rotting "
        "Military.\u201d *The Wall Street Journal*, 4 July 2020.");
  // No author: begin with the title. MLA, location: URLs without http:// or https://.
  CHECK(cite(unsigned_news(), CitationStyle::mla) ==
        "\u201cNo N. Korean defectors admitted to U.S. last year: State Department data.\u201d "
        "Yonhap News Agency, 7 Jan. 2020, en.yna.co.kr/view/AEN20200107007600325.");
  // An organisation that is author and publisher is given only as publisher (MLA, organization as
  // author); an access date for an undated page.
  CHECK(cite(web(), CitationStyle::mla) ==
        "\u201cSettlement Support for North Korean Defectors.\u201d Ministry of Unification, "
        "Republic of Korea, www.unikorea.go.kr/eng_unikorea/whatwedo/support/. Accessed 25 "
        "Nov. 2026.");
  // Three or more authors: the first, then "et al." (MLA, author element). A report is a whole
  // work: *Title*. Publisher, year.
  CHECK(cite(report(), CitationStyle::mla, render::Markup::markdown) ==
        "Beck, Peter, et al. *Perilous Journeys: The Plight of North Koreans in China and "
        "Beyond*. International Crisis Group, 2006.");
  CHECK(cite(book(), CitationStyle::mla) == "Harden, Blaine. Escape from Camp 14. Viking, 2012.");
  // Journal: vol., no., year, pp. with the second number shortened (MLA, page numbers: 225-53).
  CHECK(cite(journal(), CitationStyle::mla) ==
        "Wolman, Andrew. \u201cThe South Korean Citizenship of North Korean Escapees in Law and "
        "Practice.\u201d KLRI Journal of Law and Legislation, vol. 4, no. 2, 2014, pp. 225-53, "
        "openaccess.city.ac.uk/id/eprint/20528/.");
  // A translated title follows the original in square brackets.
  CHECK(cite(korean_news(), CitationStyle::mla) ==
        "남빛나라. \u201c지난해 입국 탈북민 223명…추세 유지\u201d [223 North Korean defectors "
        "arrived last year; the trend holds]. Newsis, 4 Feb. 2026, "
        "mobile.newsis.com/view_amp.html?ar_id=NISX20260204_0003502497.");
}

TEST_CASE("Chicago 17, bibliography entries") {
  // CMOS, two or more authors: the first inverted, a comma before "and".
  // CMOS, newspapers: "Title." *Newspaper*, Month Day, Year.
  CHECK(cite(news(), CitationStyle::chicago, render::Markup::markdown) ==
        "Yoon, Dasl, and Andrew Jeong. \u201cA North Korean Defector's Tale Shows Rotting "
        "Military.\u201d *The Wall Street Journal*, July 4, 2020.");
  // CMOS, unsigned newspaper articles: an unsigned article is listed under the newspaper's name.
  CHECK(cite(unsigned_news(), CitationStyle::chicago) ==
        "Yonhap News Agency. \u201cNo N. Korean defectors admitted to U.S. last year: State "
        "Department data.\u201d January 7, 2020. https://en.yna.co.kr/view/AEN20200107007600325.");
  // CMOS, web pages: an undated web page gets an access date; a dated one gives the site and
  // the date as one element, as a newspaper does, and no access date.
  CHECK(cite(web(), CitationStyle::chicago) ==
        "Ministry of Unification. \u201cSettlement Support for North Korean Defectors.\u201d "
        "Accessed November 25, 2026. https://www.unikorea.go.kr/eng_unikorea/whatwedo/support/.");
  CHECK(cite(web_dated(), CitationStyle::chicago) ==
        "Cohen, Roberta. \u201cAdmitting North Korean Refugees to the United States: Obstacles "
        "and Opportunities.\u201d 38 North, September 2011. "
        "https://www.38north.org/2011/09/rcohen092011/.");
  // CMOS, two or more authors: three all named, "and" before the last. *Title*. Publisher, Year.
  CHECK(cite(report(), CitationStyle::chicago, render::Markup::markdown) ==
        "Beck, Peter, Gail Kim, and Donald Macintyre. *Perilous Journeys: The Plight of North "
        "Koreans in China and Beyond*. International Crisis Group, 2006.");
  // CMOS, journal articles and inclusive numbers: *Journal* volume, no. issue (year): pages,
  // abbreviated 225–53.
  CHECK(cite(journal(), CitationStyle::chicago, render::Markup::markdown) ==
        "Wolman, Andrew. \u201cThe South Korean Citizenship of North Korean Escapees in Law and "
        "Practice.\u201d *KLRI Journal of Law and Legislation* 4, no. 2 (2014): 225\u201353. "
        "<https://openaccess.city.ac.uk/id/eprint/20528/>.");
  // CMOS, organization as author: an organisation as author, even when it is also the publisher.
  CHECK(cite(dataset(), CitationStyle::chicago) ==
        "Example Statistics Office. Example Arrivals Table. Example Statistics Office, 2024. "
        "https://example.org/arrivals.csv.");
}

TEST_CASE("BibTeX: key from the id, organisations in braces, LaTeX characters escaped") {
  CHECK(cite(news(), CitationStyle::bibtex) ==
        "@article{wsj-2020-07-04,\n"
        "  author       = {Yoon, Dasl and Jeong, Andrew},\n"
        "  title        = {{A North Korean Defector's Tale Shows Rotting Military}},\n"
        "  journal      = {The Wall Street Journal},\n"
        "  year         = {2020},\n"
        "  month        = jul,\n"
        "  date         = {2020-07-04},\n"
        "  issn         = {0099-9660},\n"
        "  langid       = {english}\n"
        "}");
  Reference r = web();
  r.title = "50% & more_{x}";
  const std::string text = cite(r, CitationStyle::bibtex);
  CHECK(text.rfind("@misc{mou-settlement-support,\n", 0) == 0);
  CHECK(text.find("author       = {{Ministry of Unification}},") != std::string::npos);
  CHECK(text.find("title        = {{50\\% \\& more\\_\\{x\\}}},") != std::string::npos);
  CHECK(text.find("urldate      = {2026-11-25}") != std::string::npos);
  // biblatex reads a url verbatim: only braces and spaces, which would break the entry or
  // the address, are percent-encoded.
  r.url = "https://example.org/a b/{c}/d%20e?x=1&y_2#f";
  CHECK(cite(r, CitationStyle::bibtex)
            .find("url          = {https://example.org/a%20b/%7Bc%7D/d%20e?x=1&y_2#f},") !=
        std::string::npos);
  r.url = "https://example.org/plain";
  CHECK(cite(r, CitationStyle::bibtex).find("url          = {https://example.org/plain},") !=
        std::string::npos);
  CHECK(cite(journal(), CitationStyle::bibtex).find("pages        = {225--253},") !=
        std::string::npos);
  // Fuzz finding: an id the loader rejects must still not put a raw ESC in the key.
  r.id = "a\x1b[2Jb, c";
  CHECK(cite(r, CitationStyle::bibtex).rfind("@misc{a-x1b-x5b2Jb-x2c-x20c,\n", 0) == 0);
}

TEST_CASE("reference lists are alphabetical in APA, MLA and Chicago") {
  const Reference a = news(), b = web(), c = book(), d = unsigned_news();
  const std::vector<const Reference*> input = {&a, &b, &c, &d};
  const auto order = [&](CitationStyle style) {
    std::vector<const Reference*> out;
    for (const auto& entry : render::bibliography(input, style)) {
      CHECK(entry.text == cite(*entry.reference, style));
      out.push_back(entry.reference);
    }
    return out;
  };
  CHECK(order(CitationStyle::apa) ==
        std::vector<const Reference*>{&c, &b, &d, &a});  // Harden, Ministry, No N., Yoon
  CHECK(order(CitationStyle::mla) ==
        std::vector<const Reference*>{&c, &d, &b, &a});  // Harden, No N., Settlement, Yoon
  CHECK(order(CitationStyle::plain) == input);
}

TEST_CASE("repeated authors: MLA's three hyphens, CMOS's 3-em dash, APA's year letters") {
  Reference first = book(), second = book();
  second.id = "harden-2";
  second.title = "The Great Leader and the Fighter Pilot";
  second.published = Date{2015, 0, 0};
  Reference third = web(), fourth = web();
  fourth.id = "mou-2";
  fourth.title = "Policy on North Korean Defectors";
  const std::vector<const Reference*> input = {&first, &second, &third, &fourth};
  const auto texts = [&](CitationStyle style) {
    std::vector<std::string> out;
    for (const auto& entry : render::bibliography(input, style)) out.push_back(entry.text);
    return out;
  };
  const auto mla = texts(CitationStyle::mla);
  CHECK(mla[0] == "Harden, Blaine. Escape from Camp 14. Viking, 2012.");
  CHECK(mla[1] == "---. The Great Leader and the Fighter Pilot. Viking, 2015.");
  const auto chicago = texts(CitationStyle::chicago);
  CHECK(chicago[1] == "\u2014\u2014\u2014. The Great Leader and the Fighter Pilot. Viking, 2015.");
  CHECK(chicago[2].rfind("Ministry of Unification. ", 0) == 0);
  CHECK(chicago[3].rfind("\u2014\u2014\u2014. \u201cSettlement Support", 0) == 0);
  // APA: same author, different years: no letters; same author, both undated: n.d.-a, n.d.-b,
  // in the order of the list (by title).
  const auto apa = texts(CitationStyle::apa);
  CHECK(apa[0].rfind("Harden, B. (2012). ", 0) == 0);
  CHECK(apa[1].rfind("Harden, B. (2015). ", 0) == 0);
  CHECK(apa[2].rfind("Ministry of Unification. (n.d.-a). Policy", 0) == 0);
  CHECK(apa[3].rfind("Ministry of Unification. (n.d.-b). Settlement", 0) == 0);
  // Unsigned newspaper articles keep the paper's name every time (no author to repeat).
  Reference paper_a = unsigned_news(), paper_b = unsigned_news();
  paper_b.id = "yonhap-b";
  paper_b.title = "Other news";
  const std::vector<const Reference*> papers = {&paper_a, &paper_b};
  for (const auto& entry : render::bibliography(papers, CitationStyle::chicago)) {
    CHECK(entry.text.rfind("Yonhap News Agency. ", 0) == 0);
  }
}

TEST_CASE("Markdown: web addresses are links, other schemes and markup are text") {
  Reference r = unsigned_news();
  r.url = "https://example.org/a>b<img src=x onerror=alert(1)> \"q\"`";
  const std::string apa = cite(r, CitationStyle::apa, render::Markup::markdown);
  CHECK(apa.find("<https://example.org/a%3Eb%3Cimg%20src=x%20onerror=alert(1)%3E%20%22q%22%60>") !=
        std::string::npos);
  CHECK(apa.find("<img") == std::string::npos);
  // MLA shows the address without its scheme as the text of a link to the whole address.
  r.url = "https://example.org/a_b";
  CHECK(cite(r, CitationStyle::mla, render::Markup::markdown)
            .find("[example\\.org/a\\_b](<https://example.org/a_b>).") != std::string::npos);
  // The plain style's address is an autolink too, its underscores left alone.
  CHECK(
      cite(r, CitationStyle::plain, render::Markup::markdown).find(" <https://example.org/a_b>") !=
      std::string::npos);
  for (const char* hostile :
       {"javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<b>x</b>",
        "file:///etc/passwd", "vbscript:x", "https://"}) {
    r.url = hostile;
    for (const auto style :
         {CitationStyle::plain, CitationStyle::apa, CitationStyle::mla, CitationStyle::chicago}) {
      const std::string text = cite(r, style, render::Markup::markdown);
      INFO(text);
      // A code span: shown, inert, never a link.
      CHECK(text.find("](") == std::string::npos);
      CHECK(text.find(std::string("`") + hostile + "`") != std::string::npos);
    }
  }
  // Backticks in such an address get a longer fence.
  r.url = "javascript:`x``";
  CHECK(cite(r, CitationStyle::plain, render::Markup::markdown).find("``` javascript:`x`` ```") !=
        std::string::npos);
  // Case does not matter for the scheme.
  r.url = "HTTPS://EXAMPLE.ORG/";
  CHECK(cite(r, CitationStyle::chicago, render::Markup::markdown).find("<HTTPS://EXAMPLE.ORG/>") !=
        std::string::npos);
  // Markup in a title stays text.
  r.title = "<img src=x onerror=alert(1)> [click](javascript:alert(1))";
  const std::string title = cite(r, CitationStyle::apa, render::Markup::markdown);
  CHECK(title.find("\\<img src=x onerror=alert(1)\\> \\[click\\](javascript:alert(1))") !=
        std::string::npos);
}

TEST_CASE("CSL-JSON and RIS") {
  CHECK(cite(news(), CitationStyle::csl_json) ==
        "{\n"
        "  \"id\": \"wsj-2020-07-04\",\n"
        "  \"type\": \"article-newspaper\",\n"
        "  \"title\": \"A North Korean Defector's Tale Shows Rotting Military\",\n"
        "  \"author\": [{\"family\": \"Yoon\", \"given\": \"Dasl\"}, {\"family\": \"Jeong\", "
        "\"given\": \"Andrew\"}],\n"
        "  \"container-title\": \"The Wall Street Journal\",\n"
        "  \"issued\": {\"date-parts\": [[2020, 7, 4]]},\n"
        "  \"ISSN\": \"0099-9660\",\n"
        "  \"language\": \"en\"\n"
        "}");
  // An organisation is a literal name; a translation follows the title in brackets; a
  // retrieval date is "accessed"; a doi.org address gives the DOI.
  Reference r = web();
  r.translated_title = "English";
  r.url = "https://doi.org/10.1000/xyz\"1";
  const std::string web_json = cite(r, CitationStyle::csl_json);
  CHECK(web_json.find("\"author\": [{\"literal\": \"Ministry of Unification\"}]") !=
        std::string::npos);
  CHECK(web_json.find("\"title\": \"Settlement Support for North Korean Defectors [English]\"") !=
        std::string::npos);
  CHECK(web_json.find("\"accessed\": {\"date-parts\": [[2026, 11, 25]]}") != std::string::npos);
  CHECK(web_json.find("\"DOI\": \"10.1000/xyz\\\"1\"") != std::string::npos);
  CHECK(cite(journal(), CitationStyle::ris) ==
        "TY  - JOUR\n"
        "ID  - wolman-2014\n"
        "AU  - Wolman, Andrew\n"
        "TI  - The South Korean Citizenship of North Korean Escapees in Law and Practice\n"
        "T2  - KLRI Journal of Law and Legislation\n"
        "JO  - KLRI Journal of Law and Legislation\n"
        "VL  - 4\n"
        "IS  - 2\n"
        "SP  - 225\n"
        "EP  - 253\n"
        "PY  - 2014\n"
        "DA  - 2014///\n"
        "UR  - https://openaccess.city.ac.uk/id/eprint/20528/\n"
        "ER  - \n");
  // A value is one line: a line break in the data cannot start a tag of its own.
  r.title = "one\nTY  - JOUR";
  const std::string ris = cite(r, CitationStyle::ris);
  CHECK(ris.find("TI  - one\\x0aTY  - JOUR\n") != std::string::npos);
  CHECK(ris.find("Y2  - 2026/11/25/\n") != std::string::npos);
}

// The Korean form (issue #22; docs/citation-korean.md): 「article」 and 『container』 for a
// work in Korean, "Title," for any other, dates in Korean, elements separated by commas.
TEST_CASE("Korean form: a Korean news article") {
  CHECK(cite(korean_news(), CitationStyle::korean) ==
        "남빛나라, 「지난해 입국 탈북민 223명…추세 유지」, 『Newsis』, 2026년 2월 4일, "
        "https://mobile.newsis.com/view_amp.html?ar_id=NISX20260204_0003502497.");
  // No author: the outlet leads and is not repeated.
  Reference r = korean_news();
  r.authors = {};
  r.url = {};
  CHECK(cite(r, CitationStyle::korean) ==
        "Newsis, 「지난해 입국 탈북민 223명…추세 유지」, 2026년 2월 4일.");
}

TEST_CASE("Korean form: an English news article keeps its title and quotes it") {
  // The comma and the final period go inside the quotation marks; no 『』 for the paper.
  CHECK(cite(news(), CitationStyle::korean) ==
        "Yoon, Dasl; Jeong, Andrew, \u201cA North Korean Defector's Tale Shows Rotting "
        "Military,\u201d The Wall Street Journal, 2020년 7월 4일.");
  // Missing author: the outlet leads.
  CHECK(cite(unsigned_news(), CitationStyle::korean) ==
        "Yonhap News Agency, \u201cNo N. Korean defectors admitted to U.S. last year: State "
        "Department data,\u201d 2020년 1월 7일, https://en.yna.co.kr/view/AEN20200107007600325.");
  // Missing date: said so.
  Reference r = news();
  r.published.reset();
  CHECK(cite(r, CitationStyle::korean).find("The Wall Street Journal, 날짜 미상.") !=
        std::string::npos);
  // Only the title: the period inside the quotation marks.
  Reference bare;
  bare.kind = ReferenceKind::web;
  bare.title = "Title";
  CHECK(cite(bare, CitationStyle::korean) == "\u201cTitle.\u201d");
}

TEST_CASE("Korean form: reports, books and journal articles") {
  CHECK(cite(report(), CitationStyle::korean) ==
        "Beck, Peter; Kim, Gail; Macintyre, Donald, Perilous Journeys: The Plight of North "
        "Koreans in China and Beyond (International Crisis Group, 2006).");
  CHECK(cite(book(), CitationStyle::korean, render::Markup::markdown) ==
        "Harden, Blaine, *Escape from Camp 14* (Viking, 2012).");
  Reference korean_book = book();
  korean_book.language = "ko";
  korean_book.title = "탈북민 정착 보고서";
  korean_book.authors = test::texts({"김철수", "이영희"});
  korean_book.publisher = "통일연구원";
  korean_book.published.reset();
  CHECK(cite(korean_book, CitationStyle::korean) ==
        "김철수\u00b7이영희, 『탈북민 정착 보고서』 (통일연구원, 연도 미상).");
  // No author: the publisher leads and the imprint keeps the year only.
  CHECK(cite(dataset(), CitationStyle::korean) ==
        "Example Statistics Office, Example Arrivals Table (2024), "
        "https://example.org/arrivals.csv.");
  CHECK(cite(journal(), CitationStyle::korean) ==
        "Wolman, Andrew, \u201cThe South Korean Citizenship of North Korean Escapees in Law and "
        "Practice,\u201d KLRI Journal of Law and Legislation 4(2), 2014, 225-253쪽, "
        "https://openaccess.city.ac.uk/id/eprint/20528/.");
  Reference korean_journal = journal();
  korean_journal.language = "ko";
  korean_journal.title = "북한이탈주민의 국적";
  korean_journal.publisher = "법제연구";
  korean_journal.url = {};
  CHECK(cite(korean_journal, CitationStyle::korean) ==
        "Wolman, Andrew, 「북한이탈주민의 국적」, 『법제연구』 4(2), 2014, 225-253쪽.");
}

TEST_CASE("Korean form: web pages with the date they were read") {
  // The organisation that is author and publisher is named once.
  CHECK(cite(web(), CitationStyle::korean) ==
        "Ministry of Unification, \u201cSettlement Support for North Korean Defectors,\u201d "
        "https://www.unikorea.go.kr/eng_unikorea/whatwedo/support/ (검색일: 2026년 11월 25일).");
  CHECK(cite(web_dated(), CitationStyle::korean) ==
        "Cohen, Roberta, \u201cAdmitting North Korean Refugees to the United States: Obstacles "
        "and Opportunities,\u201d 38 North, 2011년 9월, "
        "https://www.38north.org/2011/09/rcohen092011/ (검색일: 2026년 11월 25일).");
  Reference r = web();
  r.url = {};
  CHECK(cite(r, CitationStyle::korean) ==
        "Ministry of Unification, \u201cSettlement Support for North Korean Defectors\u201d "
        "(검색일: 2026년 11월 25일).");
  r.language = "ko";
  r.title = "북한이탈주민 정착지원";
  CHECK(cite(r, CitationStyle::korean) ==
        "Ministry of Unification, 「북한이탈주민 정착지원」 (검색일: 2026년 11월 25일).");
}

TEST_CASE("Korean form: a foreign title's Korean rendering; hostile text escaped") {
  Reference r = unsigned_news();
  r.language = "ja";
  r.title = "日本語の題";
  r.ko_title = "일본어 제목";
  r.url = {};
  CHECK(cite(r, CitationStyle::korean) ==
        "Yonhap News Agency, \u201c日本語の題\u201d [일본어 제목], 2020년 1월 7일.");
  // Control bytes in a title or a name reach the output escaped, as in every style.
  Reference hostile = korean_news();
  hostile.title = "제목\x1b[31m빨강";
  hostile.authors = test::texts({"이름\x07"});
  const std::string text = cite(hostile, CitationStyle::korean);
  CHECK(text.find('\x1b') == std::string::npos);
  CHECK(text.find('\x07') == std::string::npos);
  CHECK(text.rfind("이름\\x07, 「제목\\x1b[31m빨강」", 0) == 0);
  // In Markdown, markup in a title stays text.
  hostile.title = "*굵게* <b>";
  const std::string markdown = cite(hostile, CitationStyle::korean, render::Markup::markdown);
  CHECK(markdown.find("「\\*굵게\\*") != std::string::npos);
}

TEST_CASE("Korean form: works in Korean come first in a list") {
  const Reference a = news(), b = korean_news(), c = book();
  const auto entries = render::bibliography({&a, &b, &c}, CitationStyle::korean);
  REQUIRE(entries.size() == 3);
  CHECK(entries[0].reference == &b);
  CHECK(entries[1].reference == &c);
  CHECK(entries[2].reference == &a);
  CHECK(render::parse_citation_style("korean") == CitationStyle::korean);
}

#include "render/citation.hpp"

#include <fmt/compile.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <iterator>

#include "render/dataset.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"

namespace nkfacts::render {
namespace {

using model::Date;
using model::Reference;
using model::ReferenceKind;

bool ends_sentence(std::string_view text) {
  return !text.empty() && (text.back() == '.' || text.back() == '?' || text.back() == '!');
}

constexpr std::array<std::string_view, 12> k_months = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

// MLA 9 abbreviates months longer than four letters (MLA Handbook, "Abbreviations": months).
constexpr std::array<std::string_view, 12> k_mla_months = {
    "Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."};

constexpr std::array<std::string_view, 12> k_bibtex_months = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};

// http:// or https:// (in any case) and something after it: the only addresses written
// as links.
bool is_web_url(std::string_view url) {
  for (const std::string_view scheme : {"https://", "http://"}) {
    if (url.size() <= scheme.size()) continue;
    const bool same = std::equal(scheme.begin(), scheme.end(), url.begin(), [](char a, char b) {
      return a == (b >= 'A' && b <= 'Z' ? static_cast<char>(b - 'A' + 'a') : b);
    });
    if (same) return true;
  }
  return false;
}

std::string_view month_name(const Date& date) {
  return k_months[date.month - 1];
}

// Writes one citation into one buffer, piece by piece. Text from the record is escaped as
// it goes in: control characters always, Markdown's own characters when writing Markdown;
// emphasis is *...*. Building each piece as a string of its own and joining them cost
// about 6,800 instructions per citation, most of it allocating and copying (bench/README.md).
class Writer {
 public:
  Writer(Markup markup, std::string& out) : m_markup(markup), m_out(out) {}

  void raw(std::string_view literal) const { m_out.append(literal); }
  void raw(char literal) const { m_out += literal; }
  void number(int value) const { util::append_integer(m_out, value); }

  void text(std::string_view raw) const { text_into(m_out, raw); }

  // The escaped text as a string of its own, for the few pieces that are rewritten after
  // escaping (page ranges).
  std::string escaped(std::string_view raw) const {
    std::string out;
    text_into(out, raw);
    return out;
  }

  void italic(std::string_view raw) const {
    if (raw.empty() || m_markup == Markup::none) return text(raw);
    m_out += '*';
    text(raw);
    m_out += '*';
  }

  // A URL: as written (controls escaped) in plain text. In Markdown, a web address
  // (http or https) becomes a link, `<url>` or, when `shown` differs from it,
  // `[shown](<url>)`, with every byte that could end the link or the document's markup
  // percent-encoded; any other scheme (javascript:, data:, file:, ...) is no link at all
  // but a code span, shown and inert.
  void url(std::string_view raw, std::string_view shown = {}) const {
    if (m_markup == Markup::none) return clean(shown.empty() ? raw : shown);
    if (!is_web_url(raw)) return code(raw);
    if (shown.empty() || shown == raw) {
      m_out += '<';
      percent_encoded(raw);
      m_out += '>';
      return;
    }
    // The link's text with its periods and colons escaped, so that GFM's bare-address
    // links (www., https://) do not make a second link inside it.
    m_out += '[';
    const std::size_t start = m_out.size();
    text(shown);
    if (const auto cleaned = util::take_back_if_any(m_out, start, ".:")) {
      for (const char c : *cleaned) {
        if (c == '.' || c == ':') m_out += '\\';
        m_out += c;
      }
    }
    m_out += "](<";
    percent_encoded(raw);
    m_out += ">)";
  }

  // Where the next piece starts, for end_sentence.
  std::size_t mark() const { return m_out.size(); }

  // Ends the piece written since `from` with a period, unless it is empty or already ends
  // a sentence.
  void end_sentence(std::size_t from) const {
    if (m_out.size() > from && !ends_sentence(m_out)) m_out += '.';
  }

  std::string& out() const { return m_out; }

 private:
  void text_into(std::string& out, std::string_view raw) const {
    if (m_markup == Markup::none) {
      util::escape_controls_into(out, raw, util::Newlines::escape);
    } else {
      util::markdown_literal_into(out, raw, util::Newlines::escape);
    }
  }

  void clean(std::string_view raw) const {
    util::escape_controls_into(m_out, raw, util::Newlines::escape);
  }

  // A code span: shown as written, never a link, never markup; fenced by one backtick
  // more than the longest run of backticks inside.
  void code(std::string_view raw) const {
    std::size_t longest = 0;
    std::size_t run = 0;
    for (const char c : raw) {
      run = c == '`' ? run + 1 : 0;
      longest = std::max(longest, run);
    }
    const std::string fence(longest + 1, '`');
    const bool pad = !raw.empty() && (raw.front() == '`' || raw.back() == '`');
    m_out += fence;
    if (pad) m_out += ' ';
    clean(raw);
    if (pad) m_out += ' ';
    m_out += fence;
  }

  // Spaces, controls, non-ASCII bytes and < > \ " ` as %XX (RFC 3986): what is left
  // cannot end an autolink or a link destination, nor hold markup.
  // Runs of bytes that stay are copied whole (a byte at a time, a long Korean URL cost as
  // much as the rest of its citation).
  void percent_encoded(std::string_view raw) const {
    static constexpr char k_hex[] = "0123456789ABCDEF";
    const auto encoded = [](char c) {
      const auto byte = static_cast<unsigned char>(c);
      return byte <= 0x20 || byte >= 0x7F || c == '<' || c == '>' || c == '\\' || c == '"' ||
             c == '`';
    };
    std::size_t i = 0;
    while (i < raw.size()) {
      std::size_t run = i;
      while (run < raw.size() && !encoded(raw[run])) ++run;
      m_out.append(raw.data() + i, run - i);
      for (i = run; i < raw.size() && encoded(raw[i]); ++i) {
        const auto byte = static_cast<unsigned char>(raw[i]);
        const char hex[3] = {'%', k_hex[byte >> 4], k_hex[byte & 0xF]};
        m_out.append(hex, 3);
      }
    }
  }

  Markup m_markup;
  std::string& m_out;
};

// "July 4, 2020", "September 2011", "2012" (APA retrieval dates, Chicago dates).
void long_date(const Writer& w, const Date& date) {
  if (date.month != 0) {
    w.raw(month_name(date));
    w.raw(' ');
    if (date.day != 0) {
      w.number(date.day);
      w.raw(", ");
    }
  }
  w.number(date.year);
}

// An author as written in the facts: "Family, Given" for a person, anything without a
// comma for an organisation (or a name whose parts are not known, such as 남빛나라).
struct Name {
  std::string_view family;  // views of the record's author text
  std::string_view given;   // empty: an organisation, used as written

  bool is_person() const { return !given.empty(); }
};

Name parse_name(std::string_view author) {
  const auto comma = author.find(", ");
  if (comma == std::string_view::npos) return {author, {}};
  return {author.substr(0, comma), author.substr(comma + 2)};
}

std::vector<Name> names_of(const Reference& r) {
  std::vector<Name> names;
  names.reserve(r.authors.size() + 1);
  for (const auto& author : r.authors) names.push_back(parse_name(author));
  return names;
}

// "Family, Given" (MLA, and the first author in Chicago).
void inverted_name(const Writer& w, const Name& name) {
  w.text(name.family);
  if (!name.is_person()) return;
  w.raw(", ");
  w.text(name.given);
}

// "Given Family" (MLA and Chicago, second and later authors).
void natural_name(const Writer& w, const Name& name) {
  if (name.is_person()) {
    w.text(name.given);
    w.raw(' ');
  }
  w.text(name.family);
}

// APA, format of the author element: initials with a period and a space; a hyphenated given name
// keeps its hyphen (Yi-Chun → Y.-C.). ASCII initials are upper-cased.
void initials(std::string& out, std::string_view given) {
  const std::size_t start = out.size();
  bool at_start = true;
  for (std::size_t i = 0; i < given.size(); ++i) {
    const char c = given[i];
    if (c == ' ' || c == '-') {
      if (out.size() > start && out.back() == '.') out += c;
      at_start = true;
      continue;
    }
    if (!at_start) continue;
    at_start = false;
    // One whole UTF-8 character.
    const std::size_t length = std::max<std::size_t>(util::decode_utf8(given, i).length, 1);
    if (length == 1 && c >= 'a' && c <= 'z') {
      out += static_cast<char>(c - 'a' + 'A');
    } else {
      out.append(given.substr(i, length));
    }
    out += '.';
    i += length - 1;
  }
  while (out.size() > start && (out.back() == ' ' || out.back() == '-')) out.pop_back();
}

// An organisation author that is also the publisher ("Ministry of Unification" and
// "Ministry of Unification, Republic of Korea"): APA (publisher element) and MLA leave the
// publisher out then, Chicago keeps the organisation once.
bool author_is_publisher(const Reference& r) {
  if (r.authors.size() != 1) return false;
  const Name name = parse_name(r.authors.front());
  return !name.is_person() && util::starts_with(r.publisher, name.family);
}

bool is_description(std::string_view title) {
  return title.size() >= 2 && title.front() == '[' && title.back() == ']';
}

// A title with its English translation in square brackets after it (APA "works in
// another language", MLA "translations", CMOS "translated titles"): the translation is never italic
// or quoted.
void translation(const Reference& r, const Writer& w) {
  if (r.translated_title.empty()) return;
  w.raw(" [");
  w.text(r.translated_title);
  w.raw(']');
}

void italic_title(const Reference& r, const Writer& w) {
  // A description standing in for a title is neither italic nor quoted (APA "bracketed
  // descriptions").
  if (is_description(r.title)) {
    w.text(r.title);
  } else {
    w.italic(r.title);
  }
  translation(r, w);
}

void quoted_title(const Reference& r, const Writer& w) {
  if (is_description(r.title)) {
    const auto start = w.mark();
    w.text(r.title);
    translation(r, w);
    w.end_sentence(start);
    return;
  }
  // The closing period goes inside the quotation marks (MLA; CMOS "periods and commas with
  // quotation marks").
  w.raw("\u201c");
  const auto start = w.mark();
  w.text(r.title);
  if (r.translated_title.empty()) {
    w.end_sentence(start);
    w.raw("\u201d");
    return;
  }
  w.raw("\u201d");
  translation(r, w);
  w.raw('.');
}

bool is_periodical(ReferenceKind kind) {
  return kind == ReferenceKind::news || kind == ReferenceKind::journal;
}

// Page ranges: "225-253" as stored; APA gives them in full with an en dash, MLA and
// Chicago shorten the second number to its changed digits (225–53; CMOS "inclusive numbers", MLA
// "page numbers").
void full_pages(const Writer& w, std::string_view pages) {
  const auto start = w.mark();
  w.text(pages);
  const auto dash = w.out().find('-', start);
  if (dash != std::string::npos) w.out().replace(dash, 1, "\u2013");
}

std::string short_pages(std::string_view pages, std::string_view dash_text) {
  const auto dash = pages.find('-');
  if (dash == std::string_view::npos) return std::string(pages);
  const std::string first(pages.substr(0, dash));
  std::string second(pages.substr(dash + 1));
  const auto digits = [](const std::string& text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  const bool numeric =
      !first.empty() && first.size() == second.size() && digits(first) && digits(second);
  if (numeric && first.size() >= 3) {
    // Keep at least the last two digits, and every digit that changed.
    std::size_t same = 0;
    while (same < first.size() - 2 && first[same] == second[same]) ++same;
    second = second.substr(same);
  }
  return first + std::string(dash_text) + second;
}

// ---- APA, 7th edition -------------------------------------------------------------------

// APA, author element: "Family, I. I."; two authors joined by ", &"; up to 20 all listed, the last
// after ", &"; 21 or more: the first 19, ". . .", then the last.
void apa_authors(const std::vector<Name>& names, const Writer& w) {
  std::string given;
  const auto author = [&](const Name& name) {
    w.text(name.family);
    if (!name.is_person()) return;
    w.raw(", ");
    // Initials escaped like any text: "<i>Jane" must not leave a bare "<" in Markdown.
    given.clear();
    initials(given, name.given);
    w.text(given);
  };
  if (names.size() == 1) return author(names.front());
  const std::size_t listed = names.size() > 20 ? 19 : names.size() - 1;
  for (std::size_t i = 0; i < listed; ++i) {
    author(names[i]);
    w.raw(", ");
  }
  w.raw(names.size() > 20 ? ". . . " : "& ");
  author(names.back());
}

// APA, date element: (2020, July 4), (2011, September), (2012), (n.d.). Reports, books and
// data sets give the year only (APA reference examples); articles and pages the full date.
void apa_date(const Writer& w, const std::optional<Date>& date, bool year_only) {
  if (!date) return w.raw("(n.d.).");
  w.raw('(');
  w.number(date->year);
  if (date->month != 0 && !year_only) {
    w.raw(", ");
    w.raw(month_name(*date));
    if (date->day != 0) {
      w.raw(' ');
      w.number(date->day);
    }
  }
  w.raw(").");
}

// APA, source element (APA reference examples: periodicals, books, reports, webpages): the
// journal with its volume, issue and pages, the newspaper, or the publisher.
void apa_source(const Reference& r, const Writer& w, bool skip_publisher) {
  if (r.kind == ReferenceKind::journal) {
    w.raw(' ');
    const auto start = w.mark();
    w.italic(r.publisher);
    if (!r.volume.empty()) {
      w.raw(", ");
      w.italic(r.volume);
      if (!r.issue.empty()) {
        w.raw('(');
        w.text(r.issue);
        w.raw(')');
      }
    }
    if (!r.pages.empty()) {
      w.raw(", ");
      full_pages(w, r.pages);
    }
    w.end_sentence(start);
  } else if (r.kind == ReferenceKind::news) {
    w.raw(' ');
    const auto start = w.mark();
    w.italic(r.publisher);
    w.end_sentence(start);
  } else if (!skip_publisher) {
    w.raw(' ');
    const auto start = w.mark();
    w.text(r.publisher);
    w.end_sentence(start);
  }
}

// APA, title element: articles not italic, everything else italic; data sets say so.
void apa_title(const Reference& r, const Writer& w) {
  const auto start = w.mark();
  if (is_periodical(r.kind)) {
    w.text(r.title);
    translation(r, w);
  } else {
    italic_title(r, w);
    if (r.kind == ReferenceKind::dataset) w.raw(" [Data set]");  // APA data sets
  }
  w.end_sentence(start);
}

void cite_apa(const Reference& r, const Writer& w) {
  std::vector<Name> names = names_of(r);
  // APA "group authors": a report, book, data set or page without a named author is
  // authored by the organisation that publishes it. An article without an author starts
  // with its title (APA "missing author").
  const bool publisher_as_author = names.empty() && !is_periodical(r.kind);
  if (publisher_as_author) names.push_back({r.publisher, ""});
  const bool skip_publisher = publisher_as_author || author_is_publisher(r);
  const bool year_only = !is_periodical(r.kind) && r.kind != ReferenceKind::web;
  if (names.empty()) {
    apa_title(r, w);
    w.raw(' ');
    apa_date(w, r.published, year_only);
  } else {
    const auto start = w.mark();
    apa_authors(names, w);
    w.end_sentence(start);
    w.raw(' ');
    apa_date(w, r.published, year_only);
    w.raw(' ');
    apa_title(r, w);
  }
  apa_source(r, w, skip_publisher);
  if (!r.url.empty()) {
    // APA "retrieval dates": one only for a page meant to change, i.e. an undated web
    // page; a dated article on a site is a fixed version.
    if (r.kind == ReferenceKind::web && r.retrieved && !r.published) {
      w.raw(" Retrieved ");
      long_date(w, *r.retrieved);
      w.raw(", from ");
    } else {
      w.raw(' ');
    }
    w.url(r.url);
  }
}

// ---- MLA, 9th edition -------------------------------------------------------------------

// MLA: one author "Family, Given."; two "Family, Given, and Given Family."; three or more
// "Family, Given, et al."
void mla_authors(const std::vector<Name>& names, const Writer& w) {
  inverted_name(w, names.front());
  if (names.size() == 2) {
    w.raw(", and ");
    natural_name(w, names[1]);
  } else if (names.size() > 2) {
    w.raw(", et al");
  }
}

// MLA: day month year, months of five letters or more abbreviated: 4 July 2020.
void mla_date(const Writer& w, const Date& date) {
  if (date.month != 0) {
    if (date.day != 0) {
      w.number(date.day);
      w.raw(' ');
    }
    w.raw(k_mla_months[date.month - 1]);
    w.raw(' ');
  }
  w.number(date.year);
}

// MLA recommends leaving out http:// and https://.
// In Markdown the shortened address is the text of a link to the full one.
void mla_url(const Writer& w, std::string_view url) {
  std::string_view shown = url;
  for (const std::string_view scheme : {"https://", "http://"}) {
    if (util::starts_with(shown, scheme)) shown.remove_prefix(scheme.size());
  }
  w.url(url, shown);
}

void cite_mla(const Reference& r, const Writer& w) {
  // An organisation that is both author and publisher is given only as publisher.
  if (!r.authors.empty() && !author_is_publisher(r)) {
    const auto start = w.mark();
    mla_authors(names_of(r), w);
    w.end_sentence(start);
    w.raw(' ');
  }
  const bool in_container = r.kind == ReferenceKind::news || r.kind == ReferenceKind::web ||
                            r.kind == ReferenceKind::journal;
  if (in_container) {
    quoted_title(r, w);
  } else {
    const auto start = w.mark();
    italic_title(r, w);
    w.end_sentence(start);
  }
  // Core elements in order, separated by commas: container, volume, number, publisher,
  // date, location (MLA's template of core elements).
  w.raw(' ');
  const auto elements_start = w.mark();
  bool first = true;
  const auto element = [&] {
    if (!first) w.raw(", ");
    first = false;
  };
  element();
  if (in_container) {
    w.italic(r.publisher);
    if (!r.volume.empty()) {
      element();
      w.raw("vol. ");
      w.text(r.volume);
    }
    if (!r.issue.empty()) {
      element();
      w.raw("no. ");
      w.text(r.issue);
    }
  } else {
    w.text(r.publisher);
  }
  if (r.published) {
    element();
    mla_date(w, *r.published);
  }
  if (!r.pages.empty()) {
    element();
    const std::string pages = w.escaped(r.pages);
    w.raw(pages.find('-') == std::string::npos ? "p. " : "pp. ");
    w.raw(short_pages(pages, "-"));
  }
  if (!r.url.empty()) {
    element();
    mla_url(w, r.url);
  }
  w.end_sentence(elements_start);
  // An access date is optional; MLA recommends one for a source without a date of its own.
  if (r.retrieved && !r.published) {
    w.raw(" Accessed ");
    mla_date(w, *r.retrieved);
    w.raw('.');
  }
}

// ---- Chicago, 17th edition, notes-bibliography: the bibliography entry --------------------

// CMOS, two or more authors: first author inverted, others in natural order; "and" before the last;
// up to ten listed, more than ten: the first seven and "et al."
void chicago_authors(const std::vector<Name>& names, const Writer& w) {
  const auto& head = names.front();
  inverted_name(w, head);
  if (names.size() > 10) {
    for (std::size_t i = 1; i < 7; ++i) {
      w.raw(", ");
      natural_name(w, names[i]);
    }
    return w.raw(", et al");
  }
  if (names.size() == 1) return;
  // "Ward, Geoffrey C., and Ken Burns": a comma closes the inverted first name.
  if (names.size() == 2) {
    w.raw(head.is_person() ? ", and " : " and ");
    return natural_name(w, names[1]);
  }
  for (std::size_t i = 1; i + 1 < names.size(); ++i) {
    w.raw(", ");
    natural_name(w, names[i]);
  }
  w.raw(", and ");
  natural_name(w, names.back());
}

// CMOS: the full date, or n.d.
void chicago_date(const Reference& r, const Writer& w) {
  if (r.published) {
    long_date(w, *r.published);
  } else {
    w.raw("n.d.");
  }
}

// CMOS: the year alone, or n.d.
void chicago_year(const Reference& r, const Writer& w) {
  if (r.published) {
    w.number(r.published->year);
  } else {
    w.raw("n.d.");
  }
}

// CMOS, newspapers: "Title." Newspaper, Month Day, Year. (An unsigned article already
// starts with the paper's name.)
void chicago_news(const Reference& r, const Writer& w, bool unsigned_news) {
  quoted_title(r, w);
  w.raw(' ');
  const auto start = w.mark();
  if (!unsigned_news) {
    w.italic(r.publisher);
    w.raw(", ");
  }
  chicago_date(r, w);
  w.end_sentence(start);
}

// CMOS, journal articles: "Title." Journal 4, no. 2 (2014): 225–53.
void chicago_journal(const Reference& r, const Writer& w) {
  quoted_title(r, w);
  w.raw(' ');
  const auto start = w.mark();
  w.italic(r.publisher);
  if (!r.volume.empty()) {
    w.raw(' ');
    w.text(r.volume);
  }
  if (!r.issue.empty()) {
    w.raw(", no. ");
    w.text(r.issue);
  }
  w.raw(" (");
  chicago_year(r, w);
  w.raw(')');
  if (!r.pages.empty()) {
    w.raw(": ");
    w.raw(short_pages(w.escaped(r.pages), "\u2013"));
  }
  w.end_sentence(start);
}

// CMOS, web pages: "Title." Site, Date, or Accessed date.
void chicago_web(const Reference& r, const Writer& w, bool publisher_as_author) {
  quoted_title(r, w);
  const bool site = !publisher_as_author && !author_is_publisher(r);
  if (site || r.published) {
    // The site and its date as one element, like a newspaper and its date.
    w.raw(' ');
    const auto start = w.mark();
    if (site) w.text(r.publisher);
    if (site && r.published) w.raw(", ");
    if (r.published) chicago_date(r, w);
    w.end_sentence(start);
  }
  if (!r.published && r.retrieved) {
    w.raw(" Accessed ");
    long_date(w, *r.retrieved);
    w.raw('.');
  }
}

// CMOS, books and reports (and data sets): Title. Publisher, Year.
void chicago_book(const Reference& r, const Writer& w) {
  auto start = w.mark();
  italic_title(r, w);
  w.end_sentence(start);
  w.raw(' ');
  start = w.mark();
  w.text(r.publisher);
  w.raw(", ");
  chicago_year(r, w);
  w.end_sentence(start);
}

void cite_chicago(const Reference& r, const Writer& w) {
  std::vector<Name> names = names_of(r);
  const bool unsigned_news = names.empty() && r.kind == ReferenceKind::news;
  // CMOS, unsigned newspaper articles: an unsigned newspaper article is listed under the paper's
  // name. Other works without an author are listed under the organisation that issued them (CMOS,
  // organization as author); an unsigned journal article starts with its title.
  const bool publisher_as_author = names.empty() && !is_periodical(r.kind);
  if (publisher_as_author) names.push_back({r.publisher, ""});
  if (unsigned_news || !names.empty()) {
    const auto start = w.mark();
    if (unsigned_news) {
      w.italic(r.publisher);
    } else {
      chicago_authors(names, w);
    }
    w.end_sentence(start);
    w.raw(' ');
  }
  switch (r.kind) {
    case ReferenceKind::news:
      chicago_news(r, w, unsigned_news);
      break;
    case ReferenceKind::journal:
      chicago_journal(r, w);
      break;
    case ReferenceKind::web:
      chicago_web(r, w, publisher_as_author);
      break;
    default:
      chicago_book(r, w);
      break;
  }
  if (!r.url.empty()) {
    w.raw(' ');
    const auto start = w.mark();
    w.url(r.url);
    w.end_sentence(start);
  }
}

// ---- The Korean form (국문 참고문헌), issue #22 ----------------------------------------
//
// The form Korean newspapers' and journals' reference lists use, elements separated by
// commas and the entry ended by a period (docs/citation-korean.md gives every case):
//   news     저자, 「기사 제목」, 『매체명』, 2020년 7월 4일, URL.
//   journal  저자, 「논문 제목」, 『학술지명』 4(2), 2014, 225-253쪽, URL.
//   book     저자, 『제목』 (발행처, 2024), URL.   (reports and data sets alike)
//   web      저자, 「페이지 제목」, 발행처, 2011년 9월, URL (검색일: 2026년 11월 25일).
// A work not in Korean keeps the punctuation but quotes its title, the comma or the final
// period inside the quotation marks ("Title," Outlet), and names its container without
// 『』; a book's title is italic in Markdown. Titles and names are written as the
// reference gives them; dates are always Korean.

// 2020년 7월 4일, 2011년 9월, 2012년.
void korean_date(const Writer& w, const Date& date) {
  w.number(date.year);
  w.raw("\ub144");  // 년
  if (date.month == 0) return;
  w.raw(' ');
  w.number(date.month);
  w.raw("\uc6d4");  // 월
  if (date.day == 0) return;
  w.raw(' ');
  w.number(date.day);
  w.raw("\uc77c");  // 일
}

// The elements of one entry, written one after another with ", " between them. A quoted
// title of a foreign work keeps its closing quotation mark open until the next element
// (or the end) puts the comma (or the period) inside it.
class KoreanEntry {
 public:
  KoreanEntry(const Reference& r, const Writer& w) : m_r(r), m_w(w), m_korean(r.language == "ko") {}

  bool korean() const { return m_korean; }

  // Starts the next element.
  void next() {
    if (m_quote_open) {
      m_w.raw(",\u201d ");
      m_quote_open = false;
    } else if (m_any) {
      m_w.raw(", ");
    }
    m_any = true;
  }

  // An article's or a page's title: 「제목」, or "Title" for a foreign work. A description
  // standing in for a title (in square brackets) is neither.
  void article_title() {
    next();
    if (is_description(m_r.title)) {
      m_w.text(m_r.title);
    } else if (m_korean) {
      m_w.raw("\u300c");
      m_w.text(m_r.title);
      m_w.raw("\u300d");
    } else {
      m_w.raw("\u201c");
      m_w.text(m_r.title);
      m_quote_open = true;
      // A Korean rendering of a foreign title follows after the quotation marks.
      if (!m_r.ko_title.empty()) close_quote();
    }
    korean_translation();
  }

  // A book's or a report's title: 『제목』, or the title as it is (italic in Markdown).
  void book_title() {
    next();
    if (m_korean && !is_description(m_r.title)) {
      m_w.raw("\u300e");
      m_w.text(m_r.title);
      m_w.raw("\u300f");
    } else if (is_description(m_r.title)) {
      m_w.text(m_r.title);
    } else {
      m_w.italic(m_r.title);
    }
    korean_translation();
  }

  // A newspaper or a journal: 『매체명』, or its name as it is.
  void container() {
    next();
    if (m_korean) {
      m_w.raw("\u300e");
      m_w.text(m_r.publisher);
      m_w.raw("\u300f");
    } else {
      m_w.text(m_r.publisher);
    }
  }

  // The date of publication, or 날짜 미상 (date unknown) when a news article has none.
  void date() {
    next();
    if (m_r.published) {
      korean_date(m_w, *m_r.published);
    } else {
      m_w.raw("\ub0a0\uc9dc \ubbf8\uc0c1");  // 날짜 미상
    }
  }

  // The address, and when it was read: URL (검색일: 2026년 11월 25일).
  void online() {
    if (!m_r.url.empty()) {
      next();
      m_w.url(m_r.url);
    }
    if (m_r.retrieved) {
      close_quote();
      m_w.raw(m_any ? " (" : "(");
      m_w.raw("\uac80\uc0c9\uc77c: ");  // 검색일
      korean_date(m_w, *m_r.retrieved);
      m_w.raw(')');
      m_any = true;
    }
  }

  // The final period, inside an open quotation mark.
  void finish() {
    if (m_quote_open) {
      if (!ends_sentence(m_w.out())) m_w.raw('.');
      m_w.raw("\u201d");
      m_quote_open = false;
      return;
    }
    if (!ends_sentence(m_w.out())) m_w.raw('.');
  }

 private:
  void close_quote() {
    if (!m_quote_open) return;
    m_w.raw("\u201d");
    m_quote_open = false;
  }

  // A foreign title's Korean rendering, when the facts give one: [윤 대통령이 …].
  void korean_translation() {
    if (m_korean || m_r.ko_title.empty()) return;
    // A description standing in for the title has its Korean description, brackets and all.
    if (is_description(m_r.ko_title)) {
      m_w.raw(' ');
      m_w.text(m_r.ko_title);
      return;
    }
    m_w.raw(" [");
    m_w.text(m_r.ko_title);
    m_w.raw(']');
  }

  const Reference& m_r;
  const Writer& m_w;
  bool m_korean;
  bool m_any = false;         // an element has been written
  bool m_quote_open = false;  // a foreign title's closing quotation mark is still to come
};

// The authors as the reference gives them: Korean names joined by a middle dot
// (김철수·이영희), names written "Family, Given" by semicolons (Yoon, Dasl; Jeong, Andrew).
// Without an author the entry starts with the publisher; an author who is also the
// publisher (an organisation) is named once, as the author.
void korean_authors(const Reference& r, const Writer& w, KoreanEntry& entry) {
  if (r.authors.empty()) {
    // A journal article without an author starts with its title: the journal follows it.
    if (r.publisher.empty() || r.kind == ReferenceKind::journal) return;
    entry.next();
    w.text(r.publisher);
    return;
  }
  entry.next();
  const bool inverted = std::any_of(r.authors.begin(), r.authors.end(),
                                    [](std::string_view a) { return parse_name(a).is_person(); });
  for (std::size_t i = 0; i < r.authors.size(); ++i) {
    if (i > 0) w.raw(inverted ? "; " : "\u00b7");
    w.text(r.authors[i]);
  }
}

// The publisher is written after the title unless the entry already starts with it.
bool korean_publisher_shown(const Reference& r) {
  return !r.authors.empty() && !author_is_publisher(r) && !r.publisher.empty();
}

// A book's imprint: (발행처, 2024), the year alone when the entry starts with the
// publisher, 연도 미상 (year unknown) without a date.
void korean_imprint(const Reference& r, const Writer& w) {
  w.raw(" (");
  if (korean_publisher_shown(r)) {
    w.text(r.publisher);
    w.raw(", ");
  }
  if (r.published) {
    w.number(r.published->year);
  } else {
    w.raw("\uc5f0\ub3c4 \ubbf8\uc0c1");  // 연도 미상
  }
  w.raw(')');
}

void cite_korean(const Reference& r, const Writer& w) {
  KoreanEntry entry(r, w);
  korean_authors(r, w, entry);
  switch (r.kind) {
    case ReferenceKind::news:  // 저자, 「제목」, 『매체명』, 날짜
      entry.article_title();
      if (korean_publisher_shown(r)) entry.container();
      entry.date();
      break;
    case ReferenceKind::journal:  // 저자, 「제목」, 『학술지명』 권(호), 연도, 쪽
      entry.article_title();
      entry.container();
      if (!r.volume.empty()) {
        w.raw(' ');
        w.text(r.volume);
      }
      if (!r.issue.empty()) {
        w.raw(r.volume.empty() ? " (" : "(");
        w.text(r.issue);
        w.raw(')');
      }
      if (r.published) {
        entry.next();
        w.number(r.published->year);
      }
      if (!r.pages.empty()) {
        entry.next();
        w.text(r.pages);
        w.raw("\ucabd");  // 쪽
      }
      break;
    case ReferenceKind::web:  // 저자, 「제목」, 발행처, 날짜
      entry.article_title();
      if (korean_publisher_shown(r)) {
        entry.next();
        w.text(r.publisher);
      }
      if (r.published) entry.date();
      break;
    default:  // books, reports, data sets: 저자, 『제목』 (발행처, 연도)
      entry.book_title();
      korean_imprint(r, w);
      break;
  }
  entry.online();
  entry.finish();
}

// ---- BibTeX -----------------------------------------------------------------------------

// Appends `raw` with its control characters escaped (as everywhere) and LaTeX's special
// characters written so that the .bib file reads back as the same text.
void bibtex_text(std::string& out, std::string_view raw) {
  const std::size_t start = out.size();
  util::escape_controls_into(out, raw, util::Newlines::escape);
  const auto cleaned = util::take_back_if_any(out, start, "\\{}&%$#_~^");
  if (!cleaned) return;
  for (const char c : *cleaned) {
    switch (c) {
      case '\\':
        out += "\\textbackslash{}";
        break;
      case '~':
        out += "\\textasciitilde{}";
        break;
      case '^':
        out += "\\textasciicircum{}";
        break;
      case '{':
      case '}':
      case '&':
      case '%':
      case '$':
      case '#':
      case '_':
        out += '\\';
        out += c;
        break;
      default:
        out += c;
    }
  }
}

// URLs go in verbatim, as biblatex reads its url field; only braces, which would
// unbalance the entry, and spaces are percent-encoded.
void bibtex_url(std::string& out, std::string_view raw) {
  const std::size_t start = out.size();
  util::escape_controls_into(out, raw, util::Newlines::escape);
  const auto cleaned = util::take_back_if_any(out, start, "{} ");
  if (!cleaned) return;
  for (const char c : *cleaned) {
    if (c == '{')
      out += "%7B";
    else if (c == '}')
      out += "%7D";
    else if (c == ' ')
      out += "%20";
    else
      out += c;
  }
}

// The entry's key: the record id, which the loader requires in kebab-case. Should a record
// with another id get here (a caller that renders a file the loader rejected), each byte a
// key may not hold is written as -xHH, so the key stays one token, stable and unique, and
// no control character reaches the output.
void bibtex_key(std::string& out, std::string_view id) {
  for (const char c : id) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '_' || c == '.' || c == ':' || c == '/') {
      out += c;
    } else {
      fmt::format_to(std::back_inserter(out), FMT_COMPILE("-x{:02x}"),
                     static_cast<unsigned char>(c));
    }
  }
}

std::string_view bibtex_type(ReferenceKind kind) {
  switch (kind) {
    case ReferenceKind::news:
    case ReferenceKind::journal:
      return "article";
    case ReferenceKind::report:
      return "techreport";
    case ReferenceKind::book:
      return "book";
    case ReferenceKind::web:
    case ReferenceKind::dataset:
      return "misc";
  }
  return "misc";
}

// The fields of one entry, "  name         = value," with names padded to 12, one field a
// line, written straight into the entry: an entry has a dozen fields and this runs for
// every reference.
class BibtexFields {
 public:
  explicit BibtexFields(std::string& out) : m_out(out) {}

  void field(std::string_view name) const {
    m_out += ",\n  ";
    m_out += name;
    if (name.size() < 12) m_out.append(12 - name.size(), ' ');
    m_out += " = ";
  }

  void braced(std::string_view name, std::string_view raw) const {
    field(name);
    m_out += '{';
    bibtex_text(m_out, raw);
    m_out += '}';
  }

  // publisher and institution are name lists for biblatex (and pandoc): a second pair of
  // braces keeps "U.S. Committee for Refugees and Immigrants" one organisation instead of
  // two split at "and".
  void organisation(std::string_view name, std::string_view raw) const {
    field(name);
    m_out += "{{";
    bibtex_text(m_out, raw);
    m_out += "}}";
  }

  std::string& out() const { return m_out; }

 private:
  std::string& m_out;
};

void bibtex_authors(const BibtexFields& f, const Reference& r) {
  if (r.authors.empty()) return;
  std::string& out = f.out();
  f.field("author");
  out += '{';
  for (std::size_t i = 0; i < r.authors.size(); ++i) {
    if (i > 0) out += " and ";
    // An organisation in braces, so BibTeX does not split it into first and last names.
    const bool person = parse_name(r.authors[i]).is_person();
    if (!person) out += '{';
    bibtex_text(out, r.authors[i]);
    if (!person) out += '}';
  }
  out += '}';
}

// Where the work appeared: journal (a plain field, read the same by BibTeX and biblatex),
// institution or publisher; then volume, number and pages.
void bibtex_container(const BibtexFields& f, const Reference& r) {
  switch (r.kind) {
    case ReferenceKind::news:
    case ReferenceKind::journal:
      f.braced("journal", r.publisher);
      break;
    case ReferenceKind::report:
      f.organisation("institution", r.publisher);
      break;
    case ReferenceKind::book:
    case ReferenceKind::web:
    case ReferenceKind::dataset:
      f.organisation("publisher", r.publisher);
      break;
  }
  if (!r.volume.empty()) f.braced("volume", r.volume);
  if (!r.issue.empty()) f.braced("number", r.issue);
  if (!r.pages.empty()) {
    std::string& out = f.out();
    f.field("pages");
    out += '{';
    const auto start = out.size();
    bibtex_text(out, r.pages);
    const auto dash = out.find('-', start);
    if (dash != std::string::npos) out.replace(dash, 1, "--");
    out += '}';
  }
}

// year and month for BibTeX, date (ISO 8601, as precise as known) for biblatex, which
// prefers it to year and month.
void bibtex_published(const BibtexFields& f, const Date& published) {
  std::string& out = f.out();
  f.field("year");
  out += '{';
  util::append_integer(out, published.year);
  out += '}';
  if (published.month != 0) {
    f.field("month");
    out += k_bibtex_months[published.month - 1];
  }
  f.field("date");
  out += '{';
  out += model::to_iso(published);
  out += '}';
}

// The address (and, for pages and data sets, howpublished), when it was read, and the
// language as babel names it (biblatex's langid).
void bibtex_online(const BibtexFields& f, const Reference& r) {
  std::string& out = f.out();
  if (!r.url.empty()) {
    f.field("url");
    out += '{';
    bibtex_url(out, r.url);
    out += '}';
    if (r.kind == ReferenceKind::web || r.kind == ReferenceKind::dataset) {
      f.field("howpublished");
      out += "{\\url{";
      bibtex_url(out, r.url);
      out += "}}";
    }
  }
  if (r.retrieved) {
    f.field("urldate");
    out += '{';
    out += model::to_iso(*r.retrieved);
    out += '}';
  }
  if (r.language == "en") {
    f.field("langid");
    out += "{english}";
  }
  if (r.language == "ko") {
    f.field("langid");
    out += "{korean}";
  }
}

void cite_bibtex(std::string& out, const Reference& r) {
  out += '@';
  out += bibtex_type(r.kind);
  out += '{';
  bibtex_key(out, r.id);
  const BibtexFields f(out);
  bibtex_authors(f, r);
  // Double braces keep the title's capitals from the style's case changes.
  f.field("title");
  out += "{{";
  bibtex_text(out, r.title);
  out += "}}";
  if (!r.translated_title.empty()) {
    f.field("titleaddon");
    out += "{[";
    bibtex_text(out, r.translated_title);
    out += "]}";
  }
  bibtex_container(f, r);
  if (r.published) bibtex_published(f, *r.published);
  if (!r.issn.empty()) f.braced("issn", r.issn);
  bibtex_online(f, r);
  out += "\n}";
}

// ---- CSL-JSON (CSL 1.0.2 data schema: citeproc, pandoc, Zotero) -------------------------

std::string_view csl_type(ReferenceKind kind) {
  switch (kind) {
    case ReferenceKind::news:
      return "article-newspaper";
    case ReferenceKind::journal:
      return "article-journal";
    case ReferenceKind::report:
      return "report";
    case ReferenceKind::book:
      return "book";
    case ReferenceKind::web:
      return "webpage";
    case ReferenceKind::dataset:
      return "dataset";
  }
  return "document";
}

// A DOI, when the URL is a doi.org link (the facts have no field of their own for it).
std::string_view doi_of(std::string_view url) {
  for (const std::string_view prefix :
       {"https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/"}) {
    if (util::starts_with(url, prefix) && url.size() > prefix.size())
      return url.substr(prefix.size());
  }
  return {};
}

// The title as the three printed styles give it: a translation follows in square brackets
// (CSL has no variable for a translated title, and reference managers keep it this way).
std::string full_title(const Reference& r) {
  std::string title(r.title);
  if (!r.translated_title.empty()) {
    title += " [";
    title += r.translated_title;
    title += ']';
  }
  return title;
}

std::string cited_by_note(const std::vector<std::string_view>& cited_by) {
  std::string note;
  if (cited_by.empty()) return note;
  note = "Cited in nkfacts by: ";
  for (std::size_t i = 0; i < cited_by.size(); ++i) {
    if (i > 0) note += ", ";
    note += cited_by[i];
  }
  return note;
}

void cite_csl_json(std::string& out, const Reference& r,
                   const std::vector<std::string_view>& cited_by, std::string_view indent) {
  bool first = true;
  const auto key = [&](std::string_view name) {
    out += first ? "{\n" : ",\n";
    first = false;
    out += indent;
    out += "  \"";
    out += name;
    out += "\": ";
  };
  const auto string = [&](std::string_view name, std::string_view value) {
    if (value.empty()) return;
    key(name);
    append_json_string(out, value);
  };
  const auto date = [&](std::string_view name, const std::optional<Date>& value) {
    if (!value) return;
    key(name);
    out += "{\"date-parts\": [[";
    util::append_integer(out, value->year);
    for (const int part : {int{value->month}, int{value->day}}) {
      if (part == 0) break;
      out += ", ";
      util::append_integer(out, part);
    }
    out += "]]}";
  };
  string("id", r.id);
  string("type", csl_type(r.kind));
  string("title", full_title(r));
  if (!r.authors.empty()) {
    key("author");
    out += '[';
    for (std::size_t i = 0; i < r.authors.size(); ++i) {
      if (i > 0) out += ", ";
      const Name name = parse_name(r.authors[i]);
      if (name.is_person()) {
        out += "{\"family\": ";
        append_json_string(out, name.family);
        out += ", \"given\": ";
        append_json_string(out, name.given);
        out += '}';
      } else {
        out += "{\"literal\": ";
        append_json_string(out, name.family);
        out += '}';
      }
    }
    out += ']';
  }
  // A newspaper or journal is the container of its articles, a site of its pages (given
  // once: the styles print a site's publisher as well, so it would come out twice);
  // reports, books and data sets have a publisher.
  if (is_periodical(r.kind) || r.kind == ReferenceKind::web) {
    string("container-title", r.publisher);
  } else {
    string("publisher", r.publisher);
  }
  string("volume", r.volume);
  string("issue", r.issue);
  string("page", r.pages);
  date("issued", r.published);
  date("accessed", r.retrieved);
  string("ISSN", r.issn);
  string("DOI", doi_of(r.url));
  string("URL", r.url);
  string("language", r.language);
  string("note", cited_by_note(cited_by));
  out += first ? "{}" : "\n";
  if (!first) {
    out += indent;
    out += '}';
  }
}

// ---- RIS (the tagged format of EndNote and Reference Manager) ---------------------------

std::string_view ris_type(ReferenceKind kind) {
  switch (kind) {
    case ReferenceKind::news:
      return "NEWS";
    case ReferenceKind::journal:
      return "JOUR";
    case ReferenceKind::report:
      return "RPRT";
    case ReferenceKind::book:
      return "BOOK";
    case ReferenceKind::web:
      return "ELEC";
    case ReferenceKind::dataset:
      return "DATA";
  }
  return "GEN";
}

// YYYY/MM/DD/, parts not known left empty: "2020///".
void ris_date(std::string& out, const Date& date) {
  fmt::format_to(std::back_inserter(out), FMT_COMPILE("{:04}/"), date.year);
  if (date.month != 0) fmt::format_to(std::back_inserter(out), FMT_COMPILE("{:02}"), date.month);
  out += '/';
  if (date.day != 0) fmt::format_to(std::back_inserter(out), FMT_COMPILE("{:02}"), date.day);
  out += '/';
}

void cite_ris(std::string& out, const Reference& r, const std::vector<std::string_view>& cited_by) {
  // "TG  - value", one line each; a value is one line, its controls escaped.
  const auto tag = [&](std::string_view name, std::string_view value) {
    if (value.empty()) return;
    out += name;
    out += "  - ";
    util::escape_controls_into(out, value, util::Newlines::escape);
    out += '\n';
  };
  tag("TY", ris_type(r.kind));
  tag("ID", r.id);
  // "Family, Given" for a person; an organisation has no comma and stays one name.
  for (const auto& author : r.authors) tag("AU", author);
  tag("TI", r.title);
  tag("TT", r.translated_title);
  if (r.kind == ReferenceKind::news || r.kind == ReferenceKind::journal) {
    tag("T2", r.publisher);
    if (r.kind == ReferenceKind::journal) tag("JO", r.publisher);
  } else {
    tag("PB", r.publisher);
    if (r.kind == ReferenceKind::web) tag("T2", r.publisher);
  }
  tag("VL", r.volume);
  tag("IS", r.issue);
  if (!r.pages.empty()) {
    const auto dash = r.pages.find('-');
    tag("SP", std::string_view(r.pages).substr(0, dash));
    if (dash != std::string::npos) tag("EP", std::string_view(r.pages).substr(dash + 1));
  }
  if (r.published) {
    out += "PY  - ";
    util::append_integer(out, r.published->year);
    out += "\nDA  - ";
    ris_date(out, *r.published);
    out += '\n';
  }
  if (r.retrieved) {
    out += "Y2  - ";
    ris_date(out, *r.retrieved);
    out += '\n';
  }
  tag("SN", r.issn);
  tag("DO", doi_of(r.url));
  tag("UR", r.url);
  tag("LA", r.language);
  tag("N1", cited_by_note(cited_by));
  out += "ER  - \n";
}

// What an alphabetical list sorts by: the entry's first words without quotation marks,
// brackets or emphasis, case-folded. (The first 60 bytes or so decide; ties go by id.)
std::string sort_key(const std::string& entry) {
  std::string out;
  // The 60 bytes end at a character's end: half a character would not fold (and sorted an
  // entry that starts in Japanese before every other).
  const auto continues = [&](std::size_t i) {
    return (static_cast<unsigned char>(entry[i]) & 0xC0) == 0x80;
  };
  for (std::size_t i = 0; i < entry.size() && (out.size() < 60 || continues(i)); ++i) {
    // Curly quotation marks, U+201C and U+201D: E2 80 9C and E2 80 9D.
    if (static_cast<unsigned char>(entry[i]) == 0xE2 && i + 2 < entry.size() &&
        static_cast<unsigned char>(entry[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(entry[i + 2]) == 0x9C ||
         static_cast<unsigned char>(entry[i + 2]) == 0x9D)) {
      i += 2;
      continue;
    }
    const char c = entry[i];
    if (c == '[' || c == '*' || c == '"') continue;
    out += c;
  }
  return util::fold_case(out);
}

// The entry's first element as `style` writes it, the author ("Harden, Blaine."), or empty
// when the entry starts with its title. The same choices as cite_apa, cite_mla and
// cite_chicago make; bibliography() checks that the entry starts with it.
std::string author_head(const Reference& r, CitationStyle style, Markup markup) {
  std::string out;
  const Writer w(markup, out);
  std::vector<Name> names = names_of(r);
  switch (style) {
    case CitationStyle::apa:
      if (names.empty() && !is_periodical(r.kind)) names.push_back({r.publisher, ""});
      if (names.empty()) return out;
      apa_authors(names, w);
      break;
    case CitationStyle::mla:
      if (names.empty() || author_is_publisher(r)) return out;
      mla_authors(names, w);
      break;
    case CitationStyle::chicago:
      // An unsigned article listed under its newspaper: the paper is no author, and its
      // name is given every time.
      if (names.empty() && r.kind == ReferenceKind::news) return out;
      if (names.empty() && !is_periodical(r.kind)) names.push_back({r.publisher, ""});
      if (names.empty()) return out;
      chicago_authors(names, w);
      break;
    default:
      return out;
  }
  w.end_sentence(0);
  return out;
}

// In an alphabetical list, MLA ("works by the same author": three hyphens) and CMOS ("3-em
// dash for repeated names") give a name repeated from the entry before as a dash.
void repeated_authors(std::vector<Entry>& entries, CitationStyle style, Markup markup) {
  const std::string_view dash = style == CitationStyle::mla ? "---." : "\u2014\u2014\u2014.";
  std::string previous;
  for (auto& entry : entries) {
    std::string head = author_head(*entry.reference, style, markup);
    if (!head.empty() && head == previous && util::starts_with(entry.text, head)) {
      entry.text.replace(0, head.size(), dash);
    }
    previous = std::move(head);
  }
}

// APA ("order of works by the same author in the same year"): a letter after the year,
// 2020a, 2020b, or after n.d., n.d.-a, n.d.-b, in the order of the list.
void same_author_same_year(std::vector<Entry>& entries, Markup markup) {
  std::vector<std::string> heads;
  heads.reserve(entries.size());
  for (const auto& entry : entries)
    heads.push_back(author_head(*entry.reference, CitationStyle::apa, markup));
  const auto year = [&](std::size_t i) {
    const auto& published = entries[i].reference->published;
    return published ? published->year : 0;
  };
  std::size_t start = 0;
  while (start < entries.size()) {
    std::size_t end = start + 1;
    while (end < entries.size() && !heads[start].empty() && heads[end] == heads[start] &&
           year(end) == year(start)) {
      ++end;
    }
    if (end - start > 1) {
      for (std::size_t i = start; i < end && i - start < 26; ++i) {
        auto& text = entries[i].text;
        const std::size_t date = heads[i].size() + 2;  // "Head. (2020" or "Head. (n.d."
        if (!util::starts_with(text, heads[i]) || text.compare(heads[i].size(), 2, " (") != 0)
          continue;
        const char letter = static_cast<char>('a' + (i - start));
        if (text.compare(date, 4, "n.d.") == 0) {
          text.insert(date + 4, {'-', letter});
        } else {
          std::size_t digits = date;
          while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
          text.insert(digits, 1, letter);
        }
      }
    }
    start = end;
  }
}

}  // namespace

std::optional<CitationStyle> parse_citation_style(std::string_view name) {
  if (name == "plain") return CitationStyle::plain;
  if (name == "apa") return CitationStyle::apa;
  if (name == "mla") return CitationStyle::mla;
  if (name == "chicago") return CitationStyle::chicago;
  if (name == "korean") return CitationStyle::korean;
  if (name == "bibtex") return CitationStyle::bibtex;
  if (name == "csl-json") return CitationStyle::csl_json;
  if (name == "ris") return CitationStyle::ris;
  return std::nullopt;
}

bool is_export(CitationStyle style) {
  return style == CitationStyle::bibtex || style == CitationStyle::csl_json ||
         style == CitationStyle::ris;
}

namespace {

// Built by appending, without fmt: `cite` and the JSON of every reference run this.
void cite_plain(const model::Reference& r, const Writer& w) {
  std::string& out = w.out();
  const std::size_t authors_start = w.mark();
  for (std::size_t i = 0; i < r.authors.size(); ++i) {
    if (i > 0) w.raw("; ");
    w.text(r.authors[i]);
  }
  if (!r.authors.empty()) {
    // Authors that escape to nothing still get their period.
    if (out.size() == authors_start || !ends_sentence(out)) w.raw('.');
    w.raw(' ');
  }
  w.raw("\u201c");
  const std::size_t title_start = w.mark();
  w.text(r.title);
  if (!r.translated_title.empty()) {
    w.raw(" [");
    w.text(r.translated_title);
    w.raw(']');
  }
  w.end_sentence(title_start);
  w.raw("\u201d ");
  const std::size_t where_start = w.mark();
  w.text(r.publisher);
  // Each label is a message with one {} for its value (Korean puts the word after it).
  const auto part = [&w](std::string_view msgid, std::string_view value) {
    if (value.empty()) return;
    const std::string_view label = util::tr(msgid);
    const auto field = label.find("{}");
    w.raw(label.substr(0, field));
    w.text(value);
    w.raw(label.substr(field + 2));
  };
  part(util::tr_noop(", volume {}"), r.volume);
  part(util::tr_noop(", issue {}"), r.issue);
  part(util::tr_noop(", pages {}"), r.pages);
  if (r.published) {
    w.raw(", ");
    w.raw(model::to_iso(*r.published));
  }
  w.end_sentence(where_start);
  if (!r.issn.empty()) {
    w.raw(" ISSN ");
    w.text(r.issn);
    w.raw('.');
  }
  if (!r.url.empty()) {
    w.raw(' ');
    w.url(r.url);
  }
  if (r.retrieved) {
    const std::string date = model::to_iso(*r.retrieved);
    part(util::tr_noop(" (retrieved {})"), date);
    if (r.url.empty()) w.raw('.');
  }
}

}  // namespace

void cite_plain_into(std::string& out, const model::Reference& r) {
  // The text goes in with its control characters escaped and no markup.
  cite_plain(r, Writer(Markup::none, out));
}

std::string cite_plain(const model::Reference& r) {
  std::string out;
  out.reserve(r.title.size() + r.publisher.size() + r.url.size() + 96);
  cite_plain_into(out, r);
  return out;
}

void cite_into(std::string& out, const model::Reference& reference, CitationStyle style,
               Markup markup) {
  const Writer writer(markup, out);
  switch (style) {
    case CitationStyle::plain:
      return cite_plain(reference, writer);
    case CitationStyle::apa:
      return cite_apa(reference, writer);
    case CitationStyle::mla:
      return cite_mla(reference, writer);
    case CitationStyle::chicago:
      return cite_chicago(reference, writer);
    case CitationStyle::korean:
      return cite_korean(reference, writer);
    case CitationStyle::bibtex:
      return cite_bibtex(out, reference);
    case CitationStyle::csl_json:
      return cite_csl_json(out, reference, {}, "");
    case CitationStyle::ris:
      return cite_ris(out, reference, {});
  }
}

std::string cite(const model::Reference& reference, CitationStyle style, Markup markup) {
  std::string out;
  // Room for the longest entries of the embedded facts without growing.
  out.reserve(reference.title.size() + reference.publisher.size() + 2 * reference.url.size() +
              (is_export(style) ? 256 : 128));
  cite_into(out, reference, style, markup);
  return out;
}

std::vector<Entry> bibliography(const std::vector<const model::Reference*>& references,
                                CitationStyle style, Markup markup) {
  std::vector<Entry> entries;
  entries.reserve(references.size());
  // Each entry is written into one buffer and kept at its exact size: cite()'s room for the
  // longest entries, kept for every one, doubled what the list held (four more fresh pages
  // for `cite --style apa`, bench/README.md).
  std::string scratch;
  for (const auto* reference : references) {
    scratch.clear();
    cite_into(scratch, *reference, style, markup);
    entries.push_back({reference, scratch});
  }
  if (style == CitationStyle::plain || is_export(style)) return entries;
  // Each entry's sort key, all in one buffer: where it starts, its length, and the entry.
  struct Key {
    std::size_t start;
    std::size_t length;
    std::size_t entry;
  };
  std::string keys;
  std::vector<Key> keyed;
  keyed.reserve(entries.size());
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const std::size_t start = keys.size();
    // A Korean reference list gives the works in Korean first (in 가나다 order, which is
    // the order of their code points), then the others alphabetically.
    if (style == CitationStyle::korean) keys += entries[i].reference->language == "ko" ? '0' : '1';
    keys += sort_key(entries[i].text);
    keyed.push_back({start, keys.size() - start, i});
  }
  const auto key = [&](const Key& k) { return std::string_view(keys).substr(k.start, k.length); };
  std::stable_sort(keyed.begin(), keyed.end(), [&](const Key& a, const Key& b) {
    const auto first = key(a);
    const auto second = key(b);
    return first != second ? first < second
                           : entries[a.entry].reference->id < entries[b.entry].reference->id;
  });
  // Into that order in place, one cycle of the permutation at a time (an entry whose key
  // names itself is where it belongs).
  for (std::size_t i = 0; i < keyed.size(); ++i) {
    if (keyed[i].entry == i) continue;
    Entry first = std::move(entries[i]);
    std::size_t to = i;
    for (;;) {
      const std::size_t from = keyed[to].entry;
      keyed[to].entry = to;
      if (from == i) {
        entries[to] = std::move(first);
        break;
      }
      entries[to] = std::move(entries[from]);
      to = from;
    }
  }
  if (style == CitationStyle::apa) {
    same_author_same_year(entries, markup);
  } else if (style != CitationStyle::korean) {
    repeated_authors(entries, style, markup);
  }
  return entries;
}

}  // namespace nkfacts::render

namespace nkfacts::render {

void write_export(std::string& out, const std::vector<const model::Reference*>& references,
                  CitationStyle style, const model::FactBase& facts,
                  const std::function<void()>& after_entry) {
  // Who cites what, sorted by reference and record: one pass over the citations.
  auto citations = facts.citations();
  std::sort(citations.begin(), citations.end(), [](const auto& a, const auto& b) {
    return a.reference != b.reference ? a.reference < b.reference : a.record < b.record;
  });
  std::vector<std::string_view> cited_by;
  const auto citing = [&](std::string_view id) -> const std::vector<std::string_view>& {
    cited_by.clear();
    auto it =
        std::lower_bound(citations.begin(), citations.end(), id,
                         [](const auto& c, std::string_view value) { return c.reference < value; });
    for (; it != citations.end() && it->reference == id; ++it) {
      if (cited_by.empty() || cited_by.back() != it->record) cited_by.push_back(it->record);
    }
    return cited_by;
  };
  if (style == CitationStyle::csl_json) out += "[\n";
  for (std::size_t i = 0; i < references.size(); ++i) {
    const auto& reference = *references[i];
    switch (style) {
      case CitationStyle::csl_json:
        if (i > 0) out += ",\n";
        out += "  ";
        cite_csl_json(out, reference, citing(reference.id), "  ");
        break;
      case CitationStyle::ris:
        if (i > 0) out += '\n';
        cite_ris(out, reference, citing(reference.id));
        break;
      default:
        if (i > 0) out += '\n';
        cite_into(out, reference, style);
        out += '\n';
        break;
    }
    if (after_entry) after_entry();
  }
  if (style == CitationStyle::csl_json) out += references.empty() ? "]\n" : "\n]\n";
}

}  // namespace nkfacts::render

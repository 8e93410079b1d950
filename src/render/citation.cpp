#include "render/citation.hpp"

#include <fmt/compile.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <iterator>

#include "util/text.hpp"
#include "util/utf8.hpp"

namespace nkfacts::render {
namespace {

using model::Date;
using model::Reference;
using model::ReferenceKind;

std::string clean(std::string_view text) {
  return util::escape_controls(text, util::Newlines::escape);
}

bool ends_sentence(std::string_view text) {
  return !text.empty() && (text.back() == '.' || text.back() == '?' || text.back() == '!');
}

// Adds the final period unless the text already ends a sentence.
std::string sentence(std::string text) {
  if (!text.empty() && !ends_sentence(text)) text += '.';
  return text;
}

constexpr std::array<std::string_view, 12> k_months = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

// MLA 9 abbreviates months longer than four letters (MLA Handbook, "Abbreviations": months).
constexpr std::array<std::string_view, 12> k_mla_months = {
    "Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."};

constexpr std::array<std::string_view, 12> k_bibtex_months = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};

std::string_view month_name(const Date& date) { return k_months[date.month - 1]; }

// "July 4, 2020", "September 2011", "2012" (APA retrieval dates, Chicago dates).
std::string long_date(const Date& date) {
  if (date.month == 0) return fmt::format(FMT_COMPILE("{}"), date.year);
  if (date.day == 0) return fmt::format(FMT_COMPILE("{} {}"), month_name(date), date.year);
  return fmt::format(FMT_COMPILE("{} {}, {}"), month_name(date), date.day, date.year);
}

// Writes text for the output: control characters escaped always; Markdown's own
// characters escaped when writing Markdown; emphasis as *...*.
class Writer {
 public:
  explicit Writer(Markup markup) : m_markup(markup) {}

  std::string text(std::string_view raw) const {
    if (m_markup == Markup::none) return clean(raw);
    return util::markdown_literal(raw, util::Newlines::escape);
  }

  std::string italic(std::string_view raw) const {
    if (raw.empty() || m_markup == Markup::none) return text(raw);
    return fmt::format(FMT_COMPILE("*{}*"), text(raw));
  }

  std::string url(std::string_view raw) const {
    if (m_markup == Markup::none) return clean(raw);
    return fmt::format(FMT_COMPILE("<{}>"), clean(raw));
  }

 private:
  Markup m_markup;
};

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
  for (const auto& author : r.authors) names.push_back(parse_name(author));
  return names;
}

// "Given Family" (MLA and Chicago, second and later authors).
std::string natural_order(const Name& name) {
  return name.is_person() ? fmt::format("{} {}", name.given, name.family) : std::string(name.family);
}

// APA, format of the author element: initials with a period and a space; a hyphenated given name keeps its hyphen
// (Yi-Chun → Y.-C.). ASCII initials are upper-cased.
std::string initials(std::string_view given) {
  std::string out;
  bool at_start = true;
  for (std::size_t i = 0; i < given.size(); ++i) {
    const char c = given[i];
    if (c == ' ' || c == '-') {
      if (!out.empty() && out.back() == '.') out += c == ' ' ? " " : "-";
      at_start = true;
      continue;
    }
    if (!at_start) continue;
    at_start = false;
    // One whole UTF-8 character.
    std::size_t length = 1;
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0xF0) length = 4;
    else if (byte >= 0xE0) length = 3;
    else if (byte >= 0xC0) length = 2;
    std::string letter(given.substr(i, length));
    if (length == 1 && c >= 'a' && c <= 'z') letter[0] = static_cast<char>(c - 'a' + 'A');
    out += letter + '.';
    i += length - 1;
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '-')) out.pop_back();
  return out;
}

// An organisation author that is also the publisher ("Ministry of Unification" and
// "Ministry of Unification, Republic of Korea"): APA (publisher element) and MLA leave the publisher out
// then, Chicago keeps the organisation once.
bool author_is_publisher(const Reference& r) {
  if (r.authors.size() != 1) return false;
  const Name name = parse_name(r.authors.front());
  return !name.is_person() && util::starts_with(r.publisher, name.family);
}

bool is_description(std::string_view title) {
  return title.size() >= 2 && title.front() == '[' && title.back() == ']';
}

// A title with its English translation in square brackets after it (APA "works in
// another language", MLA "translations", CMOS "translated titles"): the translation is never italic or quoted.
std::string translation(const Reference& r, const Writer& w) {
  return r.translated_title.empty() ? "" : fmt::format(FMT_COMPILE(" [{}]"), w.text(r.translated_title));
}

std::string italic_title(const Reference& r, const Writer& w) {
  // A description standing in for a title is neither italic nor quoted (APA "bracketed descriptions").
  const std::string title = is_description(r.title) ? w.text(r.title) : w.italic(r.title);
  return title + translation(r, w);
}

std::string quoted_title(const Reference& r, const Writer& w) {
  if (is_description(r.title)) return sentence(w.text(r.title) + translation(r, w));
  // The closing period goes inside the quotation marks (MLA; CMOS "periods and commas with quotation marks").
  if (r.translated_title.empty()) return fmt::format(FMT_COMPILE("\u201c{}\u201d"), sentence(w.text(r.title)));
  return fmt::format(FMT_COMPILE("\u201c{}\u201d{}."), w.text(r.title), translation(r, w));
}

bool is_periodical(ReferenceKind kind) {
  return kind == ReferenceKind::news || kind == ReferenceKind::journal;
}

// Page ranges: "225-253" as stored; APA gives them in full with an en dash, MLA and
// Chicago shorten the second number to its changed digits (225–53; CMOS "inclusive numbers", MLA "page numbers").
std::string full_pages(std::string_view pages) {
  std::string out(pages);
  const auto dash = out.find('-');
  if (dash != std::string::npos) out.replace(dash, 1, "\u2013");
  return out;
}

std::string short_pages(std::string_view pages, std::string_view dash_text) {
  const auto dash = pages.find('-');
  if (dash == std::string_view::npos) return std::string(pages);
  const std::string first(pages.substr(0, dash));
  std::string second(pages.substr(dash + 1));
  const auto digits = [](const std::string& text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  const bool numeric = !first.empty() && first.size() == second.size() && digits(first) &&
                       digits(second);
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
std::string apa_authors(const std::vector<Name>& names, const Writer& w) {
  std::vector<std::string> parts;
  for (const auto& name : names) {
    parts.push_back(name.is_person() ? w.text(name.family) + ", " + initials(name.given)
                                     : w.text(name.family));
  }
  if (parts.size() == 1) return parts.front();
  if (parts.size() > 20) {
    std::string out;
    for (std::size_t i = 0; i < 19; ++i) out += parts[i] + ", ";
    return out + ". . . " + parts.back();
  }
  std::string out;
  for (std::size_t i = 0; i + 1 < parts.size(); ++i) out += parts[i] + ", ";
  return out + "& " + parts.back();
}

// APA, date element: (2020, July 4), (2011, September), (2012), (n.d.).
std::string apa_date(const std::optional<Date>& date) {
  if (!date) return "(n.d.).";
  if (date->month == 0) return fmt::format(FMT_COMPILE("({})."), date->year);
  if (date->day == 0) return fmt::format(FMT_COMPILE("({}, {})."), date->year, month_name(*date));
  return fmt::format(FMT_COMPILE("({}, {} {})."), date->year, month_name(*date), date->day);
}

std::string cite_apa(const Reference& r, const Writer& w) {
  std::vector<Name> names = names_of(r);
  // APA "group authors": a report, book, data set or page without a named author is
  // authored by the organisation that publishes it. An article without an author starts
  // with its title (APA "missing author").
  const bool publisher_as_author = names.empty() && !is_periodical(r.kind);
  if (publisher_as_author) names.push_back({r.publisher, ""});
  const bool skip_publisher = publisher_as_author || author_is_publisher(r);

  std::string title;
  if (is_periodical(r.kind)) {
    title = w.text(r.title) + translation(r, w);  // APA title element: articles not italic
  } else {
    title = italic_title(r, w);
    if (r.kind == ReferenceKind::dataset) title += " [Data set]";  // APA data sets
  }
  std::string out;
  if (names.empty()) {
    out = fmt::format(FMT_COMPILE("{} {}"), sentence(title), apa_date(r.published));
  } else {
    out = fmt::format(FMT_COMPILE("{} {} {}"), sentence(apa_authors(names, w)), apa_date(r.published),
                      sentence(title));
  }
  // The source element (APA reference examples: periodicals, books, reports, webpages).
  if (r.kind == ReferenceKind::journal) {
    std::string source = w.italic(r.publisher);
    if (!r.volume.empty()) {
      source += ", " + w.italic(r.volume);
      if (!r.issue.empty()) source += fmt::format(FMT_COMPILE("({})"), w.text(r.issue));
    }
    if (!r.pages.empty()) source += ", " + full_pages(w.text(r.pages));
    out += ' ' + sentence(source);
  } else if (r.kind == ReferenceKind::news) {
    out += ' ' + sentence(w.italic(r.publisher));
  } else if (!skip_publisher) {
    out += ' ' + sentence(w.text(r.publisher));
  }
  if (!r.url.empty()) {
    // APA "retrieval dates": one only for pages meant to change, i.e. web pages.
    if (r.kind == ReferenceKind::web && r.retrieved) {
      out += fmt::format(FMT_COMPILE(" Retrieved {}, from {}"), long_date(*r.retrieved), w.url(r.url));
    } else {
      out += ' ' + w.url(r.url);
    }
  }
  return out;
}

// ---- MLA, 9th edition -------------------------------------------------------------------

// MLA: one author "Family, Given."; two "Family, Given, and Given Family."; three or more
// "Family, Given, et al."
std::string mla_authors(const std::vector<Name>& names, const Writer& w) {
  const auto first = [&](const Name& name) {
    return name.is_person() ? w.text(name.family) + ", " + w.text(name.given) : w.text(name.family);
  };
  if (names.size() == 1) return first(names[0]);
  if (names.size() == 2) return first(names[0]) + ", and " + w.text(natural_order(names[1]));
  return first(names[0]) + ", et al";
}

// MLA: day month year, months of five letters or more abbreviated: 4 July 2020.
std::string mla_date(const Date& date) {
  if (date.month == 0) return fmt::format(FMT_COMPILE("{}"), date.year);
  if (date.day == 0) return fmt::format(FMT_COMPILE("{} {}"), k_mla_months[date.month - 1], date.year);
  return fmt::format(FMT_COMPILE("{} {} {}"), date.day, k_mla_months[date.month - 1], date.year);
}

// MLA recommends leaving out http:// and https://.
std::string mla_url(std::string_view url, const Writer& w) {
  for (const std::string_view scheme : {"https://", "http://"}) {
    if (util::starts_with(url, scheme)) url.remove_prefix(scheme.size());
  }
  return w.url(url);
}

std::string cite_mla(const Reference& r, const Writer& w) {
  std::string out;
  // An organisation that is both author and publisher is given only as publisher.
  if (!r.authors.empty() && !author_is_publisher(r)) {
    out = sentence(mla_authors(names_of(r), w)) + ' ';
  }
  // Core elements in order, separated by commas: container, volume, number, publisher,
  // date, location (MLA's template of core elements).
  std::vector<std::string> elements;
  const bool in_container = r.kind == ReferenceKind::news || r.kind == ReferenceKind::web ||
                            r.kind == ReferenceKind::journal;
  if (in_container) {
    out += quoted_title(r, w);
    elements.push_back(w.italic(r.publisher));
    if (!r.volume.empty()) elements.push_back("vol. " + w.text(r.volume));
    if (!r.issue.empty()) elements.push_back("no. " + w.text(r.issue));
  } else {
    out += sentence(italic_title(r, w));
    elements.push_back(w.text(r.publisher));
  }
  if (r.published) elements.push_back(mla_date(*r.published));
  if (!r.pages.empty()) {
    const std::string pages = w.text(r.pages);
    elements.push_back((pages.find('-') == std::string::npos ? "p. " : "pp. ") +
                       short_pages(pages, "-"));
  }
  if (!r.url.empty()) elements.push_back(mla_url(r.url, w));
  std::string tail;
  for (std::size_t i = 0; i < elements.size(); ++i) tail += (i ? ", " : "") + elements[i];
  out += ' ' + sentence(tail);
  // An access date is optional, and useful for pages that change or have no date.
  if (r.retrieved) out += fmt::format(FMT_COMPILE(" Accessed {}."), mla_date(*r.retrieved));
  return out;
}

// ---- Chicago, 17th edition, notes-bibliography: the bibliography entry --------------------

// CMOS, two or more authors: first author inverted, others in natural order; "and" before the last; up
// to ten listed, more than ten: the first seven and "et al."
std::string chicago_authors(const std::vector<Name>& names, const Writer& w) {
  const auto& head = names.front();
  std::vector<std::string> parts = {
      head.is_person() ? w.text(head.family) + ", " + w.text(head.given) : w.text(head.family)};
  const std::size_t shown = names.size() > 10 ? 7 : names.size();
  for (std::size_t i = 1; i < shown; ++i) parts.push_back(w.text(natural_order(names[i])));
  if (names.size() > 10) {
    std::string out;
    for (const auto& part : parts) out += part + ", ";
    return out + "et al";
  }
  if (parts.size() == 1) return parts.front();
  // "Ward, Geoffrey C., and Ken Burns": a comma closes the inverted first name.
  if (parts.size() == 2) return parts[0] + (head.is_person() ? ", and " : " and ") + parts[1];
  std::string out;
  for (std::size_t i = 0; i + 1 < parts.size(); ++i) out += parts[i] + ", ";
  return out + "and " + parts.back();
}

std::string cite_chicago(const Reference& r, const Writer& w) {
  std::string out;
  std::vector<Name> names = names_of(r);
  const bool unsigned_news = names.empty() && r.kind == ReferenceKind::news;
  // CMOS, unsigned newspaper articles: an unsigned newspaper article is listed under the paper's name. Other
  // works without an author are listed under the organisation that issued them (CMOS, organization as author);
  // an unsigned journal article starts with its title.
  const bool publisher_as_author = names.empty() && !is_periodical(r.kind);
  if (publisher_as_author) names.push_back({r.publisher, ""});
  if (unsigned_news) {
    out = sentence(w.italic(r.publisher)) + ' ';
  } else if (!names.empty()) {
    out = sentence(chicago_authors(names, w)) + ' ';
  }
  const std::string date = r.published ? long_date(*r.published) : std::string("n.d.");
  switch (r.kind) {
    case ReferenceKind::news:  // CMOS, newspapers: "Title." Newspaper, Month Day, Year. URL.
      out += quoted_title(r, w) + ' ';
      out += unsigned_news ? sentence(date) : sentence(w.italic(r.publisher) + ", " + date);
      break;
    case ReferenceKind::journal: {  // CMOS, journal articles: Journal 4, no. 2 (2014): 225–53.
      out += quoted_title(r, w) + ' ';
      std::string source = w.italic(r.publisher);
      if (!r.volume.empty()) source += ' ' + w.text(r.volume);
      if (!r.issue.empty()) source += ", no. " + w.text(r.issue);
      source += fmt::format(FMT_COMPILE(" ({})"), r.published ? std::to_string(r.published->year) : "n.d.");
      if (!r.pages.empty()) source += ": " + short_pages(w.text(r.pages), "\u2013");
      out += sentence(source);
      break;
    }
    case ReferenceKind::web:  // CMOS, web pages: "Title." Site. Date, or Accessed date. URL.
      out += quoted_title(r, w);
      if (!publisher_as_author && !author_is_publisher(r)) out += ' ' + sentence(w.text(r.publisher));
      if (r.published) {
        out += ' ' + sentence(date);
      } else if (r.retrieved) {
        out += fmt::format(FMT_COMPILE(" Accessed {}."), long_date(*r.retrieved));
      }
      break;
    default:  // books, reports, data sets (CMOS, books and reports): Title. Publisher, Year.
      out += sentence(italic_title(r, w)) + ' ';
      out += sentence(w.text(r.publisher) + ", " +
                      (r.published ? std::to_string(r.published->year) : std::string("n.d.")));
      break;
  }
  if (!r.url.empty()) out += ' ' + sentence(w.url(r.url));
  return out;
}

// ---- BibTeX -----------------------------------------------------------------------------

// LaTeX's special characters, so the .bib file reads back as the same text.
constexpr std::array<bool, 256> make_bibtex_special() {
  std::array<bool, 256> special{};
  for (const char c : std::string_view("\\{}&%$#_~^")) special[static_cast<unsigned char>(c)] = true;
  return special;
}
constexpr std::array<bool, 256> k_bibtex_special = make_bibtex_special();

std::size_t next_bibtex_special(const std::string& text, std::size_t from) {
  for (std::size_t i = from; i < text.size(); ++i) {
    if (k_bibtex_special[static_cast<unsigned char>(text[i])]) return i;
  }
  return std::string::npos;
}

std::string bibtex_text(std::string_view raw) {
  const std::string cleaned = clean(raw);
  std::size_t special = next_bibtex_special(cleaned, 0);
  if (special == std::string::npos) return cleaned;
  std::string out;
  out.reserve(cleaned.size() + 8);
  std::size_t done = 0;
  while (special != std::string::npos) {
    out.append(cleaned, done, special - done);
    switch (cleaned[special]) {
      case '\\': out += "\\textbackslash{}"; break;
      case '~': out += "\\textasciitilde{}"; break;
      case '^': out += "\\textasciicircum{}"; break;
      default:  // { } & % $ # _
        out += '\\';
        out += cleaned[special];
    }
    done = special + 1;
    special = next_bibtex_special(cleaned, done);
  }
  out.append(cleaned, done, std::string::npos);
  return out;
}

// URLs go in verbatim, as biblatex reads its url field; only braces, which would
// unbalance the entry, and spaces are percent-encoded.
std::string bibtex_url(std::string_view raw) {
  const std::string cleaned = clean(raw);
  std::string out;
  out.reserve(cleaned.size() + 8);
  for (const char c : cleaned) {
    if (c == '{') out += "%7B";
    else if (c == '}') out += "%7D";
    else if (c == ' ') out += "%20";
    else out += c;
  }
  return out;
}

// The entry's key: the record id, which the loader requires in kebab-case. Should a record
// with another id get here (a caller that renders a file the loader rejected), each byte a
// key may not hold is written as -xHH, so the key stays one token, stable and unique, and
// no control character reaches the output.
std::string bibtex_key(std::string_view id) {
  std::string out;
  out.reserve(id.size());
  for (const char c : id) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '_' || c == '.' || c == ':' || c == '/') {
      out += c;
    } else {
      fmt::format_to(std::back_inserter(out), FMT_COMPILE("-x{:02x}"), static_cast<unsigned char>(c));
    }
  }
  return out;
}

std::string cite_bibtex(const Reference& r) {
  std::string_view type = "misc";
  switch (r.kind) {
    case ReferenceKind::news:
    case ReferenceKind::journal: type = "article"; break;
    case ReferenceKind::report: type = "techreport"; break;
    case ReferenceKind::book: type = "book"; break;
    case ReferenceKind::web:
    case ReferenceKind::dataset: type = "misc"; break;
  }
  std::vector<std::pair<std::string, std::string>> fields;
  const auto add = [&](std::string_view name, std::string value) {
    fields.emplace_back(std::string(name), std::move(value));
  };
  if (!r.authors.empty()) {
    std::string authors;
    for (const auto& author : r.authors) {
      const Name name = parse_name(author);
      if (!authors.empty()) authors += " and ";
      // An organisation in braces, so BibTeX does not split it into first and last names.
      authors += name.is_person() ? bibtex_text(author) : "{" + bibtex_text(author) + "}";
    }
    add("author", "{" + authors + "}");
  }
  // Double braces keep the title's capitals from the style's case changes.
  add("title", "{{" + bibtex_text(r.title) + "}}");
  if (!r.translated_title.empty()) add("titleaddon", "{" + bibtex_text(fmt::format("[{}]", r.translated_title)) + "}");
  switch (r.kind) {
    case ReferenceKind::news:
    case ReferenceKind::journal: add("journal", "{" + bibtex_text(r.publisher) + "}"); break;
    case ReferenceKind::report: add("institution", "{" + bibtex_text(r.publisher) + "}"); break;
    case ReferenceKind::book: add("publisher", "{" + bibtex_text(r.publisher) + "}"); break;
    case ReferenceKind::web:
    case ReferenceKind::dataset: add("publisher", "{" + bibtex_text(r.publisher) + "}"); break;
  }
  if (!r.volume.empty()) add("volume", "{" + bibtex_text(r.volume) + "}");
  if (!r.issue.empty()) add("number", "{" + bibtex_text(r.issue) + "}");
  if (!r.pages.empty()) {
    std::string pages = bibtex_text(r.pages);
    const auto dash = pages.find('-');
    if (dash != std::string::npos) pages.replace(dash, 1, "--");
    add("pages", "{" + pages + "}");
  }
  if (r.published) {
    add("year", fmt::format(FMT_COMPILE("{{{}}}"), r.published->year));
    if (r.published->month != 0) add("month", std::string(k_bibtex_months[r.published->month - 1]));
    if (r.published->month != 0) add("date", "{" + model::to_iso(*r.published) + "}");
  }
  if (!r.issn.empty()) add("issn", "{" + bibtex_text(r.issn) + "}");
  if (!r.url.empty()) {
    add("url", "{" + bibtex_url(r.url) + "}");
    if (r.kind == ReferenceKind::web || r.kind == ReferenceKind::dataset) {
      add("howpublished", "{\\url{" + bibtex_url(r.url) + "}}");
    }
  }
  if (r.retrieved) add("urldate", "{" + model::to_iso(*r.retrieved) + "}");
  // biblatex's langid takes babel's language names.
  if (r.language == "en") add("langid", "{english}");
  if (r.language == "ko") add("langid", "{korean}");
  // "  name         = value," with names padded to 12, written without fmt: an entry has
  // a dozen fields and this runs for every reference.
  std::string out = "@";
  out += type;
  out += '{';
  out += bibtex_key(r.id);
  out += ",\n";
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const auto& [name, value] = fields[i];
    out += "  ";
    out += name;
    if (name.size() < 12) out.append(12 - name.size(), ' ');
    out += " = ";
    out += value;
    if (i + 1 < fields.size()) out += ',';
    out += '\n';
  }
  out += "}";
  return out;
}

// What an alphabetical list sorts by: the entry's first words without quotation marks,
// brackets or emphasis, case-folded. (The first 60 bytes decide; ties go by id.)
std::string sort_key(const std::string& entry) {
  std::string out;
  for (std::size_t i = 0; i < entry.size() && out.size() < 60; ++i) {
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

}  // namespace

std::optional<CitationStyle> parse_citation_style(std::string_view name) {
  if (name == "plain") return CitationStyle::plain;
  if (name == "apa") return CitationStyle::apa;
  if (name == "mla") return CitationStyle::mla;
  if (name == "chicago") return CitationStyle::chicago;
  if (name == "bibtex") return CitationStyle::bibtex;
  return std::nullopt;
}

std::string cite_plain(const model::Reference& r) {
  // Built by appending, without fmt: `cite` and the JSON of every reference run this.
  std::string out;
  out.reserve(r.title.size() + r.publisher.size() + r.url.size() + 96);
  const auto end_sentence = [&out] {
    if (!ends_sentence(out)) out += '.';
  };
  for (std::size_t i = 0; i < r.authors.size(); ++i) {
    if (i > 0) out += "; ";
    out += clean(r.authors[i]);
  }
  if (!r.authors.empty()) {
    end_sentence();
    out += ' ';
  }
  out += "\u201c";
  const std::size_t title_start = out.size();
  out += clean(r.title);
  if (!r.translated_title.empty()) {
    out += " [";
    out += clean(r.translated_title);
    out += ']';
  }
  if (out.size() > title_start) end_sentence();
  out += "\u201d ";
  const std::size_t where_start = out.size();
  out += clean(r.publisher);
  const auto part = [&out](std::string_view label, std::string_view value) {
    if (value.empty()) return;
    out += label;
    out += clean(value);
  };
  part(", volume ", r.volume);
  part(", issue ", r.issue);
  part(", pages ", r.pages);
  if (r.published) {
    out += ", ";
    out += model::to_iso(*r.published);
  }
  if (out.size() > where_start) end_sentence();
  if (!r.issn.empty()) {
    out += " ISSN ";
    out += clean(r.issn);
    out += '.';
  }
  if (!r.url.empty()) {
    out += ' ';
    out += clean(r.url);
  }
  if (r.retrieved) {
    out += " (retrieved ";
    out += model::to_iso(*r.retrieved);
    out += ')';
    if (r.url.empty()) out += '.';
  }
  return out;
}

std::string cite(const model::Reference& reference, CitationStyle style, Markup markup) {
  const Writer writer(markup);
  switch (style) {
    case CitationStyle::plain: return cite_plain(reference);
    case CitationStyle::apa: return cite_apa(reference, writer);
    case CitationStyle::mla: return cite_mla(reference, writer);
    case CitationStyle::chicago: return cite_chicago(reference, writer);
    case CitationStyle::bibtex: return cite_bibtex(reference);
  }
  return cite_plain(reference);
}

std::vector<Entry> bibliography(const std::vector<const model::Reference*>& references,
                                CitationStyle style, Markup markup) {
  std::vector<Entry> entries;
  entries.reserve(references.size());
  for (const auto* reference : references) entries.push_back({reference, cite(*reference, style, markup)});
  if (style == CitationStyle::plain || style == CitationStyle::bibtex) return entries;
  std::vector<std::pair<std::string, std::size_t>> keyed;
  for (std::size_t i = 0; i < entries.size(); ++i) keyed.emplace_back(sort_key(entries[i].text), i);
  std::stable_sort(keyed.begin(), keyed.end(), [&](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first
                              : entries[a.second].reference->id < entries[b.second].reference->id;
  });
  std::vector<Entry> ordered;
  ordered.reserve(entries.size());
  for (const auto& [key, index] : keyed) ordered.push_back(std::move(entries[index]));
  return ordered;
}

}  // namespace nkfacts::render

// Bibliographic entries in the styles students are asked for. Every style is built from the
// same reference fields; the rules each follows are cited next to its code in citation.cpp,
// and the golden tests in tests/cli/cases/cite-style-* were checked by hand against them.
//
// One choice applies to every style: titles keep the capitalisation of the source.
// APA asks for sentence case and Chicago and MLA for headline case, but converting case
// by program lower-cases proper nouns ("north Korean"), which is worse than the
// source's own capitalisation.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/fact_base.hpp"
#include "model/records.hpp"

namespace nkfacts::render {

// plain, apa, mla, chicago and korean (the form of Korean reference lists, 국문 참고문헌;
// docs/citation-korean.md) are printed entries; bibtex, csl-json and ris are files for
// reference managers (BibTeX/biblatex, citeproc/Zotero/pandoc, and RIS for EndNote,
// Mendeley and Zotero).
enum class CitationStyle { plain, apa, mla, chicago, korean, bibtex, csl_json, ris };
inline constexpr std::string_view k_citation_style_names =
    "plain, apa, mla, chicago, korean, bibtex, csl-json, ris";
inline constexpr std::string_view k_printed_style_names = "plain, apa, mla, chicago, korean";
std::optional<CitationStyle> parse_citation_style(std::string_view name);
// True for bibtex, csl-json and ris: a file to import, not a printed bibliography.
bool is_export(CitationStyle style);

// How emphasis (italic titles and containers) is written: not at all, or as Markdown.
enum class Markup { none, markdown };

// Yoon, Dasl; Jeong, Andrew. "A North Korean Defector's Tale Shows Rotting Military."
// The Wall Street Journal, 2020-07-04. ISSN 0099-9660. URL (retrieved 2020-12-05).
std::string cite_plain(const model::Reference& reference);
// The same, appended to `out`.
void cite_plain_into(std::string& out, const model::Reference& reference);

// One entry in `style`. For bibtex, a complete @type{key, ...} entry whose key is the
// reference id (stable, and unique because ids are).
std::string cite(const model::Reference& reference, CitationStyle style,
                 Markup markup = Markup::none);
// The same, appended to `out` (a bibliography or a handout written into one buffer).
void cite_into(std::string& out, const model::Reference& reference, CitationStyle style,
               Markup markup = Markup::none);

// A whole file in an export style (bibtex, csl-json or ris), references in the order given:
// BibTeX entries and RIS records one after another, CSL-JSON as one array. CSL-JSON's
// `note` and RIS's N1 say which of `facts`' records cite each reference.
void write_export(std::string& out, const std::vector<const model::Reference*>& references,
                  CitationStyle style, const model::FactBase& facts,
                  const std::function<void()>& after_entry = {});

// The references in the order the style's reference list uses: alphabetical by the
// entry's first words for apa, mla and chicago (all three sort the list by its first
// element, author or title); for korean the works in Korean first, then the others, each
// group by its first words; unchanged for plain and the export styles.
struct Entry {
  const model::Reference* reference;
  std::string text;  // the entry in the style
};
std::vector<Entry> bibliography(const std::vector<const model::Reference*>& references,
                                CitationStyle style, Markup markup = Markup::none);

}  // namespace nkfacts::render

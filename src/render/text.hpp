// The `text` format: for people at a terminal. Every data string passes through
// util::escape_controls; every figure or claim carries its source markers.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/fact_base.hpp"
#include "render/citation.hpp"
#include "render/notes.hpp"
#include "render/terminal.hpp"

namespace nkfacts::render {

// "34,537", "100,000–300,000", "at least 2,000", with the unit: "34,537 people", "72.2%".
// A unit as a reader names it: "people" in English, its counter (명) in Korean.
std::string display_unit(std::string_view unit);

std::string format_quantity(const model::Quantity& quantity, std::string_view unit, bool grouped);

// Data text made safe for a terminal (control characters shown escaped).
std::string clean(std::string_view text);

// A bold title, wrapped, with its source markers after it: the markers are never split and
// count towards the width, on the title's last line when they fit there, else with its last
// word on a line of their own.
void append_heading(std::string& out, std::string_view title, std::string_view markers,
                    const Terminal& terminal);

// "  Label     value" with the value wrapped under itself.
void append_field(std::string& out, std::string_view label, std::string_view value,
                  const Terminal& terminal, std::size_t label_width = 10);

struct CommandSummary {
  std::string_view name;
  std::string_view summary;
};

// The figures marked headline, by id; with `all_if_none`, every figure when none is
// (a user's fact base need not mark any).
std::vector<const model::Figure*> headline_figures(const model::FactBase& facts,
                                                   bool all_if_none = false);

// The headline figures (as headline_figures chooses them) as a two-column list.
void render_headline_figures(std::string& out, const model::FactBase& facts, SourceNotes& notes,
                             const Terminal& terminal, bool all_if_none = false);

void render_route(std::string& out, const model::Route& route, const model::FactBase& facts,
                  SourceNotes& notes, const Terminal& terminal, bool full);
void render_danger(std::string& out, const model::Danger& danger, const model::FactBase& facts,
                   SourceNotes& notes, const Terminal& terminal, bool full);
// A claim: briefly its statement, verdict and what the evidence says; in full, every field.
void render_claim(std::string& out, const model::Claim& claim, const model::FactBase& facts,
                  SourceNotes& notes, const Terminal& terminal, bool full);
// A glossary entry: the term, its Korean and romanization, and its definition.
void render_term(std::string& out, const model::Term& term, const model::FactBase& facts,
                 SourceNotes& notes, const Terminal& terminal, bool full);

// A series as an aligned table of the chosen points with computed totals and share, or as
// field blocks when the table does not fit the width.
void render_series_table(std::string& out, const model::Series& series,
                         const std::vector<const model::SeriesPoint*>& points, SourceNotes& notes,
                         const Terminal& terminal);

// Any record in full.
void render_record(std::string& out, const model::FactBase& facts, const model::RecordRef& ref,
                   SourceNotes& notes, const Terminal& terminal);

// A bibliography: numbered in the given order for the plain style; for apa, mla and
// chicago alphabetical with a hanging indent, as their reference lists are; for bibtex
// one entry after another, ready to save as a .bib file.
// `after_entry`, when given, is called after each entry (cite passes long lists on early).
void render_bibliography(std::string& out, const std::vector<const model::Reference*>& references,
                         CitationStyle style, const Terminal& terminal,
                         const std::function<void()>& after_entry = {});

}  // namespace nkfacts::render

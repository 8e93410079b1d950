// A printable handout: one self-contained Markdown document (headings, tables, the
// routes with their dangers, the timeline, a numbered bibliography in a citation style),
// ready to print or to convert with pandoc.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/fact_base.hpp"
#include "render/citation.hpp"

namespace nkfacts::render {

enum class HandoutTopic { all, stats, routes, dangers, timeline };
inline constexpr std::string_view k_handout_topic_names = "all, stats, routes, dangers, timeline";
std::optional<HandoutTopic> parse_handout_topic(std::string_view name);

// A one-page fact sheet (headline figures, the chart, the main routes, three checked
// claims, their sources) or the lesson pack (every section, the claims and the glossary).
enum class HandoutLength { sheet, lesson };
inline constexpr std::string_view k_handout_length_names = "sheet, lesson";
std::optional<HandoutLength> parse_handout_length(std::string_view name);

// What follows the subject in a handout's title: "" for all, ": the numbers", ...
std::string_view handout_topic_suffix(HandoutTopic topic);

// Three checked claims for the sheet: verdicts other than "unverified", one of each verdict
// first, the shortest findings first (so that they fit on the page).
std::vector<const model::Claim*> three_checked_claims(const model::FactBase& facts);

// `edition` says what the handout was made from, e.g. "nkfacts 0.1.0, facts as of
// 2026-11-25"; it is printed under the title.
// Records read from files with an index from `first_own_file` on (FactBase::files) are the
// user's own and are marked as such. `between_sections`, when given, is called with the
// document so far after each section, and may write it out and empty it (the handout
// command passes a long one on early); the handout returned is what is left.
std::string render_handout(const model::FactBase& facts, HandoutTopic topic, CitationStyle style,
                           std::string_view edition, HandoutLength length = HandoutLength::lesson,
                           std::uint32_t first_own_file = UINT32_MAX,
                           const std::function<void(std::string&)>& between_sections = {});

}  // namespace nkfacts::render

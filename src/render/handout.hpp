// A printable handout: one self-contained Markdown document (headings, tables, the
// routes with their dangers, the timeline, a numbered bibliography in a citation style),
// ready to print or to convert with pandoc.
#pragma once

#include <string>
#include <string_view>

#include "model/fact_base.hpp"
#include "render/citation.hpp"

namespace nkfacts::render {

enum class HandoutTopic { all, stats, routes, dangers, timeline };
inline constexpr std::string_view k_handout_topic_names = "all, stats, routes, dangers, timeline";
std::optional<HandoutTopic> parse_handout_topic(std::string_view name);

// `edition` says what the handout was made from, e.g. "nkfacts 0.1.0, facts as of
// 2026-11-25"; it is printed under the title.
std::string render_handout(const model::FactBase& facts, HandoutTopic topic, CitationStyle style,
                           std::string_view edition);

}  // namespace nkfacts::render

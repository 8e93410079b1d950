// libFuzzer target: any bytes as a fact file, through the loader, the link checks, the
// whole-base review, the diagnostic formatter and every text renderer — the path a shared,
// possibly hostile, fact file takes. Built with -DNKFACTS_FUZZ=ON (clang); run by
// scripts/fuzz. A finding becomes a file in tests/data/hostile/ with its expected message.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "load/review.hpp"
#include "load/sources.hpp"
#include "load/toml_loader.hpp"
#include "render/chart.hpp"
#include "render/citation.hpp"
#include "render/diagnostics.hpp"
#include "render/handout.hpp"
#include "render/text.hpp"

using namespace nkfacts;

namespace {

// What a load found, in an order that does not depend on the order records were read in.
std::vector<std::string> summary(const load::LoadResult& result) {
  std::vector<std::string> out;
  for (const auto& d : result.diagnostics) {
    out.push_back(std::to_string(d.line) + ":" + std::to_string(d.column) + " " + d.message +
                  " | " + d.hint + " | " + d.source_line);
  }
  const auto records = [&](std::string_view kind, const auto& list) {
    for (const auto& r : list) {
      out.push_back(std::string(kind) + " " + std::string(r.id) + " " +
                    std::to_string(r.pos.line) + ":" + std::to_string(r.pos.column));
    }
  };
  records("reference", result.facts.references);
  records("figure", result.facts.figures);
  records("series", result.facts.series);
  records("route", result.facts.routes);
  records("danger", result.facts.dangers);
  records("event", result.facts.events);
  records("fact", result.facts.facts);
  for (const auto& l : result.links) {
    out.push_back(std::string(l.owner) + "->" + std::string(l.target) + " " +
                  std::to_string(l.pos.line) + ":" + std::to_string(l.pos.column));
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  load::LoadResult result = load::load_text(text, "fuzz.toml");
  // A file cut into blocks of records (one a block, here) loads as the whole file does.
  if (summary(load::load_text(text, "fuzz.toml", 1)) !=
      summary(load::load_text(text, "fuzz.toml", 0))) {
    __builtin_trap();
  }
  auto diagnostics = load::check_links(result.facts, result.links);
  auto review = load::review_fact_base(result.facts);
  diagnostics.insert(diagnostics.end(), review.begin(), review.end());
  diagnostics.insert(diagnostics.end(), result.diagnostics.begin(), result.diagnostics.end());
  std::string out = render::format_diagnostics(diagnostics, {80, true}, true, true);
  out += render::format_check_report(diagnostics, 1, result.facts.record_count(), {80, false});
  for (const auto& id : result.facts.ids()) {
    const auto* ref = result.facts.find(id);
    render::SourceNotes notes(result.facts);
    render::render_record(out, result.facts, *ref, notes, {40, true});
    notes.render(out, {40, false});
  }
  // Nothing a file holds may reach the terminal raw (docs/cli.md, section 10): the only escape
  // sequences allowed are the colour codes nkfacts writes itself (ESC followed by '[').
  for (std::size_t i = out.find('\x1b'); i != std::string::npos; i = out.find('\x1b', i + 1)) {
    if (i + 1 >= out.size() || out[i + 1] != '[') __builtin_trap();
  }
  if (out.find('\a') != std::string::npos || out.find('\r') != std::string::npos) __builtin_trap();

  // Without colour nkfacts writes no escape at all, so any ESC came from the file: the
  // diagnostics, every citation style, the charts, the timeline and the handout.
  const render::Terminal plain{60, false};
  std::string plain_out = render::format_diagnostics(diagnostics, plain, true, true);
  plain_out += render::format_check_report(diagnostics, 1, result.facts.record_count(), plain);
  for (const auto& reference : result.facts.references) {
    for (const auto style : {render::CitationStyle::plain, render::CitationStyle::apa,
                             render::CitationStyle::mla, render::CitationStyle::chicago,
                             render::CitationStyle::bibtex}) {
      plain_out += render::cite(reference, style) + '\n';
      plain_out += render::cite(reference, style, render::Markup::markdown) + '\n';
    }
  }
  render::SourceNotes notes(result.facts);
  for (const auto& series : result.facts.series) {
    std::vector<const model::SeriesPoint*> points;
    for (const auto& point : series.points) points.push_back(&point);
    render::render_bar_chart(plain_out, series, points, notes, plain, render::Glyphs::unicode);
  }
  std::vector<const model::Event*> events;
  for (const auto& event : result.facts.events) events.push_back(&event);
  render::render_timeline(plain_out, events, notes, plain, render::Glyphs::ascii);
  notes.render(plain_out, plain);
  plain_out += render::render_handout(result.facts, render::HandoutTopic::all,
                                 render::CitationStyle::apa, "fuzz");
  if (plain_out.find_first_of("\x1b\a\r\b") != std::string::npos) __builtin_trap();
  return 0;
}

#include "render/handout.hpp"

#include <fmt/compile.h>
#include <fmt/format.h>

#include <algorithm>
#include <iterator>

#include "render/notes.hpp"
#include "render/text.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"

namespace nkfacts::render {
namespace {

// Text from the facts made literal in Markdown: its own punctuation escaped, control
// characters shown escaped, line breaks folded into spaces (a table cell is one line).
std::string md(std::string_view raw) {
  return util::markdown_literal(raw, util::Newlines::to_space);
}

std::string capitalise(std::string_view word) {
  std::string text(word);
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 32);
  return text;
}

class Handout {
 public:
  Handout(const model::FactBase& facts, CitationStyle style) : m_facts(facts), m_notes(facts), m_style(style) {
    m_out.reserve(k_expected_size);
  }

  std::string markers(model::TextList ids) {
    return m_notes.markers(ids, Terminal{0, false});
  }

  void row(const std::vector<std::string>& cells) {
    m_out += '|';
    for (const auto& cell : cells) m_out += ' ' + cell + " |";
    m_out += '\n';
  }

  void header(const std::vector<std::string>& cells, const std::vector<bool>& right) {
    row(cells);
    m_out += '|';
    for (std::size_t i = 0; i < cells.size(); ++i) m_out += right[i] ? " ---: |" : " --- |";
    m_out += '\n';
  }

  void figures() {
    std::vector<const model::Figure*> chosen;
    for (const auto& f : m_facts.figures) {
      if (f.headline) chosen.push_back(&f);
    }
    std::sort(chosen.begin(), chosen.end(), [](const auto* a, const auto* b) { return a->id < b->id; });
    if (chosen.empty()) return;
    m_out += "## Key figures\n\n";
    header({"Figure", "Value", "As of", "Sources"}, {false, true, false, false});
    for (const auto* f : chosen) {
      row({md(f->label), md(format_quantity(f->value, f->unit, true)),
           f->as_of ? model::to_iso(*f->as_of) : "", markers(f->sources)});
    }
    m_out += '\n';
    for (const auto* f : chosen) {
      if (!f->note.empty()) fmt::format_to(std::back_inserter(m_out), FMT_COMPILE("- *{}:* {}\n"), md(f->label), md(f->note));
    }
    if (std::any_of(chosen.begin(), chosen.end(), [](const auto* f) { return !f->note.empty(); })) {
      m_out += '\n';
    }
  }

  void series() {
    for (const auto& s : m_facts.series) {
      fmt::format_to(std::back_inserter(m_out), FMT_COMPILE("## {} {}\n\n"), md(s.name), markers(s.sources));
      fmt::format_to(std::back_inserter(m_out), FMT_COMPILE("{} Unit: {}.\n\n"), md(s.summary), md(s.unit));
      const auto share = std::find(s.columns.begin(), s.columns.end(), s.share_column);
      const bool has_share = share != s.columns.end();
      const auto share_index = static_cast<std::size_t>(share - s.columns.begin());
      std::vector<std::string> head = {"Period"};
      std::vector<bool> right = {false};
      for (const auto& column : s.columns) {
        head.push_back(md(capitalise(column)));
        right.push_back(true);
      }
      head.push_back("Total");
      right.push_back(true);
      if (has_share) {
        head.push_back(md(capitalise(s.share_column)) + " %");
        right.push_back(true);
      }
      head.push_back("Sources");
      right.push_back(false);
      header(head, right);
      for (const auto& point : s.points) {
        std::vector<std::string> cells = {model::period_label(point.period)};
        for (const double value : point.values) cells.push_back(util::format_number(value, true));
        cells.push_back(util::format_number(point.total(), true));
        if (has_share) cells.push_back(util::format_percent(point.values[share_index], point.total()));
        cells.push_back(markers(point.sources));
        row(cells);
      }
      if (s.points.size() > 1) {
        std::vector<double> sums(s.columns.size(), 0.0);
        for (const auto& point : s.points) {
          for (std::size_t c = 0; c < point.values.size() && c < sums.size(); ++c) sums[c] += point.values[c];
        }
        double all = 0;
        std::vector<std::string> cells = {"**Total**"};
        for (const double sum : sums) {
          cells.push_back("**" + util::format_number(sum, true) + "**");
          all += sum;
        }
        cells.push_back("**" + util::format_number(all, true) + "**");
        if (has_share) cells.push_back("**" + util::format_percent(sums[share_index], all) + "**");
        cells.push_back("");
        row(cells);
      }
      m_out += '\n';
      if (!s.note.empty()) m_out += md(s.note) + "\n\n";
    }
  }

  void routes() {
    if (m_facts.routes.empty()) return;
    m_out += "## Routes\n\n";
    for (const auto& r : m_facts.routes) {
      fmt::format_to(std::back_inserter(m_out), FMT_COMPILE("### {} {}\n\n{}\n\n"), md(r.name), markers(r.sources), md(r.summary));
      std::string path;
      for (std::size_t i = 0; i < r.path.size(); ++i) path += (i ? " \u2192 " : "") + md(r.path[i]);
      if (!path.empty()) fmt::format_to(std::back_inserter(m_out), FMT_COMPILE("- **Path:** {}\n"), path);
      if (!r.crossing.empty()) fmt::format_to(std::back_inserter(m_out), FMT_COMPILE("- **Crossing:** {}\n"), md(r.crossing));
      std::string dangers;
      for (const auto& id : r.dangers) {
        const auto* ref = m_facts.find(id);
        if (!ref || ref->kind != model::Kind::danger) continue;
        dangers += (dangers.empty() ? "" : "; ") + md(m_facts.dangers[ref->index].name);
      }
      if (!dangers.empty()) fmt::format_to(std::back_inserter(m_out), FMT_COMPILE("- **Dangers:** {}\n"), dangers);
      if (!r.note.empty()) fmt::format_to(std::back_inserter(m_out), FMT_COMPILE("- **Note:** {}\n"), md(r.note));
      m_out += '\n';
    }
  }

  void dangers() {
    if (m_facts.dangers.empty()) return;
    m_out += "## Dangers\n\n";
    for (const auto& d : m_facts.dangers) {
      fmt::format_to(std::back_inserter(m_out), FMT_COMPILE("### {} {}\n\n"), md(d.name), markers(d.sources));
      if (!d.where.empty()) fmt::format_to(std::back_inserter(m_out), FMT_COMPILE("*Where:* {}\n\n"), md(d.where));
      m_out += md(d.summary) + "\n\n";
      if (!d.note.empty()) fmt::format_to(std::back_inserter(m_out), FMT_COMPILE("*Note:* {}\n\n"), md(d.note));
    }
  }

  void timeline() {
    if (m_facts.events.empty()) return;
    std::vector<const model::Event*> events;
    for (const auto& e : m_facts.events) events.push_back(&e);
    std::stable_sort(events.begin(), events.end(), [](const auto* a, const auto* b) {
      return a->date != b->date ? a->date < b->date : a->id < b->id;
    });
    m_out += "## Timeline\n\n";
    header({"Date", "Event", "Sources"}, {false, false, false});
    for (const auto* e : events) {
      row({model::to_iso(e->date), "**" + md(e->title) + "** " + md(e->summary), markers(e->sources)});
    }
    m_out += '\n';
  }

  void bibliography() {
    if (m_notes.empty()) return;
    m_out += "## Sources\n\n";
    const auto& order = m_notes.order();
    for (std::size_t i = 0; i < order.size(); ++i) {
      const auto* reference = m_facts.find_reference(order[i]);
      std::string text = reference ? cite(*reference, m_style == CitationStyle::bibtex
                                                          ? CitationStyle::plain
                                                          : m_style,
                                          Markup::markdown)
                                   : md(order[i]);
      // A plain citation comes with its control characters escaped but no Markdown markup.
      if (m_style == CitationStyle::plain && reference) text = util::markdown_literal(text);
      fmt::format_to(std::back_inserter(m_out), FMT_COMPILE("{}. {}\n"), i + 1, text);
    }
  }

  std::string& out() { return m_out; }

 private:
  const model::FactBase& m_facts;
  SourceNotes m_notes;
  CitationStyle m_style;
  std::string m_out;
  static constexpr std::size_t k_expected_size = 32 * 1024;
};

}  // namespace

std::optional<HandoutTopic> parse_handout_topic(std::string_view name) {
  if (name == "all") return HandoutTopic::all;
  if (name == "stats") return HandoutTopic::stats;
  if (name == "routes") return HandoutTopic::routes;
  if (name == "dangers") return HandoutTopic::dangers;
  if (name == "timeline") return HandoutTopic::timeline;
  return std::nullopt;
}

std::string render_handout(const model::FactBase& facts, HandoutTopic topic, CitationStyle style,
                           std::string_view edition) {
  Handout handout(facts, style);
  auto& out = handout.out();
  const std::string_view subject = facts.subject.name.empty() ? std::string_view("Facts") : facts.subject.name;
  std::string_view part;
  switch (topic) {
    case HandoutTopic::all: part = ""; break;
    case HandoutTopic::stats: part = ": the numbers"; break;
    case HandoutTopic::routes: part = ": routes and their dangers"; break;
    case HandoutTopic::dangers: part = ": the dangers"; break;
    case HandoutTopic::timeline: part = ": a timeline"; break;
  }
  fmt::format_to(std::back_inserter(out), FMT_COMPILE("# {}{}\n\n"), md(subject), part);
  if (!facts.subject.summary.empty()) out += md(facts.subject.summary) + "\n\n";
  fmt::format_to(std::back_inserter(out),
                 FMT_COMPILE("*Made with {}. Numbers in square brackets point to the sources "
                             "at the end.*\n\n"),
                 md(edition));
  const bool all = topic == HandoutTopic::all;
  if (all || topic == HandoutTopic::stats) {
    handout.figures();
    handout.series();
  }
  if (all || topic == HandoutTopic::routes) handout.routes();
  if (all || topic == HandoutTopic::dangers || topic == HandoutTopic::routes) handout.dangers();
  if (all || topic == HandoutTopic::timeline) handout.timeline();
  handout.bibliography();
  return std::move(out);  // `out` names the handout's buffer: returned as is, not copied
}

}  // namespace nkfacts::render

#include "render/handout.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <initializer_list>
#include <type_traits>

#include "model/localized.hpp"
#include "render/chart.hpp"
#include "render/notes.hpp"
#include "render/text.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"

namespace nkfacts::render {
namespace {

using model::localized;
using util::tr;

std::string capitalise(std::string_view word) {
  std::string text(word);
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 32);
  return text;
}

// Writes the document into one buffer, piece by piece: text from the facts goes in
// escaped, table cells straight into their row. Building each cell and each escaped piece
// as a string of its own cost a fifth of the handout's instructions in allocating and
// copying (bench/README.md).
class Handout {
 public:
  Handout(const model::FactBase& facts, CitationStyle style, std::uint32_t first_own_file)
      : m_facts(facts), m_notes(facts), m_style(style), m_first_own_file(first_own_file) {}

  // Marks a record read from the user's own files, not from the embedded facts.
  void own(const model::SourcePos& pos) {
    if (pos.file < m_first_own_file) return;
    text(" *(");
    md(util::tr("from your own facts"));
    const auto file = m_facts.file_of(pos);
    if (!file.empty()) {
      text(": ");
      md(file);
    }
    text(")*");
  }

  // Text from the facts made literal in Markdown: its own punctuation escaped, control
  // characters shown escaped, line breaks folded into spaces (a table cell is one line).
  void md(std::string_view raw) {
    util::markdown_literal_into(m_out, raw, util::Newlines::to_space);
  }

  void text(std::string_view literal) { m_out += literal; }
  static std::string escaped(std::string_view raw) {
    std::string out;
    util::markdown_literal_into(out, raw, util::Newlines::to_space);
    return out;
  }
  void heading(std::string_view title) { m_out += fmt::format("## {}\n\n", title); }
  static std::string label(std::string_view name) { return fmt::format("- **{}:** ", name); }

  void markers(model::TextList ids) { m_notes.append_markers(m_out, ids); }

  // A table row: "| a | b |". Each cell is written by `write`, or is the literal text.
  template <typename... Cells>
  void row(const Cells&... cells) {
    m_out += '|';
    (cell(cells), ...);
    m_out += '\n';
  }

  template <typename Write>
  void cell(const Write& write) {
    m_out += ' ';
    if constexpr (std::is_invocable_v<const Write&>) {
      write();
    } else {
      m_out += write;
    }
    m_out += " |";
  }

  // The line under a table's header: right-aligned columns end with a colon.
  void rule(std::initializer_list<bool> right) {
    m_out += '|';
    for (const bool r : right) m_out += r ? " ---: |" : " --- |";
    m_out += '\n';
  }

  // Writes `label`, then `body`; takes the label back if `body` wrote nothing, and ends
  // the line if it did.
  template <typename Write>
  void line_unless_empty(std::string_view label, const Write& body) {
    const auto line = m_out.size();
    m_out += label;
    const auto content = m_out.size();
    body(content);
    if (m_out.size() == content) {
      m_out.resize(line);
    } else {
      m_out += '\n';
    }
  }

  void figures(bool notes_too = true) {
    std::vector<const model::Figure*> chosen;
    for (const auto& f : m_facts.figures) {
      if (f.headline) chosen.push_back(&f);
    }
    std::sort(chosen.begin(), chosen.end(),
              [](const auto* a, const auto* b) { return a->id < b->id; });
    if (chosen.empty()) return;
    heading(tr("Key figures"));
    row(tr("Figure"), tr("Value"), tr("As of"), tr("Sources"));
    rule({false, true, false, false});
    for (const auto* f : chosen) {
      row(
          [&] {
            md(localized(*f, &model::Figure::label));
            own(f->pos);
          },
          [&] { md(format_quantity(f->value, f->unit, true)); },
          [&] {
            if (f->as_of) m_out += model::display_date(*f->as_of);
          },
          [&] { markers(f->sources); });
    }
    m_out += '\n';
    if (!notes_too) return;
    bool notes = false;
    for (const auto* f : chosen) {
      if (f->note.empty()) continue;
      text("- *");
      md(localized(*f, &model::Figure::label));
      text(":* ");
      md(localized(*f, &model::Figure::note));
      m_out += '\n';
      notes = true;
    }
    if (notes) m_out += '\n';
  }

  void series() {
    for (const auto& s : m_facts.series) {
      text("## ");
      md(localized(s, &model::Series::name));
      m_out += ' ';
      markers(s.sources);
      own(s.pos);
      text("\n\n");
      md(localized(s, &model::Series::summary));
      text(fmt::format(fmt::runtime(tr(" Unit: {}.")), escaped(display_unit(s.unit))));
      text("\n\n");
      const auto share = std::find(s.columns.begin(), s.columns.end(), s.share_column);
      const bool has_share = share != s.columns.end();
      const auto share_index = static_cast<std::size_t>(share - s.columns.begin());
      // The header: Period, the columns, Total, the share in %, Sources.
      m_out += '|';
      cell(tr("Period"));
      for (const auto& column : localized(s, &model::Series::columns)) {
        cell([&] { md(capitalise(column)); });
      }
      cell(tr("Total"));
      if (has_share) {
        cell([&] {
          md(capitalise(localized(s, &model::Series::columns)[share_index]));
          text(" %");
        });
      }
      cell(tr("Sources"));
      m_out += "\n| --- |";
      for (std::size_t i = 0; i < s.columns.size() + (has_share ? 2 : 1); ++i) m_out += " ---: |";
      text(" --- |\n");
      for (const auto& point : s.points) {
        m_out += '|';
        cell([&] { m_out += model::display_period(point.period); });
        for (const double value : point.values)
          cell([&] { m_out += util::format_number(value, true); });
        cell([&] { m_out += util::format_number(point.total(), true); });
        if (has_share) {
          cell([&] { m_out += util::format_percent(point.values[share_index], point.total()); });
        }
        cell([&] { markers(point.sources); });
        m_out += '\n';
      }
      if (s.points.size() > 1) {
        std::vector<double> sums(s.columns.size(), 0.0);
        for (const auto& point : s.points) {
          for (std::size_t c = 0; c < point.values.size() && c < sums.size(); ++c)
            sums[c] += point.values[c];
        }
        const auto bold = [this](const std::string& number) {
          text("**");
          text(number);
          text("**");
        };
        double all = 0;
        m_out += '|';
        cell([&] { bold(std::string(tr("Total"))); });
        for (const double sum : sums) {
          cell([&] { bold(util::format_number(sum, true)); });
          all += sum;
        }
        cell([&] { bold(util::format_number(all, true)); });
        if (has_share) cell([&] { bold(util::format_percent(sums[share_index], all)); });
        cell("");
        m_out += '\n';
      }
      m_out += '\n';
      if (!s.note.empty()) {
        md(localized(s, &model::Series::note));
        text("\n\n");
      }
    }
  }

  void routes() {
    if (m_facts.routes.empty()) return;
    heading(tr("Routes"));
    for (const auto& r : m_facts.routes) {
      text("### ");
      md(localized(r, &model::Route::name));
      m_out += ' ';
      markers(r.sources);
      own(r.pos);
      text("\n\n");
      md(localized(r, &model::Route::summary));
      text("\n\n");
      const model::TextList path = localized(r, &model::Route::path);
      line_unless_empty(label(tr("Path")), [&](std::size_t) {
        for (std::size_t i = 0; i < path.size(); ++i) {
          if (i > 0) text(" \u2192 ");
          md(path[i]);
        }
      });
      if (!r.crossing.empty()) {
        text(label(tr("Crossing")));
        md(localized(r, &model::Route::crossing));
        m_out += '\n';
      }
      line_unless_empty(label(tr("Dangers")), [&](std::size_t content) {
        for (const auto& id : r.dangers) {
          const auto* ref = m_facts.find(id);
          if (!ref || ref->kind != model::Kind::danger) continue;
          if (m_out.size() > content) text("; ");
          md(model::name_of(m_facts.dangers[ref->index]));
        }
      });
      if (!r.note.empty()) {
        text(label(tr("Note")));
        md(localized(r, &model::Route::note));
        m_out += '\n';
      }
      m_out += '\n';
    }
  }

  void dangers() {
    if (m_facts.dangers.empty()) return;
    heading(tr("Dangers"));
    for (const auto& d : m_facts.dangers) {
      text("### ");
      md(localized(d, &model::Danger::name));
      m_out += ' ';
      markers(d.sources);
      own(d.pos);
      text("\n\n");
      if (!d.where.empty()) {
        text(fmt::format("*{}:* ", tr("Where")));
        md(localized(d, &model::Danger::where));
        text("\n\n");
      }
      md(localized(d, &model::Danger::summary));
      text("\n\n");
      if (!d.note.empty()) {
        text(fmt::format("*{}:* ", tr("Note")));
        md(localized(d, &model::Danger::note));
        text("\n\n");
      }
    }
  }

  void timeline() {
    if (m_facts.events.empty()) return;
    std::vector<const model::Event*> events;
    events.reserve(m_facts.events.size());
    for (const auto& e : m_facts.events) events.push_back(&e);
    std::stable_sort(events.begin(), events.end(), [](const auto* a, const auto* b) {
      return a->date != b->date ? a->date < b->date : a->id < b->id;
    });
    heading(tr("Timeline"));
    row(tr("Date"), tr("Event"), tr("Sources"));
    rule({false, false, false});
    for (const auto* e : events) {
      row([&] { m_out += model::display_date(e->date); },
          [&] {
            text("**");
            md(localized(*e, &model::Event::title));
            text("**");
            own(e->pos);
            m_out += ' ';
            md(localized(*e, &model::Event::summary));
          },
          [&] { markers(e->sources); });
    }
    m_out += '\n';
  }

  // Each claim: the statement, its verdict, what the evidence says. `chosen` empty: all.
  void claims(const std::vector<const model::Claim*>& chosen, std::string_view heading) {
    if (chosen.empty()) return;
    text("## ");
    md(heading);
    text("\n\n");
    for (const auto* c : chosen) {
      text("- **\u201c");
      md(localized(*c, &model::Claim::statement));
      text("\u201d** (");
      md(util::tr(model::verdict_name(c->verdict)));
      text(")");
      own(c->pos);
      m_out += ' ';
      md(localized(*c, &model::Claim::summary));
      m_out += ' ';
      markers(c->sources);
      m_out += '\n';
    }
    m_out += '\n';
  }

  void glossary() {
    if (m_facts.terms.empty()) return;
    std::vector<const model::Term*> terms;
    for (const auto& t : m_facts.terms) terms.push_back(&t);
    std::sort(terms.begin(), terms.end(),
              [](const auto* a, const auto* b) { return a->id < b->id; });
    text("## ");
    md(util::tr("Glossary"));
    text("\n\n");
    row(util::tr("Term"), util::tr("Korean"), util::tr("Romanization"), util::tr("Meaning"));
    rule({false, false, false, false});
    for (const auto* t : terms) {
      row(
          [&] {
            md(t->term);
            own(t->pos);
          },
          [&] { md(t->korean); }, [&] { md(t->romanization); },
          [&] {
            md(localized(*t, &model::Term::summary));
            m_out += ' ';
            markers(t->sources);
          });
    }
    m_out += '\n';
  }

  // The sheet's short forms: the first series as a bar chart, each route on one line.
  void sheet_chart() {
    if (m_facts.series.empty()) return;
    const model::Series* s = &m_facts.series[0];
    for (const auto& each : m_facts.series) {
      if (each.id < s->id) s = &each;
    }
    std::vector<const model::SeriesPoint*> points;
    for (const auto& point : s->points) points.push_back(&point);
    text("```\n");
    render_bar_chart(m_out, *s, points, m_notes, Terminal{76, false}, Glyphs::unicode);
    text("```\n\n");
    std::size_t noted = 0;
    for (const auto* point : points) {
      if (point->note.empty()) continue;
      text("- *");
      m_out += model::period_label(point->period);
      text(":* ");
      md(point->note);
      m_out += '\n';
      ++noted;
    }
    if (noted > 0) m_out += '\n';
  }

  void sheet_routes() {
    if (m_facts.routes.empty()) return;
    std::vector<const model::Route*> routes;
    for (const auto& r : m_facts.routes) routes.push_back(&r);
    std::sort(routes.begin(), routes.end(),
              [](const auto* a, const auto* b) { return a->id < b->id; });
    text("## ");
    md(util::tr("The main routes"));
    text("\n\n");
    for (const auto* r : routes) {
      text("- **");
      md(r->name);
      text("** ");
      markers(r->sources);
      own(r->pos);
      text(": ");
      for (std::size_t i = 0; i < r->path.size(); ++i) {
        if (i > 0) text(" \u2192 ");
        md(r->path[i]);
      }
      m_out += '\n';
    }
    m_out += '\n';
  }

  void bibliography() {
    if (m_notes.empty()) return;
    heading(tr("Sources"));
    const auto& order = m_notes.order();
    for (std::size_t i = 0; i < order.size(); ++i) {
      util::append_integer(m_out, i + 1);
      text(". ");
      const auto* reference = m_facts.find_reference(order[i]);
      if (!reference) {
        md(order[i]);
      } else {
        // Text escaped as Markdown, web addresses as links (citation.cpp).
        cite_into(m_out, *reference, is_export(m_style) ? CitationStyle::plain : m_style,
                  Markup::markdown);
      }
      m_out += '\n';
    }
  }

  std::string& out() { return m_out; }

 private:
  const model::FactBase& m_facts;
  SourceNotes m_notes;
  CitationStyle m_style;
  std::uint32_t m_first_own_file;
  std::string m_out;  // render_handout reserves its room
};

}  // namespace

std::vector<const model::Claim*> three_checked_claims(const model::FactBase& facts) {
  std::vector<const model::Claim*> checked;
  for (const auto& c : facts.claims) {
    if (c.verdict != model::Verdict::unverified) checked.push_back(&c);
  }
  std::sort(checked.begin(), checked.end(), [](const auto* a, const auto* b) {
    return a->summary.size() != b->summary.size() ? a->summary.size() < b->summary.size()
                                                  : a->id < b->id;
  });
  std::vector<const model::Claim*> chosen;
  for (const auto* c : checked) {
    if (chosen.size() == 3) break;
    if (std::none_of(chosen.begin(), chosen.end(),
                     [&](const auto* k) { return k->verdict == c->verdict; })) {
      chosen.push_back(c);
    }
  }
  for (const auto* c : checked) {
    if (chosen.size() == 3) break;
    if (std::find(chosen.begin(), chosen.end(), c) == chosen.end()) chosen.push_back(c);
  }
  return chosen;
}

std::optional<HandoutTopic> parse_handout_topic(std::string_view name) {
  if (name == "all") return HandoutTopic::all;
  if (name == "stats") return HandoutTopic::stats;
  if (name == "routes") return HandoutTopic::routes;
  if (name == "dangers") return HandoutTopic::dangers;
  if (name == "timeline") return HandoutTopic::timeline;
  return std::nullopt;
}

std::optional<HandoutLength> parse_handout_length(std::string_view name) {
  if (name == "sheet") return HandoutLength::sheet;
  if (name == "lesson") return HandoutLength::lesson;
  return std::nullopt;
}

std::string_view handout_topic_suffix(HandoutTopic topic) {
  switch (topic) {
    case HandoutTopic::all:
      return "";
    case HandoutTopic::stats:
      return tr(": the numbers");
    case HandoutTopic::routes:
      return tr(": routes and their dangers");
    case HandoutTopic::dangers:
      return tr(": the dangers");
    case HandoutTopic::timeline:
      return tr(": a timeline");
  }
  return "";
}

std::string render_handout(const model::FactBase& facts, HandoutTopic topic, CitationStyle style,
                           std::string_view edition, HandoutLength length,
                           std::uint32_t first_own_file,
                           const std::function<void(std::string&)>& between_sections) {
  Handout handout(facts, style, first_own_file);
  auto& out = handout.out();
  const auto section_done = [&] {
    if (between_sections) between_sections(out);
  };
  // The lesson pack of the embedded facts is about 70 KB: grown by doubling, it was copied
  // about ten times over.
  out.reserve(length == HandoutLength::sheet ? 16 * 1024 : 96 * 1024);
  const std::string_view subject =
      facts.subject.name.empty() ? tr("Facts") : model::localized_name(facts.subject);
  const bool sheet = length == HandoutLength::sheet;
  handout.text("# ");
  handout.md(subject);
  if (sheet) {
    handout.text(": ");
    handout.md(util::tr("a fact sheet"));
  } else {
    handout.text(handout_topic_suffix(topic));
  }
  handout.text("\n\n");
  if (!facts.subject.summary.empty()) {
    handout.md(model::localized_summary(facts.subject));
    handout.text("\n\n");
  }
  handout.text(fmt::format(
      fmt::runtime(
          tr("*Made with {}. Numbers in square brackets point to the sources at the end.*")),
      Handout::escaped(edition)));
  handout.text("\n\n");
  if (sheet) {
    handout.figures(false);
    handout.sheet_chart();
    handout.sheet_routes();
    handout.claims(three_checked_claims(facts), util::tr("Three claims, checked"));
    handout.bibliography();
    return std::move(out);
  }
  const bool all = topic == HandoutTopic::all;
  if (all || topic == HandoutTopic::stats) {
    handout.figures();
    section_done();
    handout.series();
    section_done();
  }
  if (all || topic == HandoutTopic::routes) {
    handout.routes();
    section_done();
  }
  if (all || topic == HandoutTopic::dangers || topic == HandoutTopic::routes) {
    handout.dangers();
    section_done();
  }
  if (all || topic == HandoutTopic::timeline) {
    handout.timeline();
    section_done();
  }
  if (all) {
    std::vector<const model::Claim*> claims;
    for (const auto& c : facts.claims) claims.push_back(&c);
    std::sort(claims.begin(), claims.end(),
              [](const auto* a, const auto* b) { return a->id < b->id; });
    handout.claims(claims, util::tr("Claims, checked"));
    section_done();
    handout.glossary();
    section_done();
  }
  handout.bibliography();
  return std::move(out);  // `out` names the handout's buffer: returned as is, not copied
}

}  // namespace nkfacts::render

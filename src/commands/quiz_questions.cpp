#include "commands/quiz_questions.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <deque>
#include <map>
#include <numeric>
#include <variant>

#include "model/localized.hpp"
#include "render/text.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"

namespace nkfacts::commands {
namespace {

// The distinct values of one kind of answer (figures of one unit, a series' yearly totals,
// the dangers' places, the events' years), in the order first seen. Every question of
// that kind draws its wrong options from here, minus its own answer, so the list is
// built once, not once per question.
struct Group {
  std::vector<std::string_view> values;
  std::vector<std::string> folded;  // for `overlap`: case-folded values
  bool overlap = false;             // also leave out values that contain the answer or
                                    // are part of it ("China" / "China, Vietnam and Laos")

  void add(std::string_view value) {
    if (value.empty() || std::find(values.begin(), values.end(), value) != values.end()) return;
    values.push_back(value);
    if (overlap) folded.push_back(util::fold_case(value));
  }

  bool excluded(std::size_t i, std::string_view right, const std::string& right_folded) const {
    if (values[i] == right) return true;
    return overlap && (right_folded.find(folded[i]) != std::string::npos ||
                       folded[i].find(right_folded) != std::string::npos);
  }
};

// A question before its options are drawn: what it asks about which record, the right
// answers (one is picked) and where the wrong ones come from, all taken from the facts.
// The prompt is written only for the questions drawn: a quiz asks a few of about a
// hundred candidates, and formatting every prompt was a third of the command's work.
struct Candidate {
  // The record the question is about (a series with the year asked about).
  struct SeriesYear {
    const model::Series* series;
    const model::SeriesPoint* point;
  };
  std::variant<const model::Figure*, SeriesYear, const model::Route*, const model::Danger*,
               const model::Event*>
      subject;
  std::vector<std::string_view> right;  // into the facts or the texts made for the quiz
  const Group* group = nullptr;         // wrong options: the group minus the answer...
  std::vector<std::string_view> wrong;  // ...or this list, when there is no group
  std::string_view record;
  model::TextList sources;
  model::TextList point_sources;  // a series' year: the year's own sources

  std::string prompt() const {
    if (const auto* figure = std::get_if<const model::Figure*>(&subject)) {
      const auto& f = **figure;
      const auto label = model::name_of(f);
      return f.as_of ? fmt::format(fmt::runtime(util::tr("{} (as of {}): what is the figure?")),
                                   label, model::display_date(*f.as_of))
                     : fmt::format(fmt::runtime(util::tr("{}: what is the figure?")), label);
    }
    if (const auto* year = std::get_if<SeriesYear>(&subject)) {
      return fmt::format(fmt::runtime(util::tr("{}: how many in {}, in all?")),
                         model::name_of(*year->series), year->point->period.to);
    }
    if (const auto* route = std::get_if<const model::Route*>(&subject)) {
      return fmt::format(fmt::runtime(util::tr("Which of these is a danger on this route: {}?")),
                         model::name_of(**route));
    }
    if (const auto* danger = std::get_if<const model::Danger*>(&subject)) {
      return fmt::format(fmt::runtime(util::tr("Where does this happen: {}?")),
                         model::name_of(**danger));
    }
    return fmt::format(fmt::runtime(util::tr("In which year did this happen: {}?")),
                       model::name_of(*std::get<const model::Event*>(subject)));
  }

  std::vector<std::string_view> wrong_options(std::string_view answer) const {
    if (!group) return wrong;
    const std::string folded = group->overlap ? util::fold_case(answer) : std::string();
    std::vector<std::string_view> out;
    for (std::size_t i = 0; i < group->values.size(); ++i) {
      if (!group->excluded(i, answer, folded)) out.push_back(group->values[i]);
    }
    return out;
  }

  bool has_wrong_option() const {
    if (right.empty() || right.front().empty()) return false;
    if (!group) return !wrong.empty();
    const std::string folded = group->overlap ? util::fold_case(right.front()) : std::string();
    for (std::size_t i = 0; i < group->values.size(); ++i) {
      if (!group->excluded(i, right.front(), folded)) return true;
    }
    return false;
  }
};

bool about(std::optional<model::Kind> topic, model::Kind kind) { return !topic || *topic == kind; }

// Texts written for the quiz and the groups of answers; deques, so what points into them
// stays put while they grow.
struct Storage {
  std::deque<std::string> texts;
  std::deque<Group> groups;
  std::map<std::string, Group*, std::less<>> figure_units;
};

std::vector<Candidate> candidates(const model::FactBase& facts, std::optional<model::Kind> topic,
                                  Storage& store) {
  std::vector<Candidate> out;
  out.reserve(facts.figures.size() + facts.routes.size() + facts.dangers.size() + facts.events.size() +
              std::accumulate(facts.series.begin(), facts.series.end(), std::size_t{0},
                              [](std::size_t n, const model::Series& s) { return n + s.points.size(); }));
  if (about(topic, model::Kind::figure)) {
    std::vector<std::string_view> values;
    for (const auto& f : facts.figures) {
      if (!f.value.low && !f.value.high) {
        values.emplace_back();
        continue;
      }
      values.push_back(store.texts.emplace_back(render::format_quantity(f.value, f.unit, true)));
      auto& group = store.figure_units[std::string(f.unit)];
      if (!group) group = &store.groups.emplace_back();
      group->add(values.back());
    }
    for (std::size_t i = 0; i < facts.figures.size(); ++i) {
      const auto& f = facts.figures[i];
      if (values[i].empty()) continue;
      Candidate c;
      c.subject = &f;
      c.right = {values[i]};
      c.group = store.figure_units.find(f.unit)->second;
      c.record = f.id;
      c.sources = f.sources;
      out.push_back(std::move(c));
    }
    // One question per single year of each series: its total, against other years' totals.
    for (const auto& s : facts.series) {
      auto& group = store.groups.emplace_back();
      std::vector<std::string_view> totals;
      for (const auto& point : s.points) {
        if (!point.period.is_single_year()) {
          totals.emplace_back();
          continue;
        }
        auto& total = store.texts.emplace_back(util::format_number(point.total(), true));
        total += ' ';
        total += s.unit;
        totals.push_back(total);
        group.add(totals.back());
      }
      for (std::size_t i = 0; i < s.points.size(); ++i) {
        const auto& point = s.points[i];
        if (totals[i].empty()) continue;
        Candidate c;
        c.subject = Candidate::SeriesYear{&s, &point};
        c.right = {totals[i]};
        c.group = &group;
        c.record = s.id;
        c.sources = s.sources;
        c.point_sources = point.sources;
        out.push_back(std::move(c));
      }
    }
  }
  if (about(topic, model::Kind::route)) {
    for (const auto& r : facts.routes) {
      Candidate c;
      c.subject = &r;
      for (const auto& danger : facts.dangers) {
        const bool on_route = std::find(r.dangers.begin(), r.dangers.end(), danger.id) != r.dangers.end();
        auto& list = on_route ? c.right : c.wrong;
        const auto name = model::name_of(danger);
        if (!name.empty() && std::find(list.begin(), list.end(), name) == list.end()) {
          list.push_back(name);
        }
      }
      c.record = r.id;
      c.sources = r.sources;
      out.push_back(std::move(c));
    }
  }
  if (about(topic, model::Kind::danger)) {
    auto& places = store.groups.emplace_back();
    places.overlap = true;
    for (const auto& d : facts.dangers) places.add(model::localized(d, &model::Danger::where));
    for (const auto& d : facts.dangers) {
      Candidate c;
      c.subject = &d;
      c.right = {model::localized(d, &model::Danger::where)};
      c.group = &places;
      c.record = d.id;
      c.sources = d.sources;
      out.push_back(std::move(c));
    }
  }
  if (about(topic, model::Kind::event)) {
    auto& years = store.groups.emplace_back();
    std::map<int, std::string_view> year_texts;
    const auto year_text = [&](int year) {
      auto& text = year_texts[year];
      if (text.empty()) text = store.texts.emplace_back(std::to_string(year));
      return text;
    };
    for (const auto& e : facts.events) years.add(year_text(e.date.year));
    for (const auto& e : facts.events) {
      Candidate c;
      c.subject = &e;
      c.right = {year_text(e.date.year)};
      c.group = &years;
      c.record = e.id;
      c.sources = e.sources;
      out.push_back(std::move(c));
    }
  }
  // A question needs a right answer and at least one wrong one that differs from it.
  out.erase(std::remove_if(out.begin(), out.end(),
                           [](const Candidate& c) { return !c.has_wrong_option(); }),
            out.end());
  return out;
}

}  // namespace

std::uint64_t Random::next() {
  std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

std::size_t Random::below(std::size_t bound) { return static_cast<std::size_t>(next() % bound); }

std::size_t quiz_capacity(const model::FactBase& facts, std::optional<model::Kind> topic) {
  Storage store;
  return candidates(facts, topic, store).size();
}

std::vector<Question> make_quiz(const model::FactBase& facts, std::optional<model::Kind> topic,
                                std::size_t count, std::uint64_t seed) {
  Random random(seed);
  Storage store;
  auto pool = candidates(facts, topic, store);
  random.shuffle(pool);
  if (pool.size() > count) pool.resize(count);
  std::vector<Question> quiz;
  for (auto& c : pool) {
    Question q;
    q.prompt = c.prompt();
    const std::string right(c.right[random.below(c.right.size())]);
    auto wrong = c.wrong_options(right);
    random.shuffle(wrong);
    if (wrong.size() > 3) wrong.resize(3);
    q.options.assign(wrong.begin(), wrong.end());
    q.options.push_back(right);
    random.shuffle(q.options);
    q.answer = static_cast<std::size_t>(
        std::find(q.options.begin(), q.options.end(), right) - q.options.begin());
    q.record = std::string(c.record);
    q.sources.reserve(c.sources.size() + c.point_sources.size());
    q.sources.assign(c.sources.begin(), c.sources.end());
    q.sources.insert(q.sources.end(), c.point_sources.begin(), c.point_sources.end());
    quiz.push_back(std::move(q));
  }
  return quiz;
}

}  // namespace nkfacts::commands

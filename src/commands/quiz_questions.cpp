#include "commands/quiz_questions.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "render/text.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"

namespace nkfacts::commands {
namespace {

// A question before its options are drawn: the right answers (one is picked) and the
// pool of wrong ones, all taken from the facts.
struct Candidate {
  std::string prompt;
  std::vector<std::string> right;
  std::vector<std::string> wrong;
  std::string record;
  std::vector<std::string> sources;
};

bool about(std::optional<model::Kind> topic, model::Kind kind) { return !topic || *topic == kind; }

void add_unique(std::vector<std::string>& items, const std::string& item) {
  if (!item.empty() && std::find(items.begin(), items.end(), item) == items.end()) items.push_back(item);
}

std::vector<Candidate> candidates(const model::FactBase& facts, std::optional<model::Kind> topic) {
  std::vector<Candidate> out;
  if (about(topic, model::Kind::figure)) {
    for (const auto& f : facts.figures) {
      if (!f.value.low && !f.value.high) continue;
      Candidate c;
      c.prompt = f.as_of ? fmt::format("{} (as of {}): what is the figure?", f.label,
                                       model::to_iso(*f.as_of))
                         : fmt::format("{}: what is the figure?", f.label);
      c.right = {render::format_quantity(f.value, f.unit, true)};
      for (const auto& other : facts.figures) {
        if (other.id == f.id || other.unit != f.unit || (!other.value.low && !other.value.high)) continue;
        add_unique(c.wrong, render::format_quantity(other.value, other.unit, true));
      }
      c.record = f.id;
      c.sources = f.sources;
      out.push_back(std::move(c));
    }
    // One question per single year of each series: its total, against other years' totals.
    for (const auto& s : facts.series) {
      for (const auto& point : s.points) {
        if (!point.period.is_single_year()) continue;
        Candidate c;
        c.prompt = fmt::format("{}: how many in {}, in all?", s.name, point.period.to);
        const auto total = [&](const model::SeriesPoint& p) {
          return fmt::format("{} {}", util::format_number(p.total(), true), s.unit);
        };
        c.right = {total(point)};
        for (const auto& other : s.points) {
          if (&other != &point && other.period.is_single_year()) add_unique(c.wrong, total(other));
        }
        c.record = s.id;
        c.sources = s.sources;
        c.sources.insert(c.sources.end(), point.sources.begin(), point.sources.end());
        out.push_back(std::move(c));
      }
    }
  }
  if (about(topic, model::Kind::route)) {
    for (const auto& r : facts.routes) {
      Candidate c;
      c.prompt = fmt::format("Which of these is a danger on this route: {}?", r.name);
      for (const auto& danger : facts.dangers) {
        const bool on_route = std::find(r.dangers.begin(), r.dangers.end(), danger.id) != r.dangers.end();
        add_unique(on_route ? c.right : c.wrong, danger.name);
      }
      c.record = r.id;
      c.sources = r.sources;
      out.push_back(std::move(c));
    }
  }
  if (about(topic, model::Kind::danger)) {
    for (const auto& d : facts.dangers) {
      Candidate c;
      c.prompt = fmt::format("Where does this happen: {}?", d.name);
      c.right = {d.where};
      // A place that contains the answer, or is part of it ("China" and "China, Vietnam
      // and Laos"), would be half right: never offered as wrong.
      const std::string folded = util::fold_case(d.where);
      for (const auto& other : facts.dangers) {
        const std::string other_folded = util::fold_case(other.where);
        if (folded.find(other_folded) == std::string::npos &&
            other_folded.find(folded) == std::string::npos) {
          add_unique(c.wrong, other.where);
        }
      }
      c.record = d.id;
      c.sources = d.sources;
      out.push_back(std::move(c));
    }
  }
  if (about(topic, model::Kind::event)) {
    for (const auto& e : facts.events) {
      Candidate c;
      c.prompt = fmt::format("In which year did this happen: {}?", e.title);
      c.right = {std::to_string(e.date.year)};
      for (const auto& other : facts.events) {
        if (other.date.year != e.date.year) add_unique(c.wrong, std::to_string(other.date.year));
      }
      c.record = e.id;
      c.sources = e.sources;
      out.push_back(std::move(c));
    }
  }
  // A question needs a right answer and at least one wrong one that differs from it.
  out.erase(std::remove_if(out.begin(), out.end(),
                           [](const Candidate& c) {
                             return c.right.empty() || c.wrong.empty() || c.right.front().empty();
                           }),
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
  return candidates(facts, topic).size();
}

std::vector<Question> make_quiz(const model::FactBase& facts, std::optional<model::Kind> topic,
                                std::size_t count, std::uint64_t seed) {
  Random random(seed);
  auto pool = candidates(facts, topic);
  random.shuffle(pool);
  if (pool.size() > count) pool.resize(count);
  std::vector<Question> quiz;
  for (auto& c : pool) {
    Question q;
    q.prompt = std::move(c.prompt);
    const std::string right = c.right[random.below(c.right.size())];
    random.shuffle(c.wrong);
    if (c.wrong.size() > 3) c.wrong.resize(3);
    q.options = c.wrong;
    q.options.push_back(right);
    random.shuffle(q.options);
    q.answer = static_cast<std::size_t>(
        std::find(q.options.begin(), q.options.end(), right) - q.options.begin());
    q.record = std::move(c.record);
    q.sources = std::move(c.sources);
    quiz.push_back(std::move(q));
  }
  return quiz;
}

}  // namespace nkfacts::commands

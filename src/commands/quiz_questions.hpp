// Quiz questions built from the facts alone. The right answer and every wrong one are
// values the fact base holds: another year's count of the same series, another figure of
// the same unit and a similar size, another event's year, another route's country, another
// term's Korean word. A wrong answer is always of the same kind, unit and shape as the
// right one, and a question whose subject names its own answer is not asked.
// The same seed gives the same quiz everywhere, and in every display language: the same
// questions, options and right answers, in that language's words. A question whose wording
// gives its answer away in any language is asked in none.
// (In commands/, not query/, because options are written as the text output writes them.)
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/fact_base.hpp"

namespace nkfacts::commands {

// A small, portable pseudo-random generator (SplitMix64): the standard library's
// distributions differ between implementations, this does not.
class Random {
 public:
  explicit Random(std::uint64_t seed) : m_state(seed) {}
  std::uint64_t next();
  std::size_t below(std::size_t bound);  // 0 <= n < bound; bound > 0

  template <typename T>
  void shuffle(std::vector<T>& items) {
    for (std::size_t i = items.size(); i > 1; --i) std::swap(items[i - 1], items[below(i)]);
  }

 private:
  std::uint64_t m_state;
};

// The kinds of question, one per way of asking.
enum class Template {
  figure_value,      // a figure's number (its lower or upper bound for an estimate)
  series_year,       // a series' total for one year
  series_part,       // one column of a series for one year ("how many women in 2021")
  series_peak,       // the year a series is highest or lowest
  event_year,        // the year of an event
  event_first,       // which of four events came first
  route_country,     // which country a route passes through
  route_danger,      // which danger is listed for a route
  danger_place,      // which danger belongs to a place
  danger_where,      // where a danger arises
  claim_true_false,  // true or false: a claim the sources confirm or refute
  claim_verdict,     // how a claim stands: accurate, outdated, wrong, not confirmed, disputed
  term_korean,       // the Korean word for a glossary term
  term_meaning,      // which term a definition defines
};
inline constexpr Template k_templates[] = {
    Template::figure_value,  Template::series_year,      Template::series_part,
    Template::series_peak,   Template::event_year,       Template::event_first,
    Template::route_country, Template::route_danger,     Template::danger_place,
    Template::danger_where,  Template::claim_true_false, Template::claim_verdict,
    Template::term_korean,   Template::term_meaning};
std::string_view template_name(Template kind);  // "figure-value"
// The kind of record a template asks about (series questions are figure questions).
model::Kind template_topic(Template kind);

struct Question {
  Template kind = Template::figure_value;
  std::string prompt;                     // the question, in plain words
  std::vector<std::string> options;       // 4, or 2 for true or false; distinct
  std::size_t answer = 0;                 // index into options
  std::vector<double> values;             // numeric questions: each option's number; else empty
  std::string unit;                       // numeric questions: the unit of every option
  std::string explanation;                // one sentence on why the answer is right
  std::string record;                     // the id of the record it comes from
  std::vector<std::string_view> sources;  // reference ids that back the answer (into the facts)
};

// Up to `count` questions, never two on the same subject, templates taken in turn so that
// a quiz mixes them. `topic`: only questions on figures (series included), routes,
// dangers, events, claims or terms; nullopt: all of them. Only the questions asked are
// built, so a short quiz costs little whatever the size of the facts.
std::vector<Question> make_quiz(const model::FactBase& facts, std::optional<model::Kind> topic,
                                std::size_t count, std::uint64_t seed);

// How many distinct questions the facts give on `topic`: each subject with each right
// answer it can have, not counting the choice of wrong answers (the figure the help text,
// the man page and the README report for the embedded facts). Builds every question:
// for tests and documentation, not for a quiz.
std::size_t quiz_capacity(const model::FactBase& facts, std::optional<model::Kind> topic);
// The most questions one quiz can hold on `topic`: a quiz asks once about each record (and
// each year of a series), so it is the number of subjects that give a question. Builds
// every question: for tests and documentation, not for a quiz.
std::size_t quiz_most(const model::FactBase& facts, std::optional<model::Kind> topic);

// The first sentence of `text` (all of it when it has one sentence).
std::string_view first_sentence(std::string_view text);

}  // namespace nkfacts::commands

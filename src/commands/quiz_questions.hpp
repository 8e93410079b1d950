// Quiz questions built from the facts alone: every option, right or wrong, is a value
// the fact base holds (another year's count, another danger's place, another event's
// year), so no wrong answer is made up. The same seed gives the same quiz everywhere.
// (In commands/, not query/, because options are written as the text output writes them.)
#pragma once

#include <cstdint>
#include <optional>
#include <string>
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

struct Question {
  std::string prompt;                  // the question, in plain words
  std::vector<std::string> options;    // 2 to 4 choices
  std::size_t answer = 0;              // index into options
  std::string record;                  // the id of the record it comes from
  std::vector<std::string_view> sources;  // reference ids that back the answer (into the facts)
};

// Kinds a quiz can be about: figure (headline figures and the series), route, danger,
// event. nullopt: all of them.
std::vector<Question> make_quiz(const model::FactBase& facts, std::optional<model::Kind> topic,
                                std::size_t count, std::uint64_t seed);

// How many questions make_quiz could ask about `topic` at most.
std::size_t quiz_capacity(const model::FactBase& facts, std::optional<model::Kind> topic);

}  // namespace nkfacts::commands

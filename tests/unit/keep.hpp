// Records hold views (model/records.hpp). Tests that build records by hand keep the lists
// and texts those views point at here, alive for the whole test run.
#pragma once

#include <deque>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/records.hpp"

namespace nkfacts::test {

template <typename T>
std::span<const T> list(std::initializer_list<T> items) {
  static std::deque<std::vector<T>> kept;
  return kept.emplace_back(items);
}

inline model::TextList texts(std::initializer_list<std::string_view> items) {
  return list<std::string_view>(items);
}

inline std::string_view text(std::string value) {
  static std::deque<std::string> kept;
  return kept.emplace_back(std::move(value));
}

// A list as owned strings, for comparing with a vector in CHECK.
inline std::vector<std::string> strings(model::TextList items) {
  return {items.begin(), items.end()};
}

}  // namespace nkfacts::test

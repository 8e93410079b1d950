#include "render/notes.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "render/citation.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"

namespace nkfacts::render {

std::size_t SourceNotes::number_of(std::string_view id) {
  // The lengths first: most ids cited differ in length, and they are compared inline.
  for (std::size_t i = 0; i < m_order.size(); ++i) {
    if (m_order[i].size() == id.size() && m_order[i] == id) return i + 1;
  }
  m_order.emplace_back(id);
  return m_order.size();
}

void SourceNotes::append_markers(std::string& out, model::TextList ids) {
  // Most records cite a few sources: their numbers sort in place, without an allocation.
  std::array<std::size_t, 16> small{};
  std::vector<std::size_t> large;
  std::size_t* numbers = small.data();
  if (ids.size() > small.size()) {
    large.resize(ids.size());
    numbers = large.data();
  }
  for (std::size_t i = 0; i < ids.size(); ++i) numbers[i] = number_of(ids[i]);
  std::sort(numbers, numbers + ids.size());
  const auto end = std::unique(numbers, numbers + ids.size());
  for (auto* number = numbers; number != end; ++number) {
    out += '[';
    util::append_integer(out, *number);
    out += ']';
  }
}

std::string SourceNotes::markers(model::TextList ids, const Terminal& terminal) {
  std::vector<std::size_t> numbers;
  for (const auto& id : ids) numbers.push_back(number_of(id));
  std::sort(numbers.begin(), numbers.end());
  numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
  std::string out;
  for (const auto number : numbers) {
    out += '[';
    util::append_integer(out, number);
    out += ']';
  }
  return paint(terminal, Style::marker, out);
}

void append_numbered_entry(std::string& out, std::size_t number, std::size_t number_width,
                           std::string_view text, const Terminal& terminal) {
  // "  [7] text", the label right-aligned to the widest number; wrapped lines start
  // under the text.
  std::string label = "[";
  util::append_integer(label, number);
  label += ']';
  if (label.size() < number_width + 2) label.insert(0, number_width + 2 - label.size(), ' ');
  const std::string indent(2 + number_width + 2 + 1, ' ');
  // The painted label takes the place of the first line's blank prefix.
  out += "  ";
  out += paint(terminal, Style::marker, label);
  out += ' ';
  util::wrap_rest_into(out, text, terminal.width, 2 + label.size() + 1, indent);
}

void SourceNotes::render(std::string& out, const Terminal& terminal) const {
  if (m_order.empty()) return;
  out += '\n';
  out += paint(terminal, Style::heading, util::tr("Sources"));
  out += '\n';
  const std::size_t width = fmt::format("{}", m_order.size()).size();
  for (std::size_t i = 0; i < m_order.size(); ++i) {
    const auto* reference = m_facts.find_reference(m_order[i]);
    // An id that names no reference (only in a file that failed to load) is shown escaped.
    const std::string text = reference ? cite_plain(*reference)
                                       : util::escape_controls(m_order[i], util::Newlines::escape);
    append_numbered_entry(out, i + 1, width, text, terminal);
  }
}

}  // namespace nkfacts::render

// Source markers and the numbered list of sources that ends an answer, like footnotes in a
// book: the first reference cited is [1], the next new one [2], and so on.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/fact_base.hpp"
#include "render/terminal.hpp"

namespace nkfacts::render {

class SourceNotes {
 public:
  explicit SourceNotes(const model::FactBase& facts) : m_facts(facts) {}

  // "[1][2]" for these reference ids, numbering new ones in order of first use.
  std::string markers(model::TextList ids, const Terminal& terminal);
  // The same markers, uncoloured, appended to `out` (the handout writes a thousand).
  void append_markers(std::string& out, model::TextList ids);
  // `id` must outlive the notes: ids are views of the fact base's text.
  std::size_t number_of(std::string_view id);

  bool empty() const { return m_order.empty(); }
  // The reference ids cited so far, in number order ([1] first).
  const std::vector<std::string_view>& order() const { return m_order; }
  // "Sources" and one wrapped entry per reference cited so far.
  void render(std::string& out, const Terminal& terminal) const;

 private:
  const model::FactBase& m_facts;
  std::vector<std::string_view> m_order;  // views of the fact base, not copies
};

// A numbered bibliography entry with a hanging indent: "  [1] text".
void append_numbered_entry(std::string& out, std::size_t number, std::size_t number_width,
                           std::string_view text, const Terminal& terminal);

}  // namespace nkfacts::render

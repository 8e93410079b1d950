#include "render/citation.hpp"

#include <fmt/format.h>

#include "util/utf8.hpp"

namespace nkfacts::render {
namespace {

std::string clean(std::string_view text) {
  return util::escape_controls(text, util::Newlines::escape);
}

// Adds the final period unless the text already ends a sentence.
std::string sentence(std::string text) {
  if (!text.empty() && text.back() != '.' && text.back() != '?' && text.back() != '!') text += '.';
  return text;
}

}  // namespace

std::string cite_plain(const model::Reference& r) {
  std::string out;
  if (!r.authors.empty()) {
    std::string authors;
    for (std::size_t i = 0; i < r.authors.size(); ++i) {
      if (i > 0) authors += "; ";
      authors += clean(r.authors[i]);
    }
    out += sentence(authors) + ' ';
  }
  std::string title = clean(r.title);
  if (!r.translated_title.empty()) title += fmt::format(" [{}]", clean(r.translated_title));
  out += fmt::format("\u201c{}\u201d ", sentence(title));
  std::string where = clean(r.publisher);
  if (r.published) where += ", " + model::to_iso(*r.published);
  out += sentence(where);
  if (!r.issn.empty()) out += fmt::format(" ISSN {}.", clean(r.issn));
  if (!r.url.empty()) out += ' ' + clean(r.url);
  if (r.retrieved) {
    out += fmt::format(" (retrieved {})", model::to_iso(*r.retrieved));
    if (r.url.empty()) out += '.';
  }
  return out;
}

}  // namespace nkfacts::render

#include "util/i18n.hpp"

#include <algorithm>
#include <cstddef>
#include <iterator>

#include "util/catalogue.hpp"

namespace nkfacts::util {
namespace {

Language g_language = Language::en;

}  // namespace

std::optional<Language> parse_language(std::string_view name) {
  // A locale name: language[_territory][.codeset][@modifier]
  const std::size_t end = name.find_first_of("_.@-");
  const std::string_view tag = name.substr(0, end);
  for (std::size_t i = 0; i < std::size(k_language_tags); ++i) {
    if (tag == k_language_tags[i]) return static_cast<Language>(i);
  }
  return std::nullopt;
}

std::string_view language_tag(Language language) {
  return k_language_tags[static_cast<std::size_t>(language)];
}

Language language() {
  return g_language;
}

void set_language(Language language) {
  g_language = language;
}

std::string_view tr(std::string_view msgid) {
  if (g_language == Language::en || msgid.empty()) return msgid;
  // The catalogue is sorted by msgid: a binary search, no table built at start-up.
  const catalogue::Message* begin = catalogue::k_ko;
  const catalogue::Message* end = begin + catalogue::k_ko_size;
  const auto* found =
      std::lower_bound(begin, end, msgid,
                       [](const catalogue::Message& m, std::string_view id) { return m.id < id; });
  if (found != end && found->id == msgid) return found->text;
  return msgid;  // no translation: the English text
}

}  // namespace nkfacts::util

#include "util/i18n.hpp"

#include <cstddef>
#include <iterator>

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
  // The catalogue is not compiled in yet: every message is its English text.
  return msgid;
}

}  // namespace nkfacts::util

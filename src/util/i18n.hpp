// The display language and the message catalogue.
//
// Every message a user reads goes through `tr`: the English text is the key (as with
// gettext's msgid), and the catalogue compiled from po/ko.po gives its translation. A
// message without a translation comes back in English. Format strings are translated
// whole, with their `{}` fields, and formatted afterwards with fmt::runtime.
//
// Table data (the command table's summaries, labels in the schema) is marked with
// `tr_noop` where it is written, so the extractor finds it, and translated with `tr`
// where it is shown.
#pragma once

#include <optional>
#include <string_view>

namespace nkfacts::util {

enum class Language { en, ko };

// The languages the binary speaks, by their tags, in enum order.
inline constexpr std::string_view k_language_tags[] = {"en", "ko"};

// "en" or "ko"; a locale name such as "ko_KR.UTF-8" or "en_US" gives its language.
std::optional<Language> parse_language(std::string_view name);
std::string_view language_tag(Language language);

// The display language: English until set_language is called (once, by the cli layer).
Language language();
void set_language(Language language);

// `msgid` in the display language.
std::string_view tr(std::string_view msgid);

// Marks text for the extractor without translating it.
constexpr std::string_view tr_noop(std::string_view msgid) {
  return msgid;
}

}  // namespace nkfacts::util

// Messages of the load layer in the display language (docs/ARCHITECTURE.md, Languages).
#pragma once

#include <fmt/format.h>

#include <string>
#include <string_view>

#include "util/i18n.hpp"

namespace nkfacts::load {

// `format` translated whole, with its `{}` fields, then formatted. scripts/po-extract finds
// the calls as it finds tr(). Called only when a message is made, never per record.
template <typename... A>
std::string say(std::string_view format, const A&... args) {
  return fmt::vformat(util::tr(format), fmt::make_format_args(args...));
}

}  // namespace nkfacts::load

// The message catalogues compiled into the binary: po/LANG.po turned into a table sorted
// by msgid (bytewise) at build time by nkfacts-po (tools/compile_po.cpp). Only
// util/i18n.cpp reads them.
#pragma once

#include <cstddef>
#include <string_view>

namespace nkfacts::util::catalogue {

struct Message {
  std::string_view id;    // the English text
  std::string_view text;  // its translation
};

extern const Message k_ko[];
extern const std::size_t k_ko_size;

}  // namespace nkfacts::util::catalogue

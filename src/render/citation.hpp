// Bibliographic entries. `plain` is the default style: who, what, where, when, and how to
// find it again. (Further styles come with the classroom work.)
#pragma once

#include <string>

#include "model/records.hpp"

namespace nkfacts::render {

// Yoon, Dasl; Jeong, Andrew. "A North Korean Defector's Tale Shows Rotting Military."
// The Wall Street Journal, 2020-07-04. ISSN 0099-9660. URL (retrieved 2020-12-05).
std::string cite_plain(const model::Reference& reference);

}  // namespace nkfacts::render

// Record text in the display language (util/i18n.hpp): the Korean text of a field when the
// display language is Korean and the record has it, else the English text.
//
// Every renderer reads record text through these, never `record.summary` directly, so a
// translation shows wherever its field does.
#pragma once

#include "model/records.hpp"

namespace nkfacts::model {

template <typename R>
Text localized(const R& record, Text R::*member) {
  // Records carry no translations yet: the English text.
  return record.*member;
}

template <typename R>
TextList localized(const R& record, TextList R::*member) {
  return record.*member;
}

}  // namespace nkfacts::model

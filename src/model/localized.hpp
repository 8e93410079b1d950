// Record text in the display language (util/i18n.hpp): the Korean twin of a field (its
// `ko.` key, named by the descriptor in model/schema.hpp) when the display language is
// Korean and the record has it, else the English text.
//
// Every renderer reads record text through these, never `record.summary` directly, so a
// translation shows wherever its field does.
#pragma once

#include "model/schema.hpp"
#include "util/i18n.hpp"

namespace nkfacts::model {

// The twin member of `member` (the field whose `translates` is its key), or null.
template <typename R, typename M>
M R::*twin_of(M R::*member) {
  for (const auto& english : Schema<R>::fields) {
    const auto* pointer = std::get_if<M R::*>(&english.member);
    if (!pointer || *pointer != member) continue;
    for (const auto& twin : Schema<R>::fields) {
      if (twin.translates == english.key && !twin.gloss) return std::get<M R::*>(twin.member);
    }
    return nullptr;
  }
  return nullptr;
}

template <typename R>
Text localized(const R& record, Text R::*member) {
  if (util::language() == util::Language::ko) {
    if (const auto twin = twin_of(member); twin && !(record.*twin).empty()) return record.*twin;
  }
  return record.*member;
}

template <typename R>
TextList localized(const R& record, TextList R::*member) {
  if (util::language() == util::Language::ko) {
    if (const auto twin = twin_of(member); twin && !(record.*twin).empty()) return record.*twin;
  }
  return record.*member;
}

// A series point's note, and the subject: they have no descriptor of their own.
inline Text localized_note(const SeriesPoint& point) {
  return util::language() == util::Language::ko && !point.ko_note.empty() ? point.ko_note
                                                                          : point.note;
}
inline Text localized_name(const Subject& subject) {
  return util::language() == util::Language::ko && !subject.ko_name.empty() ? subject.ko_name
                                                                            : subject.name;
}
inline Text localized_summary(const Subject& subject) {
  return util::language() == util::Language::ko && !subject.ko_summary.empty() ? subject.ko_summary
                                                                               : subject.summary;
}

}  // namespace nkfacts::model

// The stamp of a record's English text: what `ko.stamp` holds, so that `nkfacts check` can
// tell when the English was edited after its Korean twins were written (facts/README.md,
// "Korean text").
//
// The stamp is the first 8 hex digits (the high 32 bits, lower case) of the 64-bit FNV-1a
// hash of the English fields that have a Korean twin, in schema order (model/schema.hpp):
// each field's text followed by the byte 0xFF; a list's items each followed by 0xFE, then
// 0xFF; a series' points' notes as one more list, at the place of the points. Neither
// byte can occur in UTF-8 text, so no two different texts are written alike. Only English
// goes in: editing a `ko.` field never changes the stamp.
//
// Computed only by `check` (load/review.cpp), the build-time review of the embedded facts
// and the ko-stamp tool (tools/ko_stamp.cpp): never by a command that answers a question.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "model/fact_base.hpp"

namespace nkfacts::model {

inline constexpr std::uint64_t k_fnv_offset_basis = 0xcbf29ce484222325u;

// FNV-1a, 64 bits, of `bytes`, going on from `hash`.
std::uint64_t fnv1a_64(std::string_view bytes, std::uint64_t hash = k_fnv_offset_basis);

// The stamp of the English text of the record `ref` points at: "5f3a9c1e".
std::string english_stamp(const FactBase& facts, const RecordRef& ref);

// Whether the record `ref` points at has Korean text (a twin, or a series point's
// ko.note): such a record needs a stamp.
bool has_korean_text(const FactBase& facts, const RecordRef& ref);

// Whether `text` has the form of a stamp: 8 hex digits, lower case.
bool is_stamp(std::string_view text);

}  // namespace nkfacts::model

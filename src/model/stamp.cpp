#include "model/stamp.hpp"

#include <fmt/format.h>

#include "model/schema.hpp"

namespace nkfacts::model {
namespace {

// After each field, and after each item of a list: bytes that UTF-8 text never holds.
constexpr char k_field_end = '\xFF';
constexpr char k_item_end = '\xFE';

constexpr std::uint64_t k_fnv_prime = 0x100000001b3u;

std::uint64_t add_byte(std::uint64_t hash, char byte) {
  return (hash ^ static_cast<unsigned char>(byte)) * k_fnv_prime;
}

// Whether a twin in the schema of R translates the field `key`.
template <typename R>
bool has_twin(std::string_view key) {
  for (const auto& twin : Schema<R>::fields) {
    if (twin.translates == key) return true;
  }
  return false;
}

template <typename R>
std::uint64_t hash_english(const R& record) {
  std::uint64_t hash = k_fnv_offset_basis;
  for (const auto& field : Schema<R>::fields) {
    if (const auto* text = std::get_if<Text R::*>(&field.member)) {
      if (!has_twin<R>(field.key)) continue;
      hash = add_byte(fnv1a_64(record.**text, hash), k_field_end);
    } else if (const auto* list = std::get_if<TextList R::*>(&field.member)) {
      if (!has_twin<R>(field.key)) continue;
      for (const auto item : record.**list) hash = add_byte(fnv1a_64(item, hash), k_item_end);
      hash = add_byte(hash, k_field_end);
    } else if constexpr (std::is_same_v<R, Series>) {
      if (field.type != FieldType::points) continue;
      // Each point's note has its twin, ko.note, in the point's own `ko` table.
      for (const auto& point : record.points) {
        hash = add_byte(fnv1a_64(point.note, hash), k_item_end);
      }
      hash = add_byte(hash, k_field_end);
    }
  }
  return hash;
}

}  // namespace

std::uint64_t fnv1a_64(std::string_view bytes, std::uint64_t hash) {
  for (const char byte : bytes) hash = add_byte(hash, byte);
  return hash;
}

std::string english_stamp(const FactBase& facts, const RecordRef& ref) {
  const std::uint64_t hash =
      visit_record(facts, ref, [](const auto& record, auto) { return hash_english(record); });
  return fmt::format("{:08x}", hash >> 32);
}

bool has_korean_text(const FactBase& facts, const RecordRef& ref) {
  return visit_record(facts, ref, [](const auto& record, auto schema) {
    using R = std::decay_t<decltype(record)>;
    for (const auto& field : decltype(schema)::fields) {
      if (field.translates.empty()) continue;
      if (const auto* text = std::get_if<Text R::*>(&field.member)) {
        if (!(record.**text).empty()) return true;
      } else if (const auto* list = std::get_if<TextList R::*>(&field.member)) {
        if (!(record.**list).empty()) return true;
      }
    }
    if constexpr (std::is_same_v<R, Series>) {
      for (const auto& point : record.points) {
        if (!point.ko_note.empty()) return true;
      }
    }
    return false;
  });
}

bool is_stamp(std::string_view text) {
  if (text.size() != 8) return false;
  for (const char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace nkfacts::model

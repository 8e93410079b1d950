#include "model/schema.hpp"

namespace nkfacts::model {

std::string_view kind_name(Kind kind) {
  return visit_kind(kind, [](auto schema) { return decltype(schema)::name; });
}

std::string_view kind_plural(Kind kind) {
  return visit_kind(kind, [](auto schema) { return decltype(schema)::plural; });
}

std::optional<Kind> parse_kind(std::string_view name) {
  for (const Kind kind : k_all_kinds) {
    if (name == kind_name(kind) || name == kind_plural(kind)) return kind;
  }
  return std::nullopt;
}

std::string_view reference_kind_name(ReferenceKind kind) {
  return k_reference_kinds[static_cast<std::size_t>(kind)];
}

std::optional<ReferenceKind> parse_reference_kind(std::string_view name) {
  for (std::size_t i = 0; i < std::size(k_reference_kinds); ++i) {
    if (name == k_reference_kinds[i]) return static_cast<ReferenceKind>(i);
  }
  return std::nullopt;
}

std::string_view verdict_name(Verdict verdict) {
  return k_verdicts[static_cast<std::size_t>(verdict)];
}

}  // namespace nkfacts::model

// The version text and the fact base's one-line description, for --version and the handout.
#include "commands/help.hpp"

#include <fmt/format.h>

#include "commands/context.hpp"
#include "util/i18n.hpp"

namespace nkfacts::commands {

std::string facts_line(const model::FactBase& facts) {
  std::optional<model::Date> newest;
  auto consider = [&](const std::optional<model::Date>& date) {
    if (date && (!newest || *date > *newest)) newest = date;
  };
  for (const auto& reference : facts.references) consider(reference.retrieved);
  for (const auto& figure : facts.figures) consider(figure.as_of);
  return fmt::format(
      fmt::runtime(util::tr("facts as of {} ({}, {})")),
      newest ? model::display_date(*newest) : std::string(util::tr("unknown")),
      count_phrase(facts.record_count(), util::tr("{} record"), util::tr("{} records")),
      count_phrase(facts.references.size(), util::tr("{} source"), util::tr("{} sources")));
}

std::string version_text(std::string_view facts_line, std::string_view details) {
  return fmt::format(
      "nkfacts {}\n{}\n{}Copyright (c) 2026 the nkfacts developers. MIT licence: free to use, "
      "change and share.\n",
      NKFACTS_VERSION, facts_line, details);
}

}  // namespace nkfacts::commands

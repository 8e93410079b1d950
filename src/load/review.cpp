#include "load/review.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <unordered_set>

#include "model/schema.hpp"
#include "util/i18n.hpp"

namespace nkfacts::load {
namespace {

model::Diagnostic at_record(const model::FactBase& facts, const model::SourcePos& pos,
                            model::Severity severity, std::string message) {
  model::Diagnostic d;
  d.severity = severity;
  d.path = std::string(facts.file_of(pos));
  d.line = pos.line;
  d.column = pos.column;
  d.message = std::move(message);
  return d;
}

// A letter, digit or '_' before a numeral makes it part of a word: ASCII, or a Hangul
// syllable (the code point ending at `end`).
bool word_before(std::string_view text, std::size_t end) {
  if (end == 0) return false;
  const auto last = static_cast<unsigned char>(text[end - 1]);
  if (last < 0x80) return std::isalnum(last) != 0 || last == '_' || last == '.';
  // Hangul syllables U+AC00..U+D7A3 are three bytes, EA B0 80 to ED 9E A3.
  if (end < 3) return false;
  const auto lead = static_cast<unsigned char>(text[end - 3]);
  const unsigned code = ((lead & 0x0Fu) << 12) |
                        ((static_cast<unsigned char>(text[end - 2]) & 0x3Fu) << 6) | (last & 0x3Fu);
  return (lead & 0xF0u) == 0xE0u && code >= 0xAC00 && code <= 0xD7A3;
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// A month number before 월 (2011년 9월) has no digits in English ("September").
bool is_korean_month(std::string_view text, std::size_t end, std::string_view numeral) {
  std::size_t at = end;
  while (at < text.size() && text[at] == ' ') ++at;
  if (text.substr(at, 3) != "월") return false;
  const int month = std::atoi(std::string(numeral).c_str());
  return numeral.find('.') == std::string_view::npos && month >= 1 && month <= 12;
}

struct Numeral {
  std::string value;
  bool month = false;
};

std::vector<Numeral> numerals_of(std::string_view text) {
  std::vector<Numeral> out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_digit(text[i]) || word_before(text, i)) {
      // Skip the rest of a numeral inside a word.
      if (is_digit(text[i])) {
        while (i < text.size() && (is_digit(text[i]) || text[i] == ',' || text[i] == '.')) ++i;
      } else {
        ++i;
      }
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && (is_digit(text[end]) || text[end] == ',')) ++end;
    if (end + 1 < text.size() && text[end] == '.' && is_digit(text[end + 1])) {
      ++end;
      while (end < text.size() && is_digit(text[end])) ++end;
    }
    std::string value;
    for (std::size_t k = i; k < end; ++k) {
      if (text[k] != ',') value += text[k];
    }
    std::size_t stop = end;
    while (stop > i && text[stop - 1] == ',') --stop;
    out.push_back({value, is_korean_month(text, stop, value)});
    i = end;
  }
  return out;
}

// What differs between the numerals of an English text and its Korean twin, in words.
std::vector<std::string> numeral_problems(std::string_view english, std::string_view korean) {
  std::vector<std::string> problems;
  auto rest = numerals_of(korean);
  for (const auto& numeral : numerals_of(english)) {
    const auto it = std::find_if(rest.begin(), rest.end(),
                                 [&](const Numeral& n) { return n.value == numeral.value; });
    if (it != rest.end()) {
      rest.erase(it);
    } else {
      problems.push_back(fmt::format(
          fmt::runtime(util::tr("the numeral {} of the English text is missing")), numeral.value));
    }
  }
  for (const auto& numeral : rest) {
    if (!numeral.month) {
      problems.push_back(fmt::format(
          fmt::runtime(util::tr("the numeral {} is not in the English text")), numeral.value));
    }
  }
  return problems;
}

}  // namespace

std::vector<std::string> digit_numerals(std::string_view text) {
  std::vector<std::string> out;
  for (auto& numeral : numerals_of(text)) out.push_back(std::move(numeral.value));
  return out;
}

std::vector<model::Diagnostic> review_translations(const model::FactBase& facts,
                                                   std::size_t first_file,
                                                   std::size_t embedded_end) {
  std::vector<model::Diagnostic> out;
  // Which files hold any Korean text: their records are meant to be translated.
  std::vector<bool> translated(facts.files.size(), false);
  for (std::size_t f = 0; f < std::min(embedded_end, translated.size()); ++f) translated[f] = true;
  const auto has_twin = [](const auto& record, auto schema) {
    using R = std::decay_t<decltype(record)>;
    for (const auto& field : decltype(schema)::fields) {
      if (field.translates.empty()) continue;
      if (const auto* text = std::get_if<model::Text R::*>(&field.member)) {
        if (!(record.**text).empty()) return true;
      } else if (const auto* list = std::get_if<model::TextList R::*>(&field.member)) {
        if (!(record.**list).empty()) return true;
      }
    }
    return false;
  };
  for (const auto& ref : facts.index()) {
    const auto file = facts.pos_of(ref).file;
    if (file < translated.size() && !translated[file]) {
      translated[file] = model::visit_record(facts, ref, has_twin);
    }
  }
  const auto compare = [&](const model::SourcePos& pos, std::string_view kind, std::string_view id,
                           std::string_view key, std::string_view english,
                           std::string_view korean) {
    for (const auto& problem : numeral_problems(english, korean)) {
      out.push_back(
          at_record(facts, pos, model::Severity::warning,
                    fmt::format("{} \"{}\": ko.{}: {}", util::tr(kind), id, key, problem)));
    }
  };
  for (const auto& ref : facts.index()) {
    const auto pos = facts.pos_of(ref);
    if (pos.file < first_file) continue;
    model::visit_record(facts, ref, [&](const auto& record, auto schema) {
      using R = std::decay_t<decltype(record)>;
      using S = decltype(schema);
      std::vector<std::string> missing;
      for (const auto& twin : S::fields) {
        if (twin.translates.empty()) continue;
        const auto& english =
            *std::find_if(std::begin(S::fields), std::end(S::fields),
                          [&](const auto& f) { return f.key == twin.translates; });
        if (const auto* text = std::get_if<model::Text R::*>(&twin.member)) {
          const model::Text en = record.*std::get<model::Text R::*>(english.member);
          const model::Text ko = record.**text;
          if (!en.empty() && ko.empty() && !twin.gloss) missing.emplace_back(twin.key);
          if (!en.empty() && !ko.empty())
            compare(record.pos, S::name, record.id, english.key, en, ko);
        } else if (const auto* list = std::get_if<model::TextList R::*>(&twin.member)) {
          const model::TextList en = record.*std::get<model::TextList R::*>(english.member);
          const model::TextList ko = record.**list;
          if (!en.empty() && ko.empty()) missing.emplace_back(twin.key);
          for (std::size_t i = 0; i < std::min(en.size(), ko.size()); ++i) {
            compare(record.pos, S::name, record.id, english.key, en[i], ko[i]);
          }
        }
      }
      if constexpr (std::is_same_v<R, model::Series>) {
        for (const auto& point : record.points) {
          if (!point.note.empty() && point.ko_note.empty()) {
            missing.push_back(fmt::format(fmt::runtime(util::tr("ko.note of {}")),
                                          model::period_label(point.period)));
          }
          if (!point.note.empty() && !point.ko_note.empty()) {
            compare(point.pos, S::name, record.id, "note", point.note, point.ko_note);
          }
        }
      }
      if (!missing.empty() && pos.file < translated.size() && translated[pos.file]) {
        out.push_back(
            at_record(facts, record.pos, model::Severity::warning,
                      fmt::format(fmt::runtime(util::tr("{} \"{}\" has no Korean text for {}")),
                                  util::tr(S::name), record.id, fmt::join(missing, ", "))));
      }
    });
  }
  return out;
}

bool is_in_future(const model::Date& date, const model::Date& today) {
  const model::Date earliest{date.year, static_cast<std::uint8_t>(date.month ? date.month : 1),
                             static_cast<std::uint8_t>(date.day ? date.day : 1)};
  return earliest > today;
}

std::vector<model::Diagnostic> review_fact_base(const model::FactBase& facts,
                                                const model::Date& /*today*/) {
  std::vector<model::Diagnostic> out;
  std::unordered_set<std::string_view> cited;
  for (const auto& citation : facts.citations()) cited.insert(citation.reference);

  for (const auto& r : facts.references) {
    if (cited.count(r.id) == 0) {
      out.push_back(at_record(facts, r.pos, model::Severity::warning,
                              fmt::format("reference \"{}\" is never cited", r.id)));
    }
  }
  return out;
}

}  // namespace nkfacts::load

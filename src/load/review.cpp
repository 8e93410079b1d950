#include "load/review.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <unordered_set>

#include "model/schema.hpp"
#include "util/i18n.hpp"
#include "util/scan.hpp"

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

// A numeral as written ("34,537"), and whether it is a Korean month number.
struct Numeral {
  std::string_view text;
  bool month = false;
};

// The same number: equal digits and points, commas aside.
bool same_number(std::string_view a, std::string_view b) {
  std::size_t i = 0, k = 0;
  while (true) {
    while (i < a.size() && a[i] == ',') ++i;
    while (k < b.size() && b[k] == ',') ++k;
    if (i == a.size() || k == b.size()) return i == a.size() && k == b.size();
    if (a[i++] != b[k++]) return false;
  }
}

std::string without_commas(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c != ',') out += c;
  }
  return out;
}

// A month number before 월 (2011년 9월) has no digits in English ("September").
bool is_korean_month(std::string_view text, std::size_t end, std::string_view numeral) {
  std::size_t at = end;
  while (at < text.size() && text[at] == ' ') ++at;
  if (text.substr(at, 3) != "월" || numeral.size() > 2) return false;
  int month = 0;
  for (const char c : numeral) {
    if (!is_digit(c)) return false;
    month = month * 10 + (c - '0');
  }
  return month >= 1 && month <= 12;
}

// The numerals of `text` into `out` (cleared first; its buffer is reused from call to call).
void numerals_of(std::string_view text, std::vector<Numeral>& out) {
  out.clear();
  std::size_t i = util::skip_to_digit(text, 0);
  while (i < text.size()) {
    if (word_before(text, i)) {
      // Skip the rest of a numeral inside a word.
      while (i < text.size() && (is_digit(text[i]) || text[i] == ',' || text[i] == '.')) ++i;
      i = util::skip_to_digit(text, i);
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && (is_digit(text[end]) || text[end] == ',')) ++end;
    if (end + 1 < text.size() && text[end] == '.' && is_digit(text[end + 1])) {
      ++end;
      while (end < text.size() && is_digit(text[end])) ++end;
    }
    std::size_t stop = end;
    while (stop > i && text[stop - 1] == ',') --stop;
    const std::string_view numeral = text.substr(i, stop - i);
    out.push_back({numeral, is_korean_month(text, stop, numeral)});
    i = util::skip_to_digit(text, end);
  }
}

// What differs between the numerals of an English text and its Korean twin, in words.
std::vector<std::string> numeral_problems(std::string_view english, std::string_view korean) {
  std::vector<std::string> problems;
  // Most texts hold no digit: nothing to compare, nothing to allocate.
  const auto has_digit = [](std::string_view text) {
    return util::skip_to_digit(text, 0) < text.size();
  };
  if (!has_digit(english) && !has_digit(korean)) return problems;
  static std::vector<Numeral> english_numerals, rest;
  numerals_of(english, english_numerals);
  numerals_of(korean, rest);
  for (const auto& numeral : english_numerals) {
    const auto it = std::find_if(rest.begin(), rest.end(), [&](const Numeral& n) {
      return same_number(n.text, numeral.text);
    });
    if (it != rest.end()) {
      rest.erase(it);
    } else {
      problems.push_back(
          fmt::format(fmt::runtime(util::tr("the numeral {} of the English text is missing")),
                      without_commas(numeral.text)));
    }
  }
  for (const auto& numeral : rest) {
    if (!numeral.month) {
      problems.push_back(
          fmt::format(fmt::runtime(util::tr("the numeral {} is not in the English text")),
                      without_commas(numeral.text)));
    }
  }
  return problems;
}

}  // namespace

std::vector<std::string> digit_numerals(std::string_view text) {
  std::vector<Numeral> numerals;
  numerals_of(text, numerals);
  std::vector<std::string> out;
  for (const auto& numeral : numerals) out.push_back(without_commas(numeral.text));
  return out;
}

std::vector<model::Diagnostic> review_translations(const model::FactBase& facts,
                                                   std::size_t first_file,
                                                   std::size_t embedded_end) {
  std::vector<model::Diagnostic> out;
  // Per file: its records, how many have some Korean text, and the first of them. A file
  // with no Korean at all is reported once (as a whole); in a file with some, each record
  // that lacks a twin is reported.
  struct File {
    std::size_t records = 0;
    std::size_t translated = 0;
    model::SourcePos first;
  };
  std::vector<File> files(facts.files.size());
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
  // A record needs Korean when a translatable field of it has English text.
  const auto needs_twin = [](const auto& record, auto schema) {
    using R = std::decay_t<decltype(record)>;
    for (const auto& twin : decltype(schema)::fields) {
      if (twin.translates.empty() || twin.gloss) continue;
      for (const auto& field : decltype(schema)::fields) {
        if (field.key != twin.translates) continue;
        if (const auto* text = std::get_if<model::Text R::*>(&field.member)) {
          if (!(record.**text).empty()) return true;
        } else if (const auto* list = std::get_if<model::TextList R::*>(&field.member)) {
          if (!(record.**list).empty()) return true;
        }
      }
    }
    return false;
  };
  for (const auto& ref : facts.index()) {
    const auto pos = facts.pos_of(ref);
    if (pos.file < first_file || pos.file >= files.size()) continue;
    auto& file = files[pos.file];
    if (model::visit_record(facts, ref, has_twin)) ++file.translated;
    if (!model::visit_record(facts, ref, needs_twin)) continue;
    if (file.records++ == 0 || pos.line < file.first.line) file.first = pos;
  }
  for (std::size_t f = first_file; f < files.size(); ++f) {
    if (files[f].records > 0 && files[f].translated == 0 && f < embedded_end) {
      out.push_back(at_record(
          facts, files[f].first, model::Severity::warning,
          fmt::format(fmt::runtime(util::tr("none of the {} records of this file has Korean text "
                                            "(ko.name, ko.summary...)")),
                      files[f].records)));
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
    if (pos.file < first_file || pos.file >= files.size() || files[pos.file].translated == 0) {
      continue;
    }
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
      if (!missing.empty()) {
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

#include "load/review.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <unordered_set>

#include "model/schema.hpp"
#include "model/stamp.hpp"
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

// An ASCII letter, digit, '_' or '.' before a numeral makes it part of a word or of
// another numeral ("B2", "v1.2"). Hangul before a numeral does not: "코로나19" holds 19.
bool word_before(std::string_view text, std::size_t end) {
  if (end == 0) return false;
  const auto last = static_cast<unsigned char>(text[end - 1]);
  return last < 0x80 && (std::isalnum(last) != 0 || last == '_' || last == '.');
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// A numeral as written ("34,537"), its value, and its value with the scale word after it
// ("2 million", "200만"); whether it is a Korean month number (9월).
struct Numeral {
  std::string_view text;
  double value = 0;
  double scaled = 0;
  bool month = false;
};

std::string without_commas(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c != ',') out += c;
  }
  return out;
}

// The value of a numeral: digits with commas, and a fraction after a '.'. Exactly what
// strtod gives: a whole number of up to 15 digits is a double as it is, and so is a
// fraction's 10^k (k <= 15), so their quotient rounds once, as strtod's result does.
// Longer numerals go through strtod.
double value_of(std::string_view numeral) {
  std::uint64_t digits = 0;
  int count = 0;
  int fraction = -1;
  for (const char c : numeral) {
    if (c == ',') continue;
    if (c == '.') {
      fraction = 0;
      continue;
    }
    digits = digits * 10 + static_cast<unsigned>(c - '0');
    if (fraction >= 0) ++fraction;
    if (++count > 15) return std::strtod(without_commas(numeral).c_str(), nullptr);
  }
  static constexpr double k_powers[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                        1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
  const auto value = static_cast<double>(digits);
  return fraction > 0 ? value / k_powers[fraction] : value;
}

std::size_t skip_spaces(std::string_view text, std::size_t at) {
  while (at < text.size() && text[at] == ' ') ++at;
  return at;
}

// Whether `word` is at `at` in `text`; its first byte is tested before the rest.
bool is_at(std::string_view text, std::size_t at, std::string_view word) {
  if (at >= text.size() || text[at] != word[0] || text.size() - at < word.size()) return false;
  for (std::size_t k = 1; k < word.size(); ++k) {
    if (text[at + k] != word[k]) return false;
  }
  return true;
}

bool starts_word(std::string_view text, std::size_t at, std::string_view word) {
  if (!is_at(text, at, word)) return false;
  const std::size_t end = at + word.size();
  return end == text.size() || std::isalpha(static_cast<unsigned char>(text[end])) == 0;
}

// The scale a word after a numeral gives it: English "thousand", "million", "billion";
// Korean 천, 만, 백만, 천만, 억 (longest first). 1 when there is none.
double scale_after(std::string_view text, std::size_t end, bool korean) {
  const std::size_t at = skip_spaces(text, end);
  if (korean) {
    // 천, 만, 백만, 천만, 억, longest first; each is one or two syllables of three bytes.
    const auto syllable = [&](std::size_t i) -> std::uint32_t {
      if (i + 3 > text.size()) return 0;
      return static_cast<std::uint32_t>(static_cast<unsigned char>(text[i])) << 16 |
             static_cast<std::uint32_t>(static_cast<unsigned char>(text[i + 1])) << 8 |
             static_cast<unsigned char>(text[i + 2]);
    };
    constexpr std::uint32_t k_baek = 0xEBB0B1, k_cheon = 0xECB29C, k_man = 0xEBA78C,
                            k_eok = 0xEC96B5;  // 백, 천, 만, 억
    switch (syllable(at)) {
      case k_baek:
        return syllable(at + 3) == k_man ? 1e6 : 1;
      case k_cheon:
        return syllable(at + 3) == k_man ? 1e7 : 1e3;
      case k_man:
        return 1e4;
      case k_eok:
        return 1e8;
      default:
        return 1;
    }
  }
  static constexpr std::pair<std::string_view, double> k_words[] = {
      {"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9}};
  for (const auto& [word, scale] : k_words) {
    if (starts_word(text, at, word)) return scale;
  }
  return 1;
}

// A month number before 월 (2011년 9월) has no digits in English ("September").
bool is_korean_month(std::string_view text, std::size_t end, double value,
                     std::string_view numeral) {
  const std::size_t at = skip_spaces(text, end);
  return numeral.size() <= 2 && value >= 1 && value <= 12 && is_at(text, at, "월");
}

// The numerals of `text` into `out` (cleared first; its buffer is reused from call to call).
void numerals_of(std::string_view text, bool korean, std::vector<Numeral>& out) {
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
    const double value = value_of(numeral);
    out.push_back({numeral, value, value * scale_after(text, stop, korean),
                   korean && is_korean_month(text, stop, value, numeral)});
    i = util::skip_to_digit(text, end);
  }
}

// The numbers an English text spells in words ("seven years", "a third", "twice"): a
// Korean twin may write them in digits (7년). In the order of their first letters, so
// that a word is compared only with the names that start as it does.
constexpr std::pair<std::string_view, double> k_number_words[] = {
    {"dozen", 12},    {"eight", 8},    {"eleven", 11},   {"eighteen", 18}, {"eighty", 80},
    {"four", 4},      {"five", 5},     {"fourteen", 14}, {"fifteen", 15},  {"forty", 40},
    {"fifty", 50},    {"first", 1},    {"fourth", 4},    {"fifth", 5},     {"half", 0.5},
    {"hundred", 100}, {"nine", 9},     {"nineteen", 19}, {"ninety", 90},   {"one", 1},
    {"once", 1},      {"six", 6},      {"seven", 7},     {"sixteen", 16},  {"seventeen", 17},
    {"sixty", 60},    {"seventy", 70}, {"single", 1},    {"second", 2},    {"two", 2},
    {"three", 3},     {"ten", 10},     {"twelve", 12},   {"thirteen", 13}, {"twenty", 20},
    {"thirty", 30},   {"twice", 2},    {"third", 3},     {"zero", 0}};

// For each letter, where the names that start with it begin in k_number_words (the
// letter after it gives the end).
struct NumberWordIndex {
  std::uint8_t begin[27] = {};
};

constexpr NumberWordIndex make_number_word_index() {
  NumberWordIndex index;
  std::size_t at = 0;
  for (int letter = 0; letter < 26; ++letter) {
    index.begin[letter] = static_cast<std::uint8_t>(at);
    while (at < std::size(k_number_words) && k_number_words[at].first[0] - 'a' == letter) ++at;
  }
  index.begin[26] = static_cast<std::uint8_t>(at);
  return index;
}

constexpr NumberWordIndex k_number_word_index = make_number_word_index();
static_assert(k_number_word_index.begin[26] == std::size(k_number_words),
              "k_number_words is in the order of first letters");

// Whether some word of k_number_words has this value (else no word can match it).
bool is_word_number(double value) {
  return std::any_of(std::begin(k_number_words), std::end(k_number_words),
                     [&](const auto& word) { return word.second == value; });
}

bool is_ascii_letter(char c) {
  return static_cast<unsigned char>((c | 0x20) - 'a') < 26;
}

// Whether `word` (ASCII letters) is `name` (lower case) in any case.
bool is_name(std::string_view word, std::string_view name) {
  if (word.size() != name.size()) return false;
  for (std::size_t k = 0; k < word.size(); ++k) {
    if ((word[k] | 0x20) != name[k]) return false;
  }
  return true;
}

void word_numbers(std::string_view text, std::vector<double>& out) {
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_ascii_letter(text[i])) {
      ++i;
      continue;
    }
    std::size_t end = i + 1;
    while (end < text.size() && is_ascii_letter(text[end])) ++end;
    const std::string_view word = text.substr(i, end - i);
    const auto letter = static_cast<std::size_t>((word[0] | 0x20) - 'a');
    for (std::size_t k = k_number_word_index.begin[letter];
         k < k_number_word_index.begin[letter + 1]; ++k) {
      if (is_name(word, k_number_words[k].first)) out.push_back(k_number_words[k].second);
    }
    i = end;
  }
}

// What differs between the numbers of an English text and its Korean twin, in words. They
// are compared by value, so the Korean may write them its own way: 200만 명 for "2 million
// people", 7년 for "seven years", 2011년 9월 13일 for "13 September 2011".
std::vector<std::string> numeral_problems(std::string_view english, std::string_view korean) {
  std::vector<std::string> problems;
  // Most texts hold no digit: nothing to compare, nothing to allocate.
  const auto has_digit = [](std::string_view text) {
    return util::skip_to_digit(text, 0) < text.size();
  };
  if (!has_digit(english) && !has_digit(korean)) return problems;
  static std::vector<Numeral> english_numerals, rest;
  numerals_of(english, false, english_numerals);
  numerals_of(korean, true, rest);
  for (const auto& numeral : english_numerals) {
    const auto it = std::find_if(rest.begin(), rest.end(), [&](const Numeral& n) {
      return n.scaled == numeral.value || n.scaled == numeral.scaled;
    });
    if (it != rest.end()) {
      rest.erase(it);
    } else {
      problems.push_back(
          fmt::format(fmt::runtime(util::tr("the numeral {} of the English text is missing")),
                      without_commas(numeral.text)));
    }
  }
  if (rest.empty()) return problems;
  // The English text's number words are read only when a numeral left could be one.
  static std::vector<double> words;  // its buffer is reused from call to call
  words.clear();
  bool words_read = false;
  for (const auto& numeral : rest) {
    if (numeral.month) continue;
    const auto in_english = std::any_of(
        english_numerals.begin(), english_numerals.end(),
        [&](const Numeral& n) { return numeral.scaled == n.value || numeral.scaled == n.scaled; });
    if (in_english) continue;
    if (is_word_number(numeral.scaled)) {
      if (!words_read) {
        word_numbers(english, words);
        words_read = true;
      }
      if (std::find(words.begin(), words.end(), numeral.scaled) != words.end()) continue;
    }
    problems.push_back(
        fmt::format(fmt::runtime(util::tr("the numeral {} is not in the English text")),
                    without_commas(numeral.text)));
  }
  return problems;
}

// A record needs Korean when a translatable field of it has English text.
template <typename R, typename S>
bool needs_korean(const R& record, S) {
  for (const auto& twin : S::fields) {
    if (twin.translates.empty() || twin.gloss) continue;
    for (const auto& field : S::fields) {
      if (field.key != twin.translates) continue;
      if (const auto* text = std::get_if<model::Text R::*>(&field.member)) {
        if (!(record.**text).empty()) return true;
      } else if (const auto* list = std::get_if<model::TextList R::*>(&field.member)) {
        if (!(record.**list).empty()) return true;
      }
    }
  }
  return false;
}

// Per file: its records that need Korean, how many records have some Korean text, and the
// first record that needs it.
struct FileKorean {
  std::size_t records = 0;
  std::size_t translated = 0;
  model::SourcePos first;
};

std::vector<FileKorean> korean_by_file(const model::FactBase& facts, std::size_t first_file) {
  std::vector<FileKorean> files(facts.files.size());
  for (const auto& ref : facts.index()) {
    const auto pos = facts.pos_of(ref);
    if (pos.file < first_file || pos.file >= files.size()) continue;
    auto& file = files[pos.file];
    if (model::has_korean_text(facts, ref)) ++file.translated;
    const bool needs = model::visit_record(
        facts, ref, [](const auto& record, auto schema) { return needs_korean(record, schema); });
    if (!needs) continue;
    if (file.records++ == 0 || pos.line < file.first.line) file.first = pos;
  }
  return files;
}

// A file with no Korean at all is reported once, as a whole, when it is embedded.
void report_files_without_korean(const model::FactBase& facts, const std::vector<FileKorean>& files,
                                 std::size_t first_file, std::size_t embedded_end,
                                 std::vector<model::Diagnostic>& out) {
  for (std::size_t f = first_file; f < files.size(); ++f) {
    if (files[f].records > 0 && files[f].translated == 0 && f < embedded_end) {
      out.push_back(at_record(
          facts, files[f].first, model::Severity::warning,
          fmt::format(fmt::runtime(util::tr("none of the {} records of this file has Korean text "
                                            "(ko.name, ko.summary...)")),
                      files[f].records)));
    }
  }
}

// A warning for each numeral of a field that its twin does not match.
void compare_numerals(const model::FactBase& facts, const model::SourcePos& pos,
                      std::string_view kind, std::string_view id, std::string_view key,
                      std::string_view english, std::string_view korean,
                      std::vector<model::Diagnostic>& out) {
  for (const auto& problem : numeral_problems(english, korean)) {
    out.push_back(at_record(facts, pos, model::Severity::warning,
                            fmt::format("{} \"{}\": ko.{}: {}", util::tr(kind), id, key, problem)));
  }
}

// The twins of `record` that its English fields lack, each numeral compared on the way.
template <typename R, typename S>
std::vector<std::string> missing_twins(const model::FactBase& facts, const R& record, S,
                                       std::vector<model::Diagnostic>& out) {
  std::vector<std::string> missing;
  for (const auto& twin : S::fields) {
    if (twin.translates.empty()) continue;
    const auto& english = *std::find_if(std::begin(S::fields), std::end(S::fields),
                                        [&](const auto& f) { return f.key == twin.translates; });
    if (const auto* text = std::get_if<model::Text R::*>(&twin.member)) {
      const model::Text en = record.*std::get<model::Text R::*>(english.member);
      const model::Text ko = record.**text;
      if (!en.empty() && ko.empty() && !twin.gloss) missing.emplace_back(twin.key);
      if (!en.empty() && !ko.empty())
        compare_numerals(facts, record.pos, S::name, record.id, english.key, en, ko, out);
    } else if (const auto* list = std::get_if<model::TextList R::*>(&twin.member)) {
      const model::TextList en = record.*std::get<model::TextList R::*>(english.member);
      const model::TextList ko = record.**list;
      if (!en.empty() && ko.empty()) missing.emplace_back(twin.key);
      for (std::size_t i = 0; i < std::min(en.size(), ko.size()); ++i) {
        compare_numerals(facts, record.pos, S::name, record.id, english.key, en[i], ko[i], out);
      }
    }
  }
  return missing;
}

// The Korean of one record of a file that holds some: every twin present, its numerals
// those of its field.
template <typename R, typename S>
void review_record(const model::FactBase& facts, const R& record, S schema,
                   std::vector<model::Diagnostic>& out) {
  std::vector<std::string> missing = missing_twins(facts, record, schema, out);
  if constexpr (std::is_same_v<R, model::Series>) {
    for (const auto& point : record.points) {
      if (!point.note.empty() && point.ko_note.empty()) {
        missing.push_back(fmt::format(fmt::runtime(util::tr("ko.note of {}")),
                                      model::period_label(point.period)));
      }
      if (!point.note.empty() && !point.ko_note.empty()) {
        compare_numerals(facts, point.pos, S::name, record.id, "note", point.note, point.ko_note,
                         out);
      }
    }
  }
  if (!missing.empty()) {
    out.push_back(
        at_record(facts, record.pos, model::Severity::warning,
                  fmt::format(fmt::runtime(util::tr("{} \"{}\" has no Korean text for {}")),
                              util::tr(S::name), record.id, fmt::join(missing, ", "))));
  }
}

// The twins of `record` whose English field has text, in schema order, for a message:
// "ko.name, ko.summary, ko.note" (and a series' points' notes).
template <typename R, typename S>
std::string twins_to_review(const R& record, S) {
  std::string keys;
  const auto add = [&](std::string_view key) {
    if (!keys.empty()) keys += ", ";
    keys += key;
  };
  for (const auto& twin : S::fields) {
    if (twin.translates.empty()) continue;
    for (const auto& field : S::fields) {
      if (field.key != twin.translates) continue;
      if (const auto* text = std::get_if<model::Text R::*>(&field.member)) {
        if (!(record.**text).empty()) add(twin.key);
      } else if (const auto* list = std::get_if<model::TextList R::*>(&field.member)) {
        if (!(record.**list).empty()) add(twin.key);
      }
    }
  }
  if constexpr (std::is_same_v<R, model::Series>) {
    const auto has_note = [](const model::SeriesPoint& point) { return !point.note.empty(); };
    if (std::any_of(record.points.begin(), record.points.end(), has_note)) {
      add(util::tr("the points' ko.note"));
    }
  }
  return keys;
}

// A record with Korean text must hold the stamp of the English it was written from
// (model/stamp.hpp): a missing stamp, or one of an earlier English text, is reported at
// the stamp (or at the id, where it belongs), with the stamp of the English as it is now.
void review_stamp(const model::FactBase& facts, const model::RecordRef& ref,
                  std::vector<model::Diagnostic>& out) {
  if (!model::has_korean_text(facts, ref)) return;
  model::visit_record(facts, ref, [&](const auto& record, auto schema) {
    using S = decltype(schema);
    const std::string stamp = model::english_stamp(facts, ref);
    if (record.ko_stamp == stamp) return;
    const std::string twins = twins_to_review(record, schema);
    const std::string message =
        record.ko_stamp.empty()
            ? fmt::format(fmt::runtime(util::tr("{} \"{}\" has Korean text but no ko.stamp: "
                                                "review {} against the English, then add "
                                                "ko.stamp after its id")),
                          util::tr(S::name), record.id, twins)
            : fmt::format(fmt::runtime(util::tr("the Korean of {} \"{}\" was written for an "
                                                "earlier English text: review {}, then "
                                                "update ko.stamp")),
                          util::tr(S::name), record.id, twins);
    auto d = at_record(facts, record.stamp_pos.line != 0 ? record.stamp_pos : record.pos,
                       model::Severity::warning, message);
    d.hint = fmt::format(fmt::runtime(util::tr("the English text's stamp is now ko.stamp = \"{}\"; "
                                               "scripts/ko-stamp FILE writes it")),
                         stamp);
    out.push_back(std::move(d));
  });
}

}  // namespace

std::vector<std::string> number_differences(std::string_view english, std::string_view korean) {
  return numeral_problems(english, korean);
}

std::vector<std::string> digit_numerals(std::string_view text) {
  std::vector<Numeral> numerals;
  numerals_of(text, true, numerals);
  std::vector<std::string> out;
  for (const auto& numeral : numerals) out.push_back(without_commas(numeral.text));
  return out;
}

std::vector<model::Diagnostic> review_translations(const model::FactBase& facts,
                                                   std::size_t first_file,
                                                   std::size_t embedded_end) {
  std::vector<model::Diagnostic> out;
  const auto files = korean_by_file(facts, first_file);
  report_files_without_korean(facts, files, first_file, embedded_end, out);
  for (const auto& ref : facts.index()) {
    const auto pos = facts.pos_of(ref);
    if (pos.file < first_file || pos.file >= files.size() || files[pos.file].translated == 0) {
      continue;
    }
    model::visit_record(facts, ref, [&](const auto& record, auto schema) {
      review_record(facts, record, schema, out);
    });
    review_stamp(facts, ref, out);
  }
  return out;
}

bool is_in_future(const model::Date& date, const model::Date& today) {
  const model::Date earliest{date.year, static_cast<std::uint8_t>(date.month ? date.month : 1),
                             static_cast<std::uint8_t>(date.day ? date.day : 1)};
  return earliest > today;
}

std::vector<model::Diagnostic> review_fact_base(const model::FactBase& facts) {
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

#include "commands/quiz_questions.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>

#include "model/localized.hpp"
#include "render/text.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"

namespace nkfacts::commands {
namespace {

using util::tr;

// One question the facts can give, before any text is written: a template, the record it
// is about and which of the record's possible right answers it asks for. A quiz picks a
// few of these and builds only those (formatting every prompt would be most of the work).
struct Slot {
  Template kind;
  std::uint32_t index = 0;   // the record, in its kind's list
  std::uint32_t detail = 0;  // series: the point; route: the path place or the danger;
                             // series_peak: 0 highest, 1 lowest
  std::uint32_t column = 0;  // series_part: the column
  bool group = false;        // claim_true_false: the answer is "true"
};

// `format` in the display language, formatted.
template <typename... A>
std::string say(std::string_view format, const A&... args) {
  return fmt::vformat(tr(format), fmt::make_format_args(args...));
}

std::string joined(model::TextList items, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += separator;
    out += items[i];
  }
  return out;
}

bool in_korean() {
  return util::language() == util::Language::ko;
}

// A year as an option: "2014", in Korean "2014년".
std::string year_option(int year) {
  return in_korean() ? std::to_string(year) + "년" : std::to_string(year);
}

// What a series counts, as a noun for "How many {}": its unit ("people"), in Korean the
// noun, not the counter written after a number ("사람", not "명").
std::string unit_noun(std::string_view unit) {
  if (!in_korean()) return std::string(unit);
  if (unit == "people" || unit == "persons") return "사람";
  return render::display_unit(unit);
}

// --- words: whether an option's wording gives it away ---------------------------------------

bool is_word_byte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Words that say nothing about which option is right: every text about the subject has them.
bool is_common_word(std::string_view word) {
  static constexpr std::array<std::string_view, 48> k_common = {
      "about", "after", "along",   "also",  "been",  "before", "between", "could", "each",  "every",
      "from",  "have",  "into",    "many",  "more",  "most",   "much",    "only",  "other", "over",
      "some",  "such",  "than",    "that",  "their", "them",   "then",    "there", "these", "they",
      "this",  "those", "through", "under", "were",  "what",   "when",    "where", "which", "while",
      "whose", "will",  "with",    "would", "north", "south",  "people",  "korea"};
  // Korean: the two Koreas and the people, with or without a particle (북한의, 한국으로).
  static constexpr std::array<std::string_view, 5> k_common_ko = {"북한", "남한", "한국", "탈북민",
                                                                  "주민"};
  for (const auto common : k_common_ko) {
    if (!in_korean()) break;
    if (word.substr(0, common.size()) == common && word.size() - common.size() <= 6) return true;
  }
  return word.size() < 4 || std::find(k_common.begin(), k_common.end(), word) != k_common.end() ||
         word.substr(0, 5) == "korea";
}

std::vector<std::string> content_words(std::string_view text) {
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !is_word_byte(text[i])) ++i;
    std::string word;
    while (i < text.size() && is_word_byte(text[i])) {
      char c = text[i++];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      word += c;
    }
    if (!is_common_word(word)) words.push_back(std::move(word));
  }
  return words;
}

// "rivers" and "river", "Koreans" and "Korean": the same word for a reader. In Korean a
// word with its particles: two words that begin with the same two syllables or more and
// end in at most three more ("비무장지대를", "비무장지대의"; "중국", "중국에서의").
bool same_word(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (in_korean() && !a.empty() && static_cast<unsigned char>(a[0]) >= 0x80) {
    std::size_t common = 0;
    while (common < a.size() && a[common] == b[common]) ++common;
    while (common > 0 && common < a.size() &&
           (static_cast<unsigned char>(a[common]) & 0xC0) == 0x80)
      --common;
    constexpr std::size_t syllable = 3;  // a Hangul syllable in UTF-8
    return common >= 2 * syllable && a.size() - common <= 3 * syllable &&
           b.size() - common <= 3 * syllable;
  }
  return b.substr(0, a.size()) == a && b.size() - a.size() <= 2;
}

// True when `a` and `b` share a word that matters (a place, a name, a thing).
bool share_word(std::string_view a, std::string_view b) {
  const auto left = content_words(a);
  const auto right = content_words(b);
  for (const auto& x : left) {
    for (const auto& y : right) {
      if (same_word(x, y)) return true;
    }
  }
  return false;
}

// True when two places could be the same: they share a word that matters, or both are
// in North Korea ("North Korea" and "North Korea's border with China").
bool places_overlap(std::string_view a, std::string_view b) {
  const auto in_north = [](std::string_view text) {
    return text.find("North Korea") != std::string_view::npos ||
           (in_korean() && text.find("북한") != std::string_view::npos);
  };
  return share_word(a, b) || (in_north(a) && in_north(b));
}

// --- sentences -------------------------------------------------------------------------

// An explanation of one sentence, or two when the first is only "Yes." or "In effect, yes."
std::string_view explanation_of(std::string_view text) {
  std::string_view sentence = first_sentence(text);
  if (sentence.size() < 25 && sentence.size() < text.size()) {
    const std::size_t start = text.find_first_not_of(' ', sentence.size());
    if (start != std::string_view::npos) {
      const auto second = first_sentence(text.substr(start));
      return text.substr(0, start + second.size());
    }
  }
  return sentence;
}

std::string without_final_stop(std::string_view text) {
  while (!text.empty() && (text.back() == '.' || text.back() == ' ')) text.remove_suffix(1);
  return std::string(text);
}

// "A, B and C".
std::string list_of(const std::vector<std::string_view>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? std::string(tr(" and ")) : std::string(", ");
    out += items[i];
  }
  return out;
}

// A place on a route taken for a country: the schema does not mark countries, and a
// one-word capitalised name (China, Laos) is one, while seas, zones, embassies and the two
// Koreas ("Yellow Sea or East Sea", "Demilitarized Zone", "North Korea") are not.
bool is_country(std::string_view place) {
  if (place.size() < 3 || !(place[0] >= 'A' && place[0] <= 'Z')) return false;
  return std::all_of(place.begin() + 1, place.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

std::string verdict_label(model::Verdict verdict) {
  switch (verdict) {
    case model::Verdict::accurate:
      return std::string(tr("Accurate"));
    case model::Verdict::outdated:
      return std::string(tr("Outdated"));
    case model::Verdict::wrong:
      return std::string(tr("Wrong"));
    case model::Verdict::unverified:
      return std::string(tr("Not confirmed"));
    case model::Verdict::disputed:
      return std::string(tr("Disputed"));
  }
  return {};
}
constexpr model::Verdict k_verdicts[] = {model::Verdict::accurate, model::Verdict::outdated,
                                         model::Verdict::wrong, model::Verdict::unverified,
                                         model::Verdict::disputed};

// --- building one question ---------------------------------------------------------------

// Picks `want` items at random from the first `nearest` of `sorted` (the closest first).
template <typename T>
std::vector<T> pick_near(const std::vector<T>& sorted, std::size_t want, std::size_t nearest,
                         Random& random) {
  std::vector<T> pool(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(
                                                           std::min(nearest, sorted.size())));
  random.shuffle(pool);
  pool.resize(std::min(want, pool.size()));
  return pool;
}

template <typename T>
std::vector<T> pick_any(std::vector<T> items, std::size_t want, Random& random) {
  random.shuffle(items);
  items.resize(std::min(want, items.size()));
  return items;
}

// --- every language: the same seed, the same quiz ----------------------------------------
//
// A question is asked in one language only if it can be asked in every one: its wording
// must not give its answer away in any of them, and its options must be distinct in each.
// So every choice a question makes (whether it is asked, its wrong options, their order)
// is decided on the texts of all the languages, before it is written in the display one,
// and the same seed draws the same questions, options and answers whatever the language.

constexpr util::Language k_languages[] = {util::Language::en, util::Language::ko};

// The display language set to `language` while it lives, then the one before again.
class InLanguage {
 public:
  explicit InLanguage(util::Language language) : m_before(util::language()) {
    util::set_language(language);
  }
  ~InLanguage() { util::set_language(m_before); }
  InLanguage(const InLanguage&) = delete;
  InLanguage& operator=(const InLanguage&) = delete;

 private:
  util::Language m_before;
};

// True when `test()` holds in any of the languages.
template <typename Test>
bool in_any_language(Test test) {
  for (const auto language : k_languages) {
    InLanguage scope(language);
    if (test()) return true;
  }
  return false;
}

// One text in every language (indexed by util::Language): an option, checked in each
// and shown in one.
using Texts = std::array<std::string, std::size(k_languages)>;

template <typename Text>
Texts in_each_language(Text text) {
  Texts out;
  for (std::size_t i = 0; i < out.size(); ++i) {
    InLanguage scope(k_languages[i]);
    out[i] = text();
  }
  return out;
}

// True when `a` and `b` are the same text in some language.
bool any_equal(const Texts& a, const Texts& b) {
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] == b[i]) return true;
  }
  return false;
}

// True when the text is missing in some language.
bool any_empty(const Texts& texts) {
  return std::any_of(texts.begin(), texts.end(), [](const auto& text) { return text.empty(); });
}

const std::string& shown(const Texts& texts) {
  return texts[static_cast<std::size_t>(util::language())];
}

// The texts `each` offers (it calls its argument once per candidate) that are non-empty,
// not the right answer and not one offered before, in every language: the pool a
// question's wrong options are drawn from.
template <typename Each>
std::vector<Texts> option_pool(const Texts& right, Each each) {
  std::vector<Texts> pool;
  each([&](Texts texts) {
    const auto same = [&](const Texts& other) { return any_equal(texts, other); };
    if (!any_empty(texts) && !same(right) && std::none_of(pool.begin(), pool.end(), same))
      pool.push_back(std::move(texts));
  });
  return pool;
}

class Builder {
 public:
  explicit Builder(const model::FactBase& facts) : m_facts(facts) {}

  // The question, or nullopt when the facts give no four distinct options for it.
  std::optional<Question> build(const Slot& slot, Random& random);

 private:
  using Build = std::optional<Question> (Builder::*)(const Slot&, Random&);
  struct Entry {
    Template kind;
    Build build;
  };
  static const Entry k_builders[];

  std::optional<Question> figure_value(const Slot& slot, Random& random) {
    const auto& f = m_facts.figures[slot.index];
    const auto& v = f.value;
    Question q;
    q.kind = slot.kind;
    std::string date = f.as_of ? model::display_date(*f.as_of) : std::string();
    const std::string label(model::localized(f, &model::Figure::label));
    // The date, unless the label says it already ("..., 2024").
    const bool dated = f.as_of && label.find(std::to_string(f.as_of->year)) != std::string::npos;
    const std::string subject = date.empty() || dated ? label : fmt::format("{} ({})", label, date);
    double answer = 0;
    double floor = 0;
    if (v.is_point()) {
      answer = *v.low;
      q.prompt = say("{}: which number do the sources give?", subject);
    } else if (v.low && v.high) {
      answer = *v.high;
      floor = *v.low;
      q.prompt = say("{}: the estimates run from {} up to which number?", subject,
                     number_text(*v.low, f.unit));
    } else if (v.low) {
      answer = *v.low;
      q.prompt = say("{}: the sources say \u201cat least\u201d which number?", subject);
    } else if (v.high) {
      answer = *v.high;
      q.prompt = say("{}: the sources say \u201cup to\u201d which number?", subject);
    } else {
      return std::nullopt;
    }
    auto values = numbers_near(unit_pool(f.unit), answer, floor);
    if (values.size() < 3) return std::nullopt;
    values = pick_near(values, 3, 5, random);
    return numeric(std::move(q), answer, values, f.unit,
                   std::string(explanation_of(model::localized(f, &model::Figure::summary))), f.id,
                   f.sources, {}, random);
  }

  // series_year and series_part: a series' total for one year, or one of its columns.
  std::optional<Question> series_count(const Slot& slot, Random& random) {
    const auto& s = m_facts.series[slot.index];
    const auto& point = s.points[slot.detail];
    const bool part = slot.kind == Template::series_part;
    const double answer = part ? point.values[slot.column] : point.total();
    std::vector<double> pool;
    for (const auto& p : s.points) {
      if (!p.period.is_single_year()) continue;
      if (part) {
        pool.insert(pool.end(), p.values.begin(), p.values.end());
      } else {
        pool.push_back(p.total());
      }
    }
    auto values = numbers_near(pool, answer, 0);
    if (values.size() < 3) return std::nullopt;
    values = pick_near(values, 3, 5, random);
    Question q;
    q.kind = slot.kind;
    q.prompt = series_count_prompt(s, point, slot);
    return numeric(std::move(q), answer, values, s.unit, series_count_explanation(s, point), s.id,
                   s.sources, point.sources, random);
  }

  static std::string series_count_prompt(const model::Series& s, const model::SeriesPoint& point,
                                         const Slot& slot) {
    const int year = point.period.to;
    const std::string name(model::localized(s, &model::Series::name));
    const model::TextList columns = model::localized(s, &model::Series::columns);
    if (slot.kind == Template::series_part) {
      return say("How many {} does \u201c{}\u201d count for {}?", columns[slot.column], name, year);
    }
    if (columns.size() > 1) {
      return say("How many {} does \u201c{}\u201d count for {}, {} together?", unit_noun(s.unit),
                 name, year,
                 list_of(std::vector<std::string_view>(columns.begin(), columns.end())));
    }
    return say("How many {} does \u201c{}\u201d count for {}?", unit_noun(s.unit), name, year);
  }

  // "The series counts 1,222 for 2024: 1,041 women and 181 men."
  static std::string series_count_explanation(const model::Series& s,
                                              const model::SeriesPoint& point) {
    const int year = point.period.to;
    const model::TextList columns = model::localized(s, &model::Series::columns);
    std::vector<std::string> part_texts;
    for (std::size_t c = 0; c < columns.size() && c < point.values.size(); ++c) {
      // "573 men"; in Korean the column first and the counter: "남성 573명".
      part_texts.push_back(
          in_korean()
              ? fmt::format("{} {}", columns[c], number_text(point.values[c], s.unit))
              : fmt::format("{} {}", util::format_number(point.values[c], true), columns[c]));
    }
    const std::vector<std::string_view> parts(part_texts.begin(), part_texts.end());
    return parts.size() > 1
               ? say("The series counts {} for {}: {}.", number_text(point.total(), s.unit), year,
                     list_of(parts))
               : say("The series counts {} for {}.", number_text(point.total(), s.unit), year);
  }

  std::optional<Question> series_peak(const Slot& slot, Random& random) {
    const auto& s = m_facts.series[slot.index];
    const bool highest = slot.detail == 0;
    std::vector<const model::SeriesPoint*> years;
    for (const auto& p : s.points) {
      if (p.period.is_single_year()) years.push_back(&p);
    }
    if (years.size() < 4) return std::nullopt;
    std::stable_sort(years.begin(), years.end(), [&](const auto* a, const auto* b) {
      return highest ? a->total() > b->total() : a->total() < b->total();
    });
    if (years[0]->total() == years[1]->total()) return std::nullopt;  // no single answer
    Question q;
    q.kind = slot.kind;
    const std::string name(model::localized(s, &model::Series::name));
    q.prompt = highest ? say("In which year does \u201c{}\u201d count the most {}?", name,
                             unit_noun(s.unit))
                       : say("In which year does \u201c{}\u201d count the fewest {}?", name,
                             unit_noun(s.unit));
    std::vector<Texts> wrong;
    std::vector<const model::SeriesPoint*> next(years.begin() + 1, years.end());
    for (const auto* p : pick_near(next, 3, 5, random)) wrong.push_back(year_texts(p->period.to));
    const std::string total = number_text(years[0]->total(), s.unit);
    q.explanation =
        highest ? say("The series' highest yearly total is {}, in {}.", total, years[0]->period.to)
                : say("The series' lowest yearly total is {}, in {}.", total, years[0]->period.to);
    return finish(std::move(q), year_texts(years[0]->period.to), wrong, s.id, s.sources,
                  years[0]->sources, random);
  }

  std::optional<Question> event_year(const Slot& slot, Random& random) {
    const auto& e = m_facts.events[slot.index];
    std::vector<int> years;
    for (const auto& other : m_facts.events) {
      if (other.date.year != e.date.year &&
          std::find(years.begin(), years.end(), other.date.year) == years.end()) {
        years.push_back(other.date.year);
      }
    }
    if (years.size() < 3) return std::nullopt;
    std::stable_sort(years.begin(), years.end(), [&](int a, int b) {
      return std::abs(a - e.date.year) < std::abs(b - e.date.year);
    });
    const std::string year = std::to_string(e.date.year);
    const auto title = [&] {
      return without_final_stop(model::localized(e, &model::Event::title));
    };
    if (in_any_language([&] {
          return say("In which year did this happen: {}?", title()).find(year) != std::string::npos;
        }))
      return std::nullopt;  // says its year
    Question q;
    q.kind = slot.kind;
    q.prompt = say("In which year did this happen: {}?", title());
    std::vector<Texts> wrong;
    for (int y : pick_near(years, 3, 6, random)) wrong.push_back(year_texts(y));
    // The sentence, with the date unless it gives the year already.
    const std::string_view sentence = explanation_of(model::localized(e, &model::Event::summary));
    q.explanation =
        sentence.find(year) != std::string_view::npos
            ? std::string(sentence)
            : say("{} ({}).", without_final_stop(sentence), model::display_date(e.date));
    return finish(std::move(q), year_texts(e.date.year), wrong, e.id, e.sources, {}, random);
  }

  std::optional<Question> event_first(const Slot& slot, Random& random) {
    const auto& e = m_facts.events[slot.index];
    // A title that says "first" would answer "which came first?" by its wording: in any
    // language (a Korean title says "처음으로", not the prompt's "먼저", an English one "first").
    const auto says_first = [&](const model::Event& event) {
      return in_any_language([&] {
        return share_word(model::localized(event, &model::Event::title),
                          tr("Which of these happened first?"));
      });
    };
    if (says_first(e)) return std::nullopt;
    std::vector<const model::Event*> later;
    for (const auto& other : m_facts.events) {
      if (other.date.year > e.date.year && other.title != e.title && !says_first(other)) {
        later.push_back(&other);
      }
    }
    if (later.size() < 3) return std::nullopt;
    std::stable_sort(later.begin(), later.end(),
                     [](const auto* a, const auto* b) { return a->date < b->date; });
    const auto picked = pick_near(later, 3, 8, random);
    const auto title = [](const model::Event& event) {
      return in_each_language(
          [&] { return without_final_stop(model::localized(event, &model::Event::title)); });
    };
    std::vector<std::string_view> titles;
    std::vector<Texts> wrong;
    for (const auto* p : picked) {
      if (std::find(titles.begin(), titles.end(), p->title) != titles.end()) return std::nullopt;
      titles.push_back(p->title);
      wrong.push_back(title(*p));
    }
    Question q;
    q.kind = slot.kind;
    q.prompt = tr("Which of these happened first?");
    std::vector<model::Date> when;
    for (const auto* p : picked) when.push_back(p->date);
    std::sort(when.begin(), when.end());
    std::vector<std::string> dates;
    for (const auto& date : when) dates.push_back(model::display_date(date));
    q.explanation = say("It is dated {}; the others {}.", model::display_date(e.date),
                        list_of(std::vector<std::string_view>(dates.begin(), dates.end())));
    return finish(std::move(q), title(e), wrong, e.id, e.sources, {}, random);
  }

  // A place of a route's path in the display language: the twin's place at the same
  // position (countries are found in the English path, by is_country).
  static std::string shown_place(const model::Route& route, std::size_t i) {
    const model::TextList path = model::localized(route, &model::Route::path);
    return std::string(i < path.size() ? path[i] : route.path[i]);
  }

  std::optional<Question> route_country(const Slot& slot, Random& random) {
    const auto& r = m_facts.routes[slot.index];
    const std::string_view place = r.path[slot.detail];
    const auto name = [&] { return std::string(model::localized(r, &model::Route::name)); };
    if (!is_country(place) || in_any_language([&] {
          return share_word(name(), place) || share_word(name(), shown_place(r, slot.detail));
        }))
      return std::nullopt;
    const Texts right = in_each_language([&] { return shown_place(r, slot.detail); });
    // The countries of the other routes that this one does not pass through.
    const auto countries = option_pool(right, [&](const auto& offer) {
      for (const auto& other : m_facts.routes) {
        for (std::size_t i = 0; i < other.path.size(); ++i) {
          const auto p = other.path[i];
          if (is_country(p) && std::find(r.path.begin(), r.path.end(), p) == r.path.end())
            offer(in_each_language([&] { return shown_place(other, i); }));
        }
      }
    });
    if (countries.size() < 3) return std::nullopt;
    Question q;
    q.kind = slot.kind;
    q.prompt = say("Which of these countries does the route \u201c{}\u201d pass through?", name());
    q.explanation =
        say("The route goes {}.", joined(model::localized(r, &model::Route::path), " \u2192 "));
    return finish(std::move(q), right, pick_any(countries, 3, random), r.id, r.sources, {}, random);
  }

  std::optional<Question> route_danger(const Slot& slot, Random& random) {
    const auto& r = m_facts.routes[slot.index];
    const auto* danger = find_danger(r.dangers[slot.detail]);
    if (!danger) return std::nullopt;
    const auto name = [&] { return std::string(model::localized(r, &model::Route::name)); };
    const auto danger_name = [](const model::Danger& d) {
      return in_each_language(
          [&] { return std::string(model::localized(d, &model::Danger::name)); });
    };
    const Texts right = danger_name(*danger);
    if (in_any_language([&] { return shown(right).empty() || share_word(name(), shown(right)); }))
      return std::nullopt;
    // The dangers not listed for this route.
    const auto others = option_pool(right, [&](const auto& offer) {
      for (const auto& d : m_facts.dangers) {
        if (std::find(r.dangers.begin(), r.dangers.end(), d.id) == r.dangers.end())
          offer(danger_name(d));
      }
    });
    if (others.size() < 3) return std::nullopt;
    Question q;
    q.kind = slot.kind;
    q.prompt = say("Which of these dangers is listed for the route \u201c{}\u201d?", name());
    q.explanation = say("\u201c{}\u201d is one of this route's dangers ({}).", shown(right),
                        model::localized(*danger, &model::Danger::where));
    return finish(std::move(q), right, pick_any(others, 3, random), r.id, r.sources,
                  danger->sources, random);
  }

  // danger_place and danger_where: a danger's name from its place, or its place from its
  // name. The wrong options are the other dangers' `field`, leaving out the dangers of a
  // place that overlaps this one ("China" and "China, Vietnam and Laos"): they would be
  // right too.
  std::optional<Question> danger_place_or_where(const Slot& slot, Random& random) {
    const auto& d = m_facts.dangers[slot.index];
    const auto text = [](const model::Danger& danger, model::Text model::Danger::*field) {
      return std::string(model::localized(danger, field));
    };
    const auto where = [&] { return text(d, &model::Danger::where); };
    const auto name = [&] { return text(d, &model::Danger::name); };
    if (in_any_language(
            [&] { return where().empty() || name().empty() || share_word(where(), name()); }))
      return std::nullopt;
    const bool place = slot.kind == Template::danger_place;
    const auto field = place ? &model::Danger::name : &model::Danger::where;
    const auto others =
        option_pool(in_each_language([&] { return text(d, field); }), [&](const auto& offer) {
          for (const auto& other : m_facts.dangers) {
            if (&other != &d && !in_any_language([&] {
                  return places_overlap(text(other, &model::Danger::where), where());
                }))
              offer(in_each_language([&] { return text(other, field); }));
          }
        });
    if (others.size() < 3) return std::nullopt;
    Question q;
    q.kind = slot.kind;
    q.prompt = place ? say("Which of these dangers belongs to this place: {}?",
                           without_final_stop(where()))
                     : say("Where does this danger arise: {}?", without_final_stop(name()));
    q.explanation = std::string(explanation_of(model::localized(d, &model::Danger::summary)));
    return finish(std::move(q), in_each_language([&] { return text(d, field); }),
                  pick_any(others, 3, random), d.id, d.sources, {}, random);
  }

  std::optional<Question> claim_true_false(const Slot& slot, Random&) {
    const auto& c = m_facts.claims[slot.index];
    if (!asked_in_every_language(c)) return std::nullopt;
    if (c.verdict != model::Verdict::accurate && c.verdict != model::Verdict::wrong) {
      return std::nullopt;  // not settled: asked as "how does it stand?" instead
    }
    Question q;
    q.kind = slot.kind;
    q.explanation = std::string(explanation_of(model::localized(c, &model::Claim::summary)));
    q.prompt = say("True or false? {}", model::localized(c, &model::Claim::statement));
    q.options = {std::string(tr("True")), std::string(tr("False"))};
    q.answer = c.verdict == model::Verdict::accurate ? 0 : 1;
    q.record = std::string(c.id);
    q.sources.assign(c.sources.begin(), c.sources.end());
    return q;
  }

  std::optional<Question> claim_verdict(const Slot& slot, Random& random) {
    const auto& c = m_facts.claims[slot.index];
    if (!asked_in_every_language(c)) return std::nullopt;
    Question q;
    q.kind = slot.kind;
    q.explanation = std::string(explanation_of(model::localized(c, &model::Claim::summary)));
    q.prompt = say("How does this claim stand against the sources? {}",
                   model::localized(c, &model::Claim::statement));
    const auto label = [](model::Verdict v) {
      return in_each_language([&] { return verdict_label(v); });
    };
    std::vector<Texts> wrong;
    for (const auto v : k_verdicts) {
      if (v != c.verdict) wrong.push_back(label(v));
    }
    wrong = pick_any(wrong, 3, random);
    return finish(std::move(q), label(c.verdict), wrong, c.id, c.sources, {}, random);
  }

  static bool asked_in_every_language(const model::Claim& c) {
    return !in_any_language([&] { return model::localized(c, &model::Claim::statement).empty(); });
  }

  std::optional<Question> term_korean(const Slot& slot, Random& random) {
    const auto& t = m_facts.terms[slot.index];
    const auto korean = [](const model::Term& term) {
      return in_each_language(
          [&] { return std::string(model::localized(term, &model::Term::korean)); });
    };
    const Texts right = korean(t);
    // Only words of the same shape: a pair "A · B" among single words is given away.
    const auto others = option_pool(right, [&](const auto& offer) {
      for (const auto& other : m_facts.terms) {
        Texts texts = korean(other);
        if (same_shape(texts, right)) offer(std::move(texts));
      }
    });
    if (any_empty(right) || others.size() < 3) return std::nullopt;
    const std::string term(model::localized(t, &model::Term::term));
    Question q;
    q.kind = slot.kind;
    q.prompt = say("Which Korean word is used for \u201c{}\u201d?", term);
    q.explanation =
        t.romanization.empty()
            ? say("\u201c{}\u201d is {} in Korean.", term, shown(right))
            : say("\u201c{}\u201d is {} ({}) in Korean.", term, shown(right), t.romanization);
    return finish(std::move(q), right, pick_any(others, 3, random), t.id, t.sources, {}, random);
  }

  // The options of term_meaning: in Korean the Korean words (the definition is Korean),
  // else the terms.
  static std::string meaning_word(const model::Term& term) {
    return std::string(in_korean() && !term.korean.empty() ? term.korean : term.term);
  }

  std::optional<Question> term_meaning(const Slot& slot, Random& random) {
    const auto& t = m_facts.terms[slot.index];
    const auto definition = [&] {
      return std::string(first_sentence(model::localized(t, &model::Term::summary)));
    };
    // Not when the definition names its term ("...", or in Korean the word inside another).
    if (in_any_language([&] {
          const std::string term = meaning_word(t);
          const std::string text = definition();
          return term.empty() || text.empty() || share_word(text, term) ||
                 (in_korean() && text.find(term) != std::string::npos);
        }))
      return std::nullopt;
    const Texts right = in_each_language([&] { return meaning_word(t); });
    // Only words of the same shape, as for term_korean: "A · B" among single words.
    const auto others = option_pool(right, [&](const auto& offer) {
      for (const auto& other : m_facts.terms) {
        Texts texts = in_each_language([&] { return meaning_word(other); });
        if (same_shape(texts, right)) offer(std::move(texts));
      }
    });
    if (others.size() < 3) return std::nullopt;
    const std::string& term = shown(right);
    Question q;
    q.kind = slot.kind;
    q.prompt = say("Which term does this describe? {}", definition());
    q.explanation = t.korean.empty() || in_korean()
                        ? say("It is \u201c{}\u201d.", term)
                        : say("It is \u201c{}\u201d, in Korean {}.", term,
                              model::localized(t, &model::Term::korean));
    return finish(std::move(q), right, pick_any(others, 3, random), t.id, t.sources, {}, random);
  }

  // True when `a` and `b` are both pairs "A · B" or both single words, in every language.
  static bool same_shape(const Texts& a, const Texts& b) {
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (is_pair(a[i]) != is_pair(b[i])) return false;
    }
    return true;
  }

  // A year as an option in every language: "2014", in Korean "2014년".
  static Texts year_texts(int year) {
    return in_each_language([&] { return year_option(year); });
  }

  static bool is_pair(std::string_view text) {
    return text.find("\u00b7") != std::string_view::npos;
  }

  static std::string number_text(double value, std::string_view unit) {
    return render::format_quantity(model::Quantity{value, value}, unit, true);
  }

  const model::Danger* find_danger(std::string_view id) const {
    for (const auto& d : m_facts.dangers) {
      if (d.id == id) return &d;
    }
    return nullptr;
  }

  // Every number the facts give in `unit`: the figures' values and bounds, the yearly
  // totals of the series counted in it and, for percent, the series' yearly shares.
  const std::vector<double>& unit_pool(std::string_view unit) {
    auto found = m_pools.find(unit);
    if (found != m_pools.end()) return found->second;
    std::vector<double> pool;
    for (const auto& f : m_facts.figures) {
      if (f.unit != unit) continue;
      if (f.value.low) pool.push_back(*f.value.low);
      if (f.value.high) pool.push_back(*f.value.high);
    }
    for (const auto& s : m_facts.series) {
      std::size_t share = s.columns.size();
      for (std::size_t c = 0; c < s.columns.size(); ++c) {
        if (s.columns[c] == s.share_column) share = c;
      }
      for (const auto& p : s.points) {
        if (!p.period.is_single_year()) continue;
        if (s.unit == unit) pool.push_back(p.total());
        if (unit == "percent" && share < p.values.size() && p.total() > 0) {
          pool.push_back(std::round(1000.0 * p.values[share] / p.total()) / 10.0);
        }
      }
    }
    return m_pools.emplace(std::string(unit), std::move(pool)).first->second;
  }

  // The numbers of `pool` that could be mistaken for `answer`: shown differently, positive,
  // above `floor`, within a factor of 50, the closest first.
  static std::vector<double> numbers_near(const std::vector<double>& pool, double answer,
                                          double floor) {
    // Shown with at most three decimals (util::format_number): equal when equal so rounded.
    const auto shown = [](double v) { return std::llround(v * 1000.0); };
    std::vector<double> out;
    for (const double v : pool) {
      if (v <= floor || v <= 0 || answer <= 0) continue;
      if (std::abs(std::log(v / answer)) > std::log(50.0)) continue;
      if (shown(v) == shown(answer)) continue;
      if (std::none_of(out.begin(), out.end(), [&](double o) { return shown(o) == shown(v); })) {
        out.push_back(v);
      }
    }
    std::stable_sort(out.begin(), out.end(), [&](double a, double b) {
      return std::abs(std::log(a / answer)) < std::abs(std::log(b / answer));
    });
    return out;
  }

  std::optional<Question> numeric(Question q, double answer, const std::vector<double>& wrong,
                                  std::string_view unit, std::string explanation,
                                  std::string_view record, model::TextList sources,
                                  model::TextList more_sources, Random& random) {
    std::vector<double> values(wrong);
    values.push_back(answer);
    random.shuffle(values);
    for (const double v : values) q.options.push_back(number_text(v, unit));
    q.answer =
        static_cast<std::size_t>(std::find(values.begin(), values.end(), answer) - values.begin());
    q.values = std::move(values);
    q.unit = std::string(unit);
    q.explanation = std::move(explanation);
    q.record = std::string(record);
    q.sources.assign(sources.begin(), sources.end());
    q.sources.insert(q.sources.end(), more_sources.begin(), more_sources.end());
    return q;
  }

  // The question with `right` and three of `wrong` in a random order, written in the
  // display language; nullopt unless the four are distinct in every language.
  static std::optional<Question> finish(Question q, const Texts& right,
                                        const std::vector<Texts>& wrong, std::string_view record,
                                        model::TextList sources, model::TextList more_sources,
                                        Random& random) {
    if (any_empty(right) || wrong.size() < 3) return std::nullopt;
    std::vector<const Texts*> options = {&wrong[0], &wrong[1], &wrong[2], &right};
    for (std::size_t i = 0; i < options.size(); ++i) {
      for (std::size_t k = i + 1; k < options.size(); ++k) {
        if (any_equal(*options[i], *options[k])) return std::nullopt;
      }
    }
    random.shuffle(options);
    for (std::size_t i = 0; i < options.size(); ++i) {
      q.options.push_back(shown(*options[i]));
      if (options[i] == &right) q.answer = i;
    }
    q.record = std::string(record);
    q.sources.assign(sources.begin(), sources.end());
    q.sources.insert(q.sources.end(), more_sources.begin(), more_sources.end());
    return q;
  }

  const model::FactBase& m_facts;
  std::map<std::string, std::vector<double>, std::less<>> m_pools;
};

const Builder::Entry Builder::k_builders[] = {
    {Template::figure_value, &Builder::figure_value},
    {Template::series_year, &Builder::series_count},
    {Template::series_part, &Builder::series_count},
    {Template::series_peak, &Builder::series_peak},
    {Template::event_year, &Builder::event_year},
    {Template::event_first, &Builder::event_first},
    {Template::route_country, &Builder::route_country},
    {Template::route_danger, &Builder::route_danger},
    {Template::danger_place, &Builder::danger_place_or_where},
    {Template::danger_where, &Builder::danger_place_or_where},
    {Template::claim_true_false, &Builder::claim_true_false},
    {Template::claim_verdict, &Builder::claim_verdict},
    {Template::term_korean, &Builder::term_korean},
    {Template::term_meaning, &Builder::term_meaning},
};

std::optional<Question> Builder::build(const Slot& slot, Random& random) {
  for (const auto& entry : k_builders) {
    if (entry.kind == slot.kind) return (this->*entry.build)(slot, random);
  }
  return std::nullopt;
}

bool about(std::optional<model::Kind> topic, Template kind) {
  return !topic || *topic == template_topic(kind);
}

// Every question the facts could give for `kind`, unbuilt.
std::vector<Slot> slots_of(const model::FactBase& facts, Template kind) {
  std::vector<Slot> out;
  const auto u32 = [](std::size_t n) { return static_cast<std::uint32_t>(n); };
  switch (kind) {
    case Template::figure_value:
      for (std::size_t i = 0; i < facts.figures.size(); ++i) out.push_back({kind, u32(i)});
      break;
    case Template::series_year:
    case Template::series_part:
      for (std::size_t i = 0; i < facts.series.size(); ++i) {
        const auto& s = facts.series[i];
        if (kind == Template::series_part && s.columns.size() < 2) continue;
        for (std::size_t p = 0; p < s.points.size(); ++p) {
          if (!s.points[p].period.is_single_year()) continue;
          if (kind == Template::series_year) {
            out.push_back({kind, u32(i), u32(p)});
          } else {
            for (std::size_t c = 0; c < s.columns.size() && c < s.points[p].values.size(); ++c) {
              out.push_back({kind, u32(i), u32(p), u32(c)});
            }
          }
        }
      }
      break;
    case Template::series_peak:
      for (std::size_t i = 0; i < facts.series.size(); ++i) {
        out.push_back({kind, u32(i), 0});
        out.push_back({kind, u32(i), 1});
      }
      break;
    case Template::event_year:
    case Template::event_first:
      for (std::size_t i = 0; i < facts.events.size(); ++i) out.push_back({kind, u32(i)});
      break;
    case Template::route_country:
      for (std::size_t i = 0; i < facts.routes.size(); ++i) {
        for (std::size_t p = 0; p < facts.routes[i].path.size(); ++p) {
          if (is_country(facts.routes[i].path[p])) out.push_back({kind, u32(i), u32(p)});
        }
      }
      break;
    case Template::route_danger:
      for (std::size_t i = 0; i < facts.routes.size(); ++i) {
        for (std::size_t d = 0; d < facts.routes[i].dangers.size(); ++d)
          out.push_back({kind, u32(i), u32(d)});
      }
      break;
    case Template::danger_place:
    case Template::danger_where:
      for (std::size_t i = 0; i < facts.dangers.size(); ++i) out.push_back({kind, u32(i)});
      break;
    case Template::claim_true_false:
      for (std::size_t i = 0; i < facts.claims.size(); ++i) {
        const auto v = facts.claims[i].verdict;
        if (v == model::Verdict::accurate || v == model::Verdict::wrong) {
          out.push_back({kind, u32(i), 0, 0, v == model::Verdict::accurate});
        }
      }
      break;
    case Template::claim_verdict:
      for (std::size_t i = 0; i < facts.claims.size(); ++i) out.push_back({kind, u32(i)});
      break;
    case Template::term_korean:
    case Template::term_meaning:
      for (std::size_t i = 0; i < facts.terms.size(); ++i) out.push_back({kind, u32(i)});
      break;
  }
  return out;
}

// What no two questions of one quiz may share: the record, and for a series the year.
std::string subject_key(const model::FactBase& facts, const Slot& slot) {
  switch (slot.kind) {
    case Template::series_year:
    case Template::series_part:
      return fmt::format("{}#{}", facts.series[slot.index].id,
                         facts.series[slot.index].points[slot.detail].period.to);
    case Template::series_peak:
      return fmt::format("{}#{}", facts.series[slot.index].id,
                         slot.detail == 0 ? "most" : "fewest");
    default:
      return fmt::format("{}:{}", static_cast<int>(template_topic(slot.kind)), slot.index);
  }
}

}  // namespace

std::string_view template_name(Template kind) {
  switch (kind) {
    case Template::figure_value:
      return "figure-value";
    case Template::series_year:
      return "series-year";
    case Template::series_part:
      return "series-part";
    case Template::series_peak:
      return "series-peak";
    case Template::event_year:
      return "event-year";
    case Template::event_first:
      return "event-first";
    case Template::route_country:
      return "route-country";
    case Template::route_danger:
      return "route-danger";
    case Template::danger_place:
      return "danger-place";
    case Template::danger_where:
      return "danger-where";
    case Template::claim_true_false:
      return "claim-true-false";
    case Template::claim_verdict:
      return "claim-verdict";
    case Template::term_korean:
      return "term-korean";
    case Template::term_meaning:
      return "term-meaning";
  }
  return "";
}

model::Kind template_topic(Template kind) {
  switch (kind) {
    case Template::figure_value:
    case Template::series_year:
    case Template::series_part:
    case Template::series_peak:
      return model::Kind::figure;
    case Template::event_year:
    case Template::event_first:
      return model::Kind::event;
    case Template::route_country:
    case Template::route_danger:
      return model::Kind::route;
    case Template::danger_place:
    case Template::danger_where:
      return model::Kind::danger;
    case Template::claim_true_false:
    case Template::claim_verdict:
      return model::Kind::claim;
    case Template::term_korean:
    case Template::term_meaning:
      return model::Kind::term;
  }
  return model::Kind::figure;
}

std::string_view first_sentence(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c != '.' && c != '!' && c != '?') continue;
    std::size_t end = i + 1;
    // A closing quotation mark belongs to the sentence.
    if (text.substr(end, 1) == "\"") end += 1;
    if (text.substr(end, 3) == "\u201d") end += 3;
    if (end >= text.size()) return text.substr(0, end);
    if (text[end] != ' ') continue;
    // "U.S. Committee", "a.m. and", "No. 5": not the end of a sentence.
    std::size_t word = i;
    while (word > 0 && text[word - 1] != ' ') --word;
    const std::string_view before = text.substr(word, i - word);
    if (c == '.' &&
        (before.size() <= 1 || before.find('.') != std::string_view::npos || before == "Mr" ||
         before == "Mrs" || before == "Dr" || before == "St" || before == "No" || before == "vs")) {
      continue;
    }
    std::size_t next = end;
    while (next < text.size() && text[next] == ' ') ++next;
    if (next < text.size() && text[next] >= 'a' && text[next] <= 'z') continue;
    return text.substr(0, end);
  }
  return text;
}

std::uint64_t Random::next() {
  std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

std::size_t Random::below(std::size_t bound) {
  return static_cast<std::size_t>(next() % bound);
}

std::size_t quiz_capacity(const model::FactBase& facts, std::optional<model::Kind> topic) {
  Builder builder(facts);
  Random random(0);
  std::size_t count = 0;
  for (const auto kind : k_templates) {
    if (!about(topic, kind)) continue;
    for (const auto& slot : slots_of(facts, kind)) {
      if (builder.build(slot, random)) ++count;
    }
  }
  return count;
}

std::size_t quiz_most(const model::FactBase& facts, std::optional<model::Kind> topic) {
  Builder builder(facts);
  Random random(0);
  std::set<std::string> subjects;
  for (const auto kind : k_templates) {
    if (!about(topic, kind)) continue;
    for (const auto& slot : slots_of(facts, kind)) {
      auto key = subject_key(facts, slot);
      if (!subjects.count(key) && builder.build(slot, random)) subjects.insert(std::move(key));
    }
  }
  return subjects.size();
}

std::vector<Question> make_quiz(const model::FactBase& facts, std::optional<model::Kind> topic,
                                std::size_t count, std::uint64_t seed) {
  Random random(seed);
  Builder builder(facts);
  // The templates in a random order, each with the questions it could ask; the quiz
  // takes one question from each in turn.
  std::vector<std::pair<Template, std::vector<Slot>>> templates;
  for (const auto kind : k_templates) {
    if (!about(topic, kind)) continue;
    auto slots = slots_of(facts, kind);
    if (!slots.empty()) templates.emplace_back(kind, std::move(slots));
  }
  random.shuffle(templates);
  std::set<std::string> asked;
  std::vector<Question> quiz;
  std::size_t turn = 0;
  while (quiz.size() < count && !templates.empty()) {
    turn %= templates.size();
    auto& slots = templates[turn].second;
    std::optional<Question> question;
    while (!question && !slots.empty()) {
      std::size_t pick = random.below(slots.size());
      if (templates[turn].first == Template::claim_true_false) {
        // As many "false" as "true" answers: pick the answer first, then a claim.
        const bool want = random.below(2) == 0;
        std::vector<std::size_t> same;
        for (std::size_t i = 0; i < slots.size(); ++i) {
          if (slots[i].group == want) same.push_back(i);
        }
        if (!same.empty()) pick = same[random.below(same.size())];
      }
      const Slot slot = slots[pick];
      slots[pick] = slots.back();
      slots.pop_back();
      auto key = subject_key(facts, slot);
      if (asked.count(key)) continue;
      question = builder.build(slot, random);
      if (question) asked.insert(std::move(key));
    }
    if (question) quiz.push_back(std::move(*question));
    if (slots.empty()) {
      templates.erase(templates.begin() + static_cast<std::ptrdiff_t>(turn));
    } else {
      ++turn;
    }
  }
  random.shuffle(quiz);
  return quiz;
}

}  // namespace nkfacts::commands

#include "query/terms.hpp"

#include <algorithm>
#include <array>

#include "util/words.hpp"

// libstemmer's own entry point, sb_stemmer_new, looks the algorithm up in a table of all
// of them, which would link some thirty languages' stemmers (half a megabyte) into the
// static binary. The English stemmer is called directly instead; its environment starts
// with the fields below (libstemmer's api.h, unchanged since Snowball 2.0).
extern "C" {
struct SN_env {
  unsigned char* p;
  int c;
  int l;
};
SN_env* english_UTF_8_create_env(void);
int english_UTF_8_stem(SN_env* z);
int SN_set_current(SN_env* z, int size, const unsigned char* s);
}

namespace nkfacts::query {

void english_stem(std::string_view word, std::string& out) {
  // Kept until the process ends, like the fact base: one small allocation.
  static SN_env* const env = english_UTF_8_create_env();
  if (env == nullptr || word.size() > 64 ||
      SN_set_current(env, static_cast<int>(word.size()),
                     reinterpret_cast<const unsigned char*>(word.data())) != 0 ||
      english_UTF_8_stem(env) < 0) {
    out.assign(word);
    return;
  }
  out.assign(reinterpret_cast<const char*>(env->p), static_cast<std::size_t>(env->l));
}

void term_of(std::string_view folded_word, std::string& out) {
  if (is_english_word(folded_word)) {
    english_stem(folded_word, out);
  } else {
    out.assign(util::strip_korean_particle(folded_word));
  }
}

std::string term_of(std::string_view folded_word) {
  std::string out;
  term_of(folded_word, out);
  return out;
}

bool is_stop_word(std::string_view folded_word) {
  // Sorted, for binary search.
  static constexpr std::array<std::string_view, 93> k_stop_words = {
      "a",      "about",   "am",      "an",    "and",  "any",   "are",  "as",    "at",     "be",
      "been",   "being",   "but",     "by",    "can",  "could", "did",  "do",    "does",   "doing",
      "for",    "from",    "get",     "gets",  "got",  "had",   "has",  "have",  "he",     "her",
      "here",   "his",     "how",     "i",     "if",   "in",    "into", "is",    "it",     "its",
      "just",   "know",    "like",    "lot",   "many", "may",   "me",   "might", "more",   "most",
      "much",   "must",    "my",      "of",    "on",   "or",    "our",  "she",   "should", "so",
      "some",   "tell",    "than",    "that",  "the",  "their", "them", "then",  "there",  "these",
      "they",   "this",    "those",   "to",    "was",  "we",    "were", "what",  "when",   "where",
      "which",  "who",     "whom",    "whose", "why",  "will",  "with", "would", "you",    "your",
      "happen", "happens", "happened"};
  static const auto sorted = [] {
    auto words = k_stop_words;
    std::sort(words.begin(), words.end());
    return words;
  }();
  return std::binary_search(sorted.begin(), sorted.end(), folded_word);
}

}  // namespace nkfacts::query

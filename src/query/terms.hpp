// The terms search matches words by: English words by their Snowball stems ("escaping",
// "escaped" and "escape" are all "escap"), Hangul words without their particle ("탈북민의"
// is "탈북민"), anything else (numbers, other scripts) as it is. And the question and
// function words a query need not match.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>

#include "util/scan.hpp"

namespace nkfacts::query {

// Whether a folded word (util::fold_word) is an English one, of letters a-z only: the
// words that are matched and indexed by their stems.
inline bool is_english_word(std::string_view folded_word) {
  return !folded_word.empty() && std::all_of(folded_word.begin(), folded_word.end(), [](char c) {
    return util::is_ascii_lower_letter(static_cast<unsigned char>(c));
  });
}

// The Snowball English stem of a folded word of letters a-z (libstemmer's "english", the
// Porter2 algorithm).
void english_stem(std::string_view word, std::string& out);

// The term of a word folded by util::fold_word, into `out`.
void term_of(std::string_view folded_word, std::string& out);
std::string term_of(std::string_view folded_word);

// True for a word a reader's question is made of but no record is found by: "is", "it",
// "to", "how", "what", "the", "does"... (English, folded).
bool is_stop_word(std::string_view folded_word);

}  // namespace nkfacts::query

// The invariants a reader relies on in the shipped claims and glossary (facts/claims.toml,
// facts/terms.toml): every claim has a verdict from the fixed list and something that shows
// it, every term has its Korean, and no claim or term copies the source article.
//
// The copy check compares against tests/data/source-article-shingles.txt, which holds
// fingerprints of the source article's prose, not its text: the FNV-1a 64-bit hash of every
// run of seven consecutive words, after lower-casing and treating every character other than
// a-z and 0-9 as a word break (see the file's header). The same normalization and hash are
// computed here, so a claim that repeats seven words of the article in a row is caught.
//
// Not yet in tests/CMakeLists.txt: the claims and terms are still facts/claims.toml.draft
// and facts/terms.toml.draft, because the loader does not accept their `aliases` key yet.
// When it does, rename the drafts to .toml and add unit/claims_test.cpp to the unit tests.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "load/embedded.hpp"
#include "model/records.hpp"

using namespace nkfacts;

namespace {

const model::FactBase& facts() {
  static const model::FactBase base = load::embedded_fact_base();
  return base;
}

constexpr std::size_t k_shingle_words = 7;

std::uint64_t fnv1a64(std::string_view text) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

// Lower-cased ASCII words; every other byte (punctuation, digits' separators, Hangul) breaks.
std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  std::string word;
  for (const char c : text) {
    const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    if ((lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9')) {
      word += lower;
    } else if (!word.empty()) {
      out.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) out.push_back(std::move(word));
  return out;
}

// Each run of k_shingle_words words, joined by single spaces, with its hash.
std::vector<std::pair<std::string, std::uint64_t>> shingles(std::string_view text) {
  const auto ws = words(text);
  std::vector<std::pair<std::string, std::uint64_t>> out;
  for (std::size_t i = 0; i + k_shingle_words <= ws.size(); ++i) {
    std::string run = ws[i];
    for (std::size_t j = 1; j < k_shingle_words; ++j) run += ' ' + ws[i + j];
    const auto hash = fnv1a64(run);
    out.emplace_back(std::move(run), hash);
  }
  return out;
}

const std::unordered_set<std::uint64_t>& article_fingerprints() {
  static const std::unordered_set<std::uint64_t> set = [] {
    std::unordered_set<std::uint64_t> out;
    std::ifstream in(NKFACTS_TEST_DATA_DIR "/source-article-shingles.txt");
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      out.insert(std::stoull(line, nullptr, 16));
    }
    return out;
  }();
  return set;
}

// The first run of words in `text` that the article also has, or "" when there is none.
std::string copied_run(std::string_view text) {
  for (const auto& [run, hash] : shingles(text)) {
    if (article_fingerprints().count(hash) != 0) return run;
  }
  return {};
}

bool has_hangul(std::string_view text) {
  // Hangul syllables U+AC00..U+D7A3 and jamo U+1100..U+11FF, U+3130..U+318F, decoded from
  // the UTF-8 the loader has already validated.
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto b0 = static_cast<unsigned char>(text[i]);
    if ((b0 & 0xF0) != 0xE0 || i + 2 >= text.size()) continue;
    const auto b1 = static_cast<unsigned char>(text[i + 1]);
    const auto b2 = static_cast<unsigned char>(text[i + 2]);
    const char32_t cp = (char32_t{b0 & 0x0Fu} << 12) | (char32_t{b1 & 0x3Fu} << 6) | (b2 & 0x3Fu);
    if ((cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x1100 && cp <= 0x11FF) ||
        (cp >= 0x3130 && cp <= 0x318F)) {
      return true;
    }
  }
  return false;
}

}  // namespace

TEST_CASE("the copy check's hash is FNV-1a 64 and its words are normalized") {
  // Published FNV-1a 64-bit test vectors: the fixture was made with the same function.
  CHECK(fnv1a64("") == 0xcbf29ce484222325ULL);
  CHECK(fnv1a64("a") == 0xaf63dc4c8601ec8cULL);
  CHECK(fnv1a64("foobar") == 0x85944171f73967e8ULL);
  CHECK(words("North Korea's 30,000 — 탈북민 DMZ!") ==
        std::vector<std::string>{"north", "korea", "s", "30", "000", "dmz"});
  const auto runs = shingles("One two three four five six seven eight");
  REQUIRE(runs.size() == 2);
  CHECK(runs[0].first == "one two three four five six seven");
  CHECK(runs[1].first == "two three four five six seven eight");
}

TEST_CASE("the article's fingerprints are there") {
  // Its prose has about 600 words, so about as many runs; an empty or unreadable fixture
  // would make the copy check pass for anything.
  CHECK(article_fingerprints().size() > 500);
}

TEST_CASE("every claim has a verdict from the list and something that shows it") {
  REQUIRE_FALSE(facts().claims.empty());
  const std::set<std::string_view> verdicts = {"accurate", "outdated", "wrong", "unverified",
                                               "disputed"};
  std::set<std::string_view> used;
  for (const auto& claim : facts().claims) {
    INFO(claim.id);
    const auto verdict = model::verdict_name(claim.verdict);
    CHECK(verdicts.count(verdict) == 1);
    used.insert(verdict);
    CHECK_FALSE(claim.statement.empty());
    CHECK_FALSE(claim.summary.empty());
    CHECK_FALSE(claim.claimed_by.empty());
    CHECK((!claim.evidence.empty() || !claim.sources.empty()));
    CHECK_FALSE(claim.sources.empty());
    for (const auto id : claim.evidence) {
      INFO(id);
      const auto* ref = facts().find(id);
      REQUIRE(ref != nullptr);
      CHECK(ref->kind != model::Kind::reference);
    }
  }
  // The shipped claims use every verdict: a verdict read or named wrongly would show here.
  CHECK(used == verdicts);
}

TEST_CASE("every statement of the source article's that the issue lists is a claim") {
  for (const char* id :
       {"claim-leaving-is-a-crime", "claim-nationality-for-life", "claim-caught-escapees-imprisoned",
        "claim-caught-escapees-executed-in-public", "claim-family-punished", "claim-famine-1990s",
        "claim-more-than-30000", "claim-100000-to-300000-since-1953", "claim-most-arrivals-women",
        "claim-constitution-citizenship", "claim-dmz-mines-and-guards", "claim-orders-to-shoot",
        "claim-south-korean-soldiers-help", "claim-21-crossed-the-dmz", "claim-swam-to-japan",
        "claim-escapes-start-at-the-rivers", "claim-china-sends-back", "claim-women-sold-in-china",
        "claim-transit-countries", "claim-us-community", "claim-us-act-2004",
        "claim-about-130-us-refugees"}) {
    INFO(id);
    const auto* ref = facts().find(id);
    REQUIRE(ref != nullptr);
    CHECK(ref->kind == model::Kind::claim);
    const auto& claim = facts().claims[ref->index];
    CHECK(std::find(claim.claimed_by.begin(), claim.claimed_by.end(), "source-article") !=
          claim.claimed_by.end());
  }
}

TEST_CASE("the verdicts the research settled stay as they are") {
  auto verdict = [](std::string_view id) {
    const auto* ref = facts().find(id);
    REQUIRE(ref != nullptr);
    return model::verdict_name(facts().claims[ref->index].verdict);
  };
  CHECK(verdict("claim-more-than-30000") == "accurate");
  CHECK(verdict("claim-most-arrivals-women") == "accurate");
  CHECK(verdict("claim-100000-to-300000-since-1953") == "unverified");
  CHECK(verdict("claim-21-crossed-the-dmz") == "unverified");
  CHECK(verdict("claim-swam-to-japan") == "wrong");
  CHECK(verdict("claim-about-130-us-refugees") == "outdated");
}

TEST_CASE("every term has its Korean in Hangul, a romanization and sources") {
  REQUIRE_FALSE(facts().terms.empty());
  for (const auto& term : facts().terms) {
    INFO(term.id);
    CHECK(has_hangul(term.korean));
    CHECK_FALSE(term.romanization.empty());
    CHECK_FALSE(has_hangul(term.romanization));
    CHECK_FALSE(term.summary.empty());
    CHECK_FALSE(term.sources.empty());
  }
  CHECK_FALSE(has_hangul("bukhan italjumin"));
  CHECK(has_hangul("북한이탈주민"));
}

TEST_CASE("the glossary has the words the issue asks for") {
  std::set<std::string_view> korean;
  for (const auto& term : facts().terms) korean.insert(term.korean);
  for (const char* word : {"북한이탈주민", "탈북민", "새터민", "북향민", "하나원", "강제송환", "브로커",
                           "비무장지대", "군사분계선", "북방한계선", "제3국", "성분"}) {
    INFO(word);
    CHECK(korean.count(word) == 1);
  }
}

TEST_CASE("no claim or term copies a run of seven words from the source article") {
  for (const auto& claim : facts().claims) {
    INFO(claim.id);
    CHECK(copied_run(claim.statement).empty());
    CHECK(copied_run(claim.summary).empty());
    CHECK(copied_run(claim.note).empty());
  }
  for (const auto& term : facts().terms) {
    INFO(term.id);
    CHECK(copied_run(term.term).empty());
    CHECK(copied_run(term.summary).empty());
    CHECK(copied_run(term.note).empty());
  }
}

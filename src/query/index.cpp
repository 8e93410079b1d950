#include "query/index.hpp"

#include <algorithm>
#include <numeric>
#include <stdexcept>
#include <unordered_map>
#include <vector>

#include "model/schema.hpp"
#include "query/terms.hpp"
#include "util/words.hpp"

namespace nkfacts::query {

void index_term(std::string_view folded_word, std::string& out) {
  if (is_english_word(folded_word)) {
    english_stem(folded_word, out);
  } else {
    out.assign(folded_word);
  }
}

namespace {

struct WordInfo {
  std::uint32_t term = 0;
  std::uint32_t frequency = 0;
  std::uint32_t kinds = 0;
};

class Indexer {
 public:
  explicit Indexer(const model::FactBase& facts) : m_facts(facts) {}

  std::unique_ptr<model::SearchIndex> run() {
    auto index = std::make_unique<model::SearchIndex>();
    std::vector<model::IndexKind> kinds(std::size(model::k_all_kinds));
    std::uint32_t doc = 0;
    for (const auto kind : model::k_all_kinds) {
      model::visit_kind(kind, [&](auto schema) {
        using R = typename std::decay_t<decltype(model::records_of(m_facts, schema))>::value_type;
        model::IndexKind entry;
        entry.first_doc = doc;
        entry.docs = static_cast<std::uint32_t>(model::records_of(m_facts, schema).size());
        entry.first_field = static_cast<std::uint32_t>(m_fields.size());
        model::for_each_searched_field<R>([&](std::string_view key, model::SearchWeight weight) {
          for (std::size_t f = entry.first_field; f < m_fields.size(); ++f) {
            if (m_fields[f].name == key) return;
          }
          m_fields.push_back({.kind = kind, .weight = weight, .name = key});
        });
        entry.fields = static_cast<std::uint32_t>(m_fields.size()) - entry.first_field;
        // A record's fields are bits of a 64-bit set and a posting's field is 16 bits.
        if (entry.fields > 64 || m_fields.size() > 0xFFFF)
          throw std::length_error("search index: too many searched fields in the schema");
        entry.first_length = static_cast<std::uint32_t>(m_lengths.size());
        m_lengths.resize(m_lengths.size() + std::size_t{entry.docs} * entry.fields, 0);
        for (std::uint32_t i = 0; i < entry.docs; ++i) read_record(entry, {kind, i}, doc + i);
        doc += entry.docs;
        kinds[static_cast<std::size_t>(kind)] = entry;
      });
    }
    finish(*index);
    index->kinds = model::Records<model::IndexKind>(std::move(kinds));
    return index;
  }

 private:
  void read_record(const model::IndexKind& kind, const model::RecordRef& ref, std::uint32_t doc) {
    m_occurrences.clear();
    std::uint32_t* lengths =
        m_lengths.data() + kind.first_length + std::size_t{ref.index} * kind.fields;
    std::uint32_t last_field = kind.first_field;
    std::uint64_t seen = 0;  // fields counted in the record, as bits
    model::for_each_searchable(
        m_facts, ref, [&](std::string_view key, std::string_view text, model::SearchWeight) {
          if (m_fields[last_field].name != key) {
            for (last_field = kind.first_field; m_fields[last_field].name != key; ++last_field) {
            }
          }
          const std::uint32_t local = last_field - kind.first_field;
          if ((seen & (std::uint64_t{1} << local)) == 0) {
            seen |= std::uint64_t{1} << local;
            ++m_fields[last_field].records;
          }
          std::size_t begin = 0, end = 0;
          std::uint32_t words = 0;
          for (std::size_t from = 0; util::next_word(text, from, begin, end); from = end) {
            ++words;
            auto& word = m_words[word_id(text.substr(begin, end - begin))];
            ++word.frequency;
            word.kinds |= 1u << static_cast<unsigned>(ref.kind);
            m_occurrences.push_back(std::uint64_t{word.term} << 8 | local);
          }
          lengths[local] += words;
          m_fields[last_field].total_length += words;
        });
    // Each (term, field) of the record once, with its count: postings in document order,
    // and within a document in field order.
    std::sort(m_occurrences.begin(), m_occurrences.end());
    for (std::size_t i = 0; i < m_occurrences.size();) {
      std::size_t j = i + 1;
      while (j < m_occurrences.size() && m_occurrences[j] == m_occurrences[i]) ++j;
      m_postings[m_occurrences[i] >> 8].push_back(
          {.doc = doc,
           .field = static_cast<std::uint16_t>(kind.first_field + (m_occurrences[i] & 0xFF)),
           .count = static_cast<std::uint16_t>(std::min<std::size_t>(j - i, 0xFFFF))});
      i = j;
    }
  }

  // The word a word of the records' text is, by its bytes as written: most words recur, and
  // only a spelling not seen before is folded and stemmed.
  std::uint32_t word_id(std::string_view raw) {
    auto [as_written, new_spelling] = m_raw_ids.try_emplace(raw, 0);
    if (!new_spelling) return as_written->second;
    util::fold_word(raw, m_folded);
    auto [it, added] = m_word_ids.try_emplace(m_folded, 0);
    if (added) {
      it->second = static_cast<std::uint32_t>(m_words.size());
      index_term(m_folded, m_term);
      auto [term, new_term] = m_term_ids.try_emplace(m_term, 0);
      if (new_term) {
        term->second = static_cast<std::uint32_t>(m_postings.size());
        m_postings.emplace_back();
      }
      m_words.push_back({.term = term->second});
    }
    as_written->second = it->second;
    return it->second;
  }

  // Terms and words sorted, their text kept in the index's arena, the postings laid end to
  // end in term order.
  void finish(model::SearchIndex& index) {
    std::vector<std::pair<std::string_view, std::uint32_t>> terms;
    terms.reserve(m_term_ids.size());
    for (const auto& [text, id] : m_term_ids) terms.emplace_back(text, id);
    std::sort(terms.begin(), terms.end());
    // Each text once: a word is often its own term ("tumen").
    std::string blob;
    std::unordered_map<std::string_view, model::IndexText> placed;
    const auto place = [&](std::string_view text) {
      auto [it, added] = placed.try_emplace(text);
      if (added) {
        it->second = {static_cast<std::uint32_t>(blob.size()),
                      static_cast<std::uint32_t>(text.size())};
        blob += text;
      }
      return it->second;
    };
    std::vector<model::IndexTerm> term_table;
    std::vector<model::IndexPosting> postings;
    std::size_t total = 0;
    for (const auto& list : m_postings) total += list.size();
    postings.reserve(total);
    term_table.reserve(terms.size());
    for (const auto& [text, id] : terms) {
      term_table.push_back({place(text), static_cast<std::uint32_t>(postings.size())});
      postings.insert(postings.end(), m_postings[id].begin(), m_postings[id].end());
    }
    std::vector<std::pair<std::string_view, std::uint32_t>> sorted_words(m_word_ids.begin(),
                                                                         m_word_ids.end());
    std::sort(sorted_words.begin(), sorted_words.end());
    std::vector<model::IndexWord> words;
    words.reserve(sorted_words.size());
    for (const auto& [text, id] : sorted_words) {
      const auto& info = m_words[id];
      words.push_back({place(text), info.frequency, info.kinds});
    }
    index.text = index.storage.keep(blob);
    index.fields = model::Records<model::IndexField>(std::move(m_fields));
    index.lengths = model::Records<std::uint32_t>(std::move(m_lengths));
    index.terms = model::Records<model::IndexTerm>(std::move(term_table));
    index.postings = model::Records<model::IndexPosting>(std::move(postings));
    index.words = model::Records<model::IndexWord>(std::move(words));
  }

  const model::FactBase& m_facts;
  std::vector<model::IndexField> m_fields;
  std::vector<std::uint32_t> m_lengths;
  std::unordered_map<std::string_view, std::uint32_t> m_raw_ids;  // views of the records
  std::unordered_map<std::string, std::uint32_t> m_word_ids;
  std::vector<WordInfo> m_words;
  std::unordered_map<std::string, std::uint32_t> m_term_ids;
  std::vector<std::vector<model::IndexPosting>> m_postings;  // by term id
  std::vector<std::uint64_t> m_occurrences;                  // term << 8 | field, per record
  std::string m_folded, m_term;
};

}  // namespace

std::unique_ptr<model::SearchIndex> build_search_index(const model::FactBase& facts) {
  return Indexer(facts).run();
}

const model::SearchIndex& search_index_of(const model::FactBase& facts,
                                          std::unique_ptr<model::SearchIndex>& built) {
  if (const auto* index = facts.search_index()) return *index;
  if (!built) built = build_search_index(facts);
  return *built;
}

}  // namespace nkfacts::query

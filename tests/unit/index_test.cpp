#include "query/index.hpp"

#include <catch2/catch.hpp>

#include "load/embedded.hpp"
#include "load/toml_loader.hpp"
#include "query/search.hpp"

using namespace nkfacts;

namespace {

template <typename T, typename Same>
void require_same(const model::Records<T>& a, const model::Records<T>& b, Same same) {
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) REQUIRE(same(a[i], b[i]));
}

}  // namespace

TEST_CASE("the embedded index is the index the run-time indexer builds") {
  const auto facts = load::embedded_fact_base();
  REQUIRE(facts.search_index() != nullptr);
  const auto& embedded = *facts.search_index();
  const auto built = query::build_search_index(facts);
  require_same(embedded.kinds, built->kinds, [](const auto& a, const auto& b) {
    return a.first_doc == b.first_doc && a.docs == b.docs && a.first_field == b.first_field &&
           a.fields == b.fields && a.first_length == b.first_length;
  });
  require_same(embedded.fields, built->fields, [](const auto& a, const auto& b) {
    return a.kind == b.kind && a.weight == b.weight && a.name == b.name &&
           a.total_length == b.total_length && a.records == b.records;
  });
  require_same(embedded.lengths, built->lengths, [](auto a, auto b) { return a == b; });
  require_same(embedded.terms, built->terms, [&](const auto& a, const auto& b) {
    return embedded.text_of(a.text) == built->text_of(b.text) && a.first_posting == b.first_posting;
  });
  require_same(embedded.postings, built->postings, [](const auto& a, const auto& b) {
    return a.doc == b.doc && a.field == b.field && a.count == b.count;
  });
  require_same(embedded.words, built->words, [&](const auto& a, const auto& b) {
    return embedded.text_of(a.text) == built->text_of(b.text) && a.frequency == b.frequency &&
           a.kinds == b.kinds;
  });
  CHECK(embedded.text == built->text);
}

TEST_CASE("the index holds every field the schema weights, with its weight") {
  const auto facts = load::load_text(R"(
[[reference]]
id = "ref"
kind = "book"
title = "Escaping north"
publisher = "Publisher"
note = "Escapes escaped"
[[danger]]
id = "river"
name = "The Tumen River"
where = "Border"
summary = "Cold water in winter."
sources = ["ref"]
)",
                                     "t.toml")
                         .facts;
  REQUIRE(facts.search_index() == nullptr);  // loaded at run time: not indexed yet
  const auto index = query::build_search_index(facts);
  const auto& kind = index->kinds[static_cast<std::size_t>(model::Kind::danger)];
  REQUIRE(kind.docs == 1);
  // Name, id, then schema order.
  std::vector<std::pair<std::string_view, model::SearchWeight>> fields;
  for (std::uint32_t f = kind.first_field; f < kind.first_field + kind.fields; ++f)
    fields.emplace_back(index->fields[f].name, index->fields[f].weight);
  using W = model::SearchWeight;
  CHECK(fields == std::vector<std::pair<std::string_view, W>>{{"name", W::name},
                                                              {"id", W::id},
                                                              {"where", W::text},
                                                              {"summary", W::summary},
                                                              {"note", W::note},
                                                              {"aliases", W::name},
                                                              {"ko.name", W::name},
                                                              {"ko.where", W::text},
                                                              {"ko.summary", W::summary},
                                                              {"ko.note", W::note}});
  // "Escapes escaped" is one term twice in the reference's note.
  const auto term = std::find_if(index->terms.begin(), index->terms.end(),
                                 [&](const auto& t) { return index->text_of(t.text) == "escap"; });
  REQUIRE(term != index->terms.end());
  const auto postings = index->postings_of(static_cast<std::size_t>(term - index->terms.begin()));
  REQUIRE(postings.size() == 2);  // the title and the note
  CHECK(index->fields[postings[0].field].name == "title");
  CHECK(postings[0].count == 1);
  CHECK(index->fields[postings[1].field].name == "note");
  CHECK(postings[1].count == 2);
  CHECK(index->length(postings[1].doc, postings[1].field) == 2);
  // Search reads it: the title counts more than the note.
  const auto result = query::search(facts, *index, "escape");
  REQUIRE(result.hits.size() == 1);
  CHECK(result.hits[0].field == "title");
}

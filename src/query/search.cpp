#include "query/search.hpp"

#include <algorithm>
#include <cmath>

#include "util/words.hpp"

namespace nkfacts::query {
namespace {

void add(std::vector<FieldText>& fields, std::string_view name, std::string_view text,
         double weight) {
  if (!text.empty()) fields.push_back({name, weight, text});
}

void add_list(std::vector<FieldText>& fields, std::string_view name, model::TextList items,
              double weight) {
  for (const auto& item : items) add(fields, name, item, weight);
}

}  // namespace

void fields_of(const model::FactBase& facts, const model::RecordRef& ref,
               std::vector<FieldText>& fields) {
  switch (ref.kind) {
    case model::Kind::reference: {
      const auto& r = facts.references[ref.index];
      add(fields, "title", r.title, k_weight_name);
      add(fields, "id", r.id, k_weight_id);
      add(fields, "translated_title", r.translated_title, k_weight_name);
      add(fields, "publisher", r.publisher, k_weight_other);
      add_list(fields, "authors", r.authors, k_weight_other);
      add(fields, "note", r.note, k_weight_note);
      break;
    }
    case model::Kind::figure: {
      const auto& f = facts.figures[ref.index];
      add(fields, "label", f.label, k_weight_name);
      add(fields, "id", f.id, k_weight_id);
      add(fields, "summary", f.summary, k_weight_summary);
      add(fields, "unit", f.unit, k_weight_other);
      add(fields, "note", f.note, k_weight_note);
      break;
    }
    case model::Kind::series: {
      const auto& s = facts.series[ref.index];
      add(fields, "name", s.name, k_weight_name);
      add(fields, "id", s.id, k_weight_id);
      add(fields, "summary", s.summary, k_weight_summary);
      add_list(fields, "columns", s.columns, k_weight_other);
      add(fields, "note", s.note, k_weight_note);
      for (const auto& point : s.points) add(fields, "note", point.note, k_weight_note);
      break;
    }
    case model::Kind::route: {
      const auto& r = facts.routes[ref.index];
      add(fields, "name", r.name, k_weight_name);
      add(fields, "id", r.id, k_weight_id);
      add(fields, "summary", r.summary, k_weight_summary);
      add_list(fields, "path", r.path, k_weight_other);
      add(fields, "crossing", r.crossing, k_weight_other);
      add(fields, "note", r.note, k_weight_note);
      break;
    }
    case model::Kind::danger: {
      const auto& d = facts.dangers[ref.index];
      add(fields, "name", d.name, k_weight_name);
      add(fields, "id", d.id, k_weight_id);
      add(fields, "where", d.where, k_weight_other);
      add(fields, "summary", d.summary, k_weight_summary);
      add(fields, "note", d.note, k_weight_note);
      break;
    }
    case model::Kind::event: {
      const auto& e = facts.events[ref.index];
      add(fields, "title", e.title, k_weight_name);
      add(fields, "id", e.id, k_weight_id);
      add(fields, "summary", e.summary, k_weight_summary);
      add(fields, "note", e.note, k_weight_note);
      break;
    }
    case model::Kind::fact: {
      const auto& f = facts.facts[ref.index];
      add(fields, "label", f.label, k_weight_name);
      add(fields, "id", f.id, k_weight_id);
      add(fields, "summary", f.summary, k_weight_summary);
      add(fields, "note", f.note, k_weight_note);
      break;
    }
  }
}

namespace {

// The records searched, in the order ties are broken in: by kind, then as loaded.
std::vector<model::RecordRef> records_of(const model::FactBase& facts,
                                         std::optional<model::Kind> kind) {
  std::vector<model::RecordRef> refs;
  const auto add_kind = [&](model::Kind record_kind, std::size_t count) {
    if (kind && *kind != record_kind) return;
    for (std::size_t i = 0; i < count; ++i)
      refs.push_back({record_kind, static_cast<std::uint32_t>(i)});
  };
  add_kind(model::Kind::figure, facts.figures.size());
  add_kind(model::Kind::series, facts.series.size());
  add_kind(model::Kind::route, facts.routes.size());
  add_kind(model::Kind::danger, facts.dangers.size());
  add_kind(model::Kind::event, facts.events.size());
  add_kind(model::Kind::fact, facts.facts.size());
  add_kind(model::Kind::reference, facts.references.size());
  return refs;
}

FieldsOf fields_function(const model::FactBase& facts, const std::vector<model::RecordRef>& refs) {
  return [&facts, &refs](std::size_t record, std::vector<FieldText>& out) {
    fields_of(facts, refs[record], out);
  };
}

// Scores are shown with three decimals; rounding here keeps ties visible as ties.
double rounded(double score) {
  return std::round(score * 1000) / 1000;
}

}  // namespace

SearchResult search(const model::FactBase& facts, std::string_view query_text,
                    std::optional<model::Kind> kind) {
  SearchResult result;
  const Query query = parse_query(query_text);
  result.clauses = query.clauses.size();
  result.dropped = query.dropped;
  const auto refs = records_of(facts, kind);
  auto ranking = rank(query, refs.size(), fields_function(facts, refs));
  result.unmatched = std::move(ranking.unmatched);
  for (auto& ranked : ranking.hits) {
    SearchHit hit;
    hit.ref = refs[ranked.record];
    hit.score = rounded(ranked.score);
    hit.matched = ranked.matched;
    hit.field = std::move(ranked.field);
    hit.text = std::move(ranked.text);
    hit.spans = std::move(ranked.spans);
    hit.why = std::move(ranked.why);
    result.hits.push_back(std::move(hit));
  }
  std::stable_sort(result.hits.begin(), result.hits.end(),
                   [&](const SearchHit& a, const SearchHit& b) {
                     if (a.score != b.score) return a.score > b.score;
                     return facts.id_of(a.ref) < facts.id_of(b.ref);
                   });
  return result;
}

std::vector<std::string> suggest(const model::FactBase& facts, std::string_view word,
                                 std::optional<model::Kind> kind) {
  const auto refs = records_of(facts, kind);
  std::string folded;
  util::fold_word(word, folded);
  return nearest_words(folded, refs.size(), fields_function(facts, refs));
}

}  // namespace nkfacts::query

// nkfacts-embed OUTPUT.cpp FACT.toml...
//
// Runs at build time. Loads the fact files with the program's own loader (as one source:
// ids must be unique across them), checks the links between records, and writes the records
// as C++ initialisers of the model, so the binary starts without parsing any TOML. Any
// error or warning fails the build with its file:line:column: the embedded facts must be
// clean.
//
// Why generated code and not the TOML text: re-parsing ~100 KB of TOML costs ~30 million
// instructions per run, against a target of 1.5 million for a whole command. The records
// are emitted as constant data of views (model/records.hpp), so start-up costs nothing
// at all for them: no copy, no allocation, and only the pages a command reads
// (bench/README.md).
#include <fmt/format.h>

#include <cstdio>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <variant>

#include "load/review.hpp"
#include "load/sources.hpp"
#include "model/schema.hpp"
#include "model/search_index.hpp"
#include "query/index.hpp"
#include "render/diagnostics.hpp"

namespace {

using namespace nkfacts;

// A std::string_view literal: "..."sv carries its length; an empty string is {}.
std::string literal(std::string_view text) {
  if (text.empty()) return "{}";
  std::string out = "\"";
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '"') {
      out += "\\\"";
    } else if (c == '\n') {
      out += "\\n";
    } else if (byte < 0x20 || byte == 0x7F) {
      out += fmt::format("\\{:03o}", byte);  // octal escapes stop after 3 digits: unambiguous
    } else {
      out += c;
    }
  }
  out += "\"sv";
  return out;
}

std::string date(const model::Date& d) {
  return fmt::format("model::Date{{{}, {}, {}}}", d.year, d.month, d.day);
}

std::string optional_date(const std::optional<model::Date>& d) {
  return d ? date(*d) : std::string("std::nullopt");
}

std::string optional_number(const std::optional<double>& value) {
  return value ? fmt::format("{}", *value) : std::string("std::nullopt");
}

std::string position(const model::SourcePos& pos) {
  return fmt::format("model::SourcePos{{{}, {}, {}}}", pos.file, pos.line, pos.column);
}

// "Reference" for "reference": the C++ type of a kind.
std::string type_name(std::string_view kind) {
  std::string out(kind);
  out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

template <typename Enum>
std::string_view enum_type() {
  if constexpr (std::is_same_v<Enum, model::ReferenceKind>) {
    return "ReferenceKind";
  } else {
    static_assert(std::is_same_v<Enum, model::Verdict>, "name the enum's type here");
    return "Verdict";
  }
}

// The records become constant arrays, and every list a slice of one shared array per
// element type, so the whole fact base is data the compiler lays out in the binary: at
// start-up nothing is built, copied or allocated, and only the pages a command reads are
// ever touched.
class Generator {
 public:
  std::string run(const model::FactBase& facts, bool translations_reviewed);

 private:
  // A slice of k_texts holding `items`, as a span initialiser.
  std::string text_list(model::TextList items) {
    if (items.empty()) return "{}";
    const std::size_t at = m_text_count;
    for (const auto& item : items) {
      m_texts += fmt::format("    {},\n", literal(item));
      ++m_text_count;
    }
    return fmt::format("{{k_texts + {}, {}}}", at, items.size());
  }
  std::string value_list(std::span<const double> items) {
    if (items.empty()) return "{}";
    const std::size_t at = m_value_count;
    for (const double item : items) {
      m_values += fmt::format("{}{}", m_value_count % 8 == 0 ? "\n    " : " ", item);
      m_values += ',';
      ++m_value_count;
    }
    return fmt::format("{{k_values + {}, {}}}", at, items.size());
  }
  std::string point_list(std::span<const model::SeriesPoint> points) {
    if (points.empty()) return "{}";
    const std::size_t at = m_point_count;
    for (const auto& p : points) {
      m_points += fmt::format(
          "    {{.period = {{.from = {}, .to = {}}}, .values = {}, .sources = {}, .note = {}, "
          ".ko_note = {}, .pos = {}}},\n",
          p.period.from ? fmt::format("{}", *p.period.from) : std::string("std::nullopt"),
          p.period.to, value_list(p.values), text_list(p.sources), literal(p.note),
          literal(p.ko_note), position(p.pos));
      ++m_point_count;
    }
    return fmt::format("{{k_points + {}, {}}}", at, points.size());
  }

  // One field's value as the initialiser of its member, read from its descriptor.
  template <typename R>
  std::string value(const R& record, const model::Field<R>& field) {
    return std::visit(
        [&](auto member) -> std::string {
          using Value = std::decay_t<decltype(record.*member)>;
          const Value& v = record.*member;
          if constexpr (std::is_same_v<Value, model::Text>) {
            return literal(v);
          } else if constexpr (std::is_same_v<Value, model::TextList>) {
            return text_list(v);
          } else if constexpr (std::is_same_v<Value, std::optional<model::Date>>) {
            return optional_date(v);
          } else if constexpr (std::is_same_v<Value, model::Date>) {
            return date(v);
          } else if constexpr (std::is_same_v<Value, bool>) {
            return v ? "true" : "false";
          } else if constexpr (std::is_same_v<Value, model::Quantity>) {
            return fmt::format("{{.low = {}, .high = {}}}", optional_number(v.low),
                               optional_number(v.high));
          } else if constexpr (std::is_same_v<Value, std::span<const model::SeriesPoint>>) {
            return point_list(v);
          } else {
            return fmt::format("model::{}::{}", enum_type<Value>(),
                               field.choices[static_cast<std::size_t>(v)]);
          }
        },
        field.member);
  }

  // One constant array of the records of a kind, and the statement that hands it to the
  // fact base: each record a designated initialiser of the fields of its descriptor.
  template <typename S>
  void records(S, const model::FactBase& facts) {
    const auto& items = model::records_of(facts, S{});
    if (items.empty()) return;
    const std::string type = type_name(S::name);
    m_arrays += fmt::format("constexpr model::{} k_{}[] = {{\n", type, S::plural);
    for (const auto& item : items) {
      m_arrays += "    {";
      for (const auto& field : S::fields) {
        m_arrays += fmt::format(".{} = {}, ", field.cpp, value(item, field));
      }
      m_arrays += fmt::format(".pos = {}, .stamp_pos = {}}},\n", position(item.pos),
                              position(item.stamp_pos));
    }
    m_arrays += "};\n\n";
    m_adopt += fmt::format("  facts.{0} = model::Records<model::{1}>(k_{0});\n", S::plural, type);
  }

  std::string m_texts, m_values, m_points, m_arrays, m_adopt;
  std::size_t m_text_count = 0, m_value_count = 0, m_point_count = 0;
};

std::string_view weight_name(model::SearchWeight weight) {
  switch (weight) {
    case model::SearchWeight::none:
      return "none";
    case model::SearchWeight::note:
      return "note";
    case model::SearchWeight::text:
      return "text";
    case model::SearchWeight::summary:
      return "summary";
    case model::SearchWeight::id:
      return "id";
    case model::SearchWeight::name:
      break;
  }
  return "name";
}

// One constant array `name` of `items`, each written by `write`, several to a line; and
// the Records initialiser that views it (an empty array is no array at all).
template <typename T, typename Write>
std::string table(std::string& out, std::string_view type, std::string_view name,
                  const model::Records<T>& items, std::size_t per_line, Write write) {
  if (items.empty()) return "{}";
  out += fmt::format("constexpr {} {}[] = {{", type, name);
  for (std::size_t i = 0; i < items.size(); ++i) {
    out += i % per_line == 0 ? "\n    " : " ";
    out += write(items[i]);
    out += ',';
  }
  out += "\n};\n\n";
  return fmt::format("model::Records<{}>({})", type, name);
}

// The search index of the embedded facts (query/index.hpp, the indexer search uses at
// run time for user files) as constant tables, and the statements that hand it to the
// fact base: a search then reads postings and never tokenizes the records.
std::string search_index(const model::FactBase& facts, std::string& out) {
  const auto index = query::build_search_index(facts);
  const auto kinds = table(out, "model::IndexKind", "k_search_kinds", index->kinds, 2,
                           [](const model::IndexKind& k) {
                             return fmt::format("{{{}, {}, {}, {}, {}}}", k.first_doc, k.docs,
                                                k.first_field, k.fields, k.first_length);
                           });
  const auto fields =
      table(out, "model::IndexField", "k_search_fields", index->fields, 1,
            [](const model::IndexField& f) {
              return fmt::format("{{model::Kind::{}, model::SearchWeight::{}, {}, {}, {}}}",
                                 model::kind_name(f.kind), weight_name(f.weight), literal(f.name),
                                 f.total_length, f.records);
            });
  const auto lengths = table(out, "std::uint32_t", "k_search_lengths", index->lengths, 16,
                             [](std::uint32_t n) { return fmt::format("{}", n); });
  const auto terms = table(
      out, "model::IndexTerm", "k_search_terms", index->terms, 4, [](const model::IndexTerm& t) {
        return fmt::format("{{{{{}, {}}}, {}}}", t.text.at, t.text.size, t.first_posting);
      });
  const auto postings = table(out, "model::IndexPosting", "k_search_postings", index->postings, 6,
                              [](const model::IndexPosting& p) {
                                return fmt::format("{{{}, {}, {}}}", p.doc, p.field, p.count);
                              });
  const auto words = table(
      out, "model::IndexWord", "k_search_words", index->words, 4, [](const model::IndexWord& w) {
        return fmt::format("{{{{{}, {}}}, {}, {}}}", w.text.at, w.text.size, w.frequency, w.kinds);
      });
  return fmt::format(
      "  static const model::SearchIndex search_index{{\n"
      "      .kinds = {},\n      .fields = {},\n      .lengths = {},\n"
      "      .terms = {},\n      .postings = {},\n      .words = {},\n"
      "      .text = {}}};\n"
      "  facts.adopt_search_index(&search_index);\n",
      kinds, fields, lengths, terms, postings, words, literal(index->text));
}

std::string Generator::run(const model::FactBase& facts, bool translations_reviewed) {
  model::for_each_kind([&](auto schema) { records(schema, facts); });

  std::string out =
      "// Generated by nkfacts-embed from facts/*.toml. Do not edit: edit the fact files.\n"
      "#include \"load/embedded.hpp\"\n\n"
      "#include \"model/search_index.hpp\"\n\n"
      "namespace nkfacts::load {\n"
      "namespace {\n\n"
      "using namespace std::string_view_literals;\n\n";
  out += "constexpr std::string_view k_files[] = {";
  for (std::size_t i = 0; i < facts.files.size(); ++i) {
    out += fmt::format("{}{}", i > 0 ? ", " : "",
                       facts.files[i].empty() ? "\"\"sv" : literal(facts.files[i]));
  }
  out += "};\n\n";
  // Lists first: the records point into them.
  if (m_text_count > 0) out += "constexpr std::string_view k_texts[] = {\n" + m_texts + "};\n\n";
  if (m_value_count > 0) out += "constexpr double k_values[] = {" + m_values + "\n};\n\n";
  if (m_point_count > 0)
    out += "constexpr model::SeriesPoint k_points[] = {\n" + m_points + "};\n\n";
  out += m_arrays;
  // The id index, sorted here once instead of at every start.
  if (facts.index().empty()) throw std::runtime_error("nkfacts-embed: no records to embed");
  out += "constexpr model::RecordRef k_index[] = {";
  for (std::size_t i = 0; i < facts.index().size(); ++i) {
    const auto& ref = facts.index()[i];
    out += fmt::format("{}{{model::Kind::{}, {}}},", i % 6 == 0 ? "\n    " : " ",
                       model::kind_name(ref.kind), ref.index);
  }
  out += "\n};\n\n";
  const std::string adopt_search_index = search_index(facts, out);
  out += "}  // namespace\n\n";
  out += "model::FactBase embedded_fact_base() {\n  model::FactBase facts;\n";
  out += "  facts.files = model::Records<model::Text>(k_files);\n";
  out += fmt::format(
      "  facts.subject = {{.name = {}, .summary = {}, .ko_name = {}, .ko_summary = {}}};\n",
      literal(facts.subject.name), literal(facts.subject.summary), literal(facts.subject.ko_name),
      literal(facts.subject.ko_summary));
  out += m_adopt;
  out += "  facts.adopt_index(k_index);\n";
  out += adopt_search_index;
  // Reviewed once here rather than by every `nkfacts check` (it was most of check's cost).
  if (translations_reviewed) out += "  facts.translations_reviewed = true;\n";
  out += "  return facts;\n}\n\n}  // namespace nkfacts::load\n";
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fputs("usage: nkfacts-embed OUTPUT.cpp FACT.toml...\n", stderr);
    return 2;
  }
  load::LoadResult all;
  all.facts.files = {""};
  for (int i = 2; i < argc; ++i) load::merge_layer(all, load::load_path(argv[i]), false);
  auto problems = load::check_links(all.facts, all.links);
  all.diagnostics.insert(all.diagnostics.end(), problems.begin(), problems.end());
  if (!all.diagnostics.empty()) {
    const std::string text = render::format_diagnostics(all.diagnostics, {0, false}, true, true);
    std::fputs(text.c_str(), stderr);
    std::fputs("nkfacts-embed: the embedded facts must load without errors or warnings\n", stderr);
    return 1;
  }
  const bool translations_reviewed =
      load::review_translations(all.facts, 1, all.facts.files.size()).empty();
  const std::string code = Generator().run(all.facts, translations_reviewed);
  std::FILE* file = std::fopen(argv[1], "wb");
  if (!file || std::fwrite(code.data(), 1, code.size(), file) != code.size() ||
      std::fclose(file) != 0) {
    std::fprintf(stderr, "nkfacts-embed: cannot write %s\n", argv[1]);
    return 2;
  }
  return 0;
}

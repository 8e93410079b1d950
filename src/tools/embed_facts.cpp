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

#include "load/sources.hpp"
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

std::string reference_kind(model::ReferenceKind kind) {
  return fmt::format("model::ReferenceKind::{}", model::reference_kind_name(kind));
}

// The records become constant arrays, and every list a slice of one shared array per
// element type, so the whole fact base is data the compiler lays out in the binary: at
// start-up nothing is built, copied or allocated, and only the pages a command reads are
// ever touched.
class Generator {
 public:
  std::string run(const model::FactBase& facts);

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
          ".pos = {}}},\n",
          p.period.from ? fmt::format("{}", *p.period.from) : std::string("std::nullopt"),
          p.period.to, value_list(p.values), text_list(p.sources), literal(p.note),
          position(p.pos));
      ++m_point_count;
    }
    return fmt::format("{{k_points + {}, {}}}", at, points.size());
  }

  // One constant array of records, and the statement that hands it to the fact base.
  template <typename Record, typename Write>
  void records(std::string_view type, std::string_view member,
               const model::Records<Record>& items, Write&& write) {
    if (items.empty()) return;
    m_arrays += fmt::format("constexpr model::{} k_{}[] = {{\n", type, member);
    for (const auto& item : items) m_arrays += "    " + write(item) + ",\n";
    m_arrays += "};\n\n";
    m_adopt += fmt::format("  facts.{0} = model::Records<model::{1}>(k_{0});\n", member, type);
  }

  std::string m_texts, m_values, m_points, m_arrays, m_adopt;
  std::size_t m_text_count = 0, m_value_count = 0, m_point_count = 0;
};

std::string Generator::run(const model::FactBase& facts) {
  records("Reference", "references", facts.references, [&](const model::Reference& r) {
    return fmt::format(
        "{{.id = {}, .kind = {}, .title = {}, .translated_title = {}, .publisher = {}, "
        ".authors = {}, .published = {}, .retrieved = {}, .url = {}, .language = {}, "
        ".issn = {}, .volume = {}, .issue = {}, .pages = {}, .note = {}, .pos = {}}}",
        literal(r.id), reference_kind(r.kind), literal(r.title), literal(r.translated_title),
        literal(r.publisher), text_list(r.authors), optional_date(r.published),
        optional_date(r.retrieved), literal(r.url), literal(r.language), literal(r.issn),
        literal(r.volume), literal(r.issue), literal(r.pages), literal(r.note),
        position(r.pos));
  });
  records("Figure", "figures", facts.figures, [&](const model::Figure& f) {
    return fmt::format(
        "{{.id = {}, .label = {}, .summary = {}, .value = {{.low = {}, .high = {}}}, "
        ".unit = {}, .as_of = {}, .headline = {}, .sources = {}, .note = {}, .pos = {}}}",
        literal(f.id), literal(f.label), literal(f.summary), optional_number(f.value.low),
        optional_number(f.value.high), literal(f.unit), optional_date(f.as_of), f.headline,
        text_list(f.sources), literal(f.note), position(f.pos));
  });
  records("Series", "series", facts.series, [&](const model::Series& s) {
    return fmt::format(
        "{{.id = {}, .name = {}, .summary = {}, .unit = {}, .columns = {}, .share_column = {}, "
        ".points = {}, .sources = {}, .note = {}, .pos = {}}}",
        literal(s.id), literal(s.name), literal(s.summary), literal(s.unit),
        text_list(s.columns), literal(s.share_column), point_list(s.points),
        text_list(s.sources), literal(s.note), position(s.pos));
  });
  records("Route", "routes", facts.routes, [&](const model::Route& r) {
    return fmt::format(
        "{{.id = {}, .name = {}, .summary = {}, .path = {}, .crossing = {}, .dangers = {}, "
        ".sources = {}, .note = {}, .pos = {}}}",
        literal(r.id), literal(r.name), literal(r.summary), text_list(r.path),
        literal(r.crossing), text_list(r.dangers), text_list(r.sources), literal(r.note),
        position(r.pos));
  });
  records("Danger", "dangers", facts.dangers, [&](const model::Danger& d) {
    return fmt::format(
        "{{.id = {}, .name = {}, .where = {}, .summary = {}, .sources = {}, .note = {}, "
        ".pos = {}}}",
        literal(d.id), literal(d.name), literal(d.where), literal(d.summary),
        text_list(d.sources), literal(d.note), position(d.pos));
  });
  records("Event", "events", facts.events, [&](const model::Event& e) {
    return fmt::format(
        "{{.id = {}, .date = {}, .title = {}, .summary = {}, .sources = {}, .note = {}, "
        ".pos = {}}}",
        literal(e.id), date(e.date), literal(e.title), literal(e.summary),
        text_list(e.sources), literal(e.note), position(e.pos));
  });
  records("Fact", "facts", facts.facts, [&](const model::Fact& f) {
    return fmt::format(
        "{{.id = {}, .label = {}, .summary = {}, .as_of = {}, .sources = {}, .note = {}, "
        ".pos = {}}}",
        literal(f.id), literal(f.label), literal(f.summary), optional_date(f.as_of),
        text_list(f.sources), literal(f.note), position(f.pos));
  });

  std::string out =
      "// Generated by nkfacts-embed from facts/*.toml. Do not edit: edit the fact files.\n"
      "#include \"load/embedded.hpp\"\n\n"
      "namespace nkfacts::load {\n"
      "namespace {\n\n"
      "using namespace std::string_view_literals;\n\n";
  out += "constexpr std::string_view k_files[] = {";
  for (std::size_t i = 0; i < facts.files.size(); ++i) {
    out += fmt::format("{}{}", i > 0 ? ", " : "", facts.files[i].empty() ? "\"\"sv" : literal(facts.files[i]));
  }
  out += "};\n\n";
  // Lists first: the records point into them.
  if (m_text_count > 0) out += "constexpr std::string_view k_texts[] = {\n" + m_texts + "};\n\n";
  if (m_value_count > 0) out += "constexpr double k_values[] = {" + m_values + "\n};\n\n";
  if (m_point_count > 0) out += "constexpr model::SeriesPoint k_points[] = {\n" + m_points + "};\n\n";
  out += m_arrays;
  // The id index, sorted here once instead of at every start.
  if (facts.index().empty()) throw std::runtime_error("nkfacts-embed: no records to embed");
  out += "constexpr model::RecordRef k_index[] = {";
  for (std::size_t i = 0; i < facts.index().size(); ++i) {
    const auto& ref = facts.index()[i];
    out += fmt::format("{}{{model::Kind::{}, {}}},", i % 6 == 0 ? "\n    " : " ",
                       model::kind_name(ref.kind), ref.index);
  }
  out += "\n};\n\n}  // namespace\n\n";
  out += "model::FactBase embedded_fact_base() {\n  model::FactBase facts;\n";
  out += "  facts.files = model::Records<model::Text>(k_files);\n";
  out += fmt::format("  facts.subject = {{.name = {}, .summary = {}}};\n",
                     literal(facts.subject.name), literal(facts.subject.summary));
  out += m_adopt;
  out += "  facts.adopt_index(k_index);\n  return facts;\n}\n\n}  // namespace nkfacts::load\n";
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
    const std::string text = render::format_diagnostics(all.diagnostics, {}, true, true);
    std::fputs(text.c_str(), stderr);
    std::fputs("nkfacts-embed: the embedded facts must load without errors or warnings\n",
               stderr);
    return 1;
  }
  const std::string code = Generator().run(all.facts);
  std::FILE* file = std::fopen(argv[1], "wb");
  if (!file || std::fwrite(code.data(), 1, code.size(), file) != code.size() ||
      std::fclose(file) != 0) {
    std::fprintf(stderr, "nkfacts-embed: cannot write %s\n", argv[1]);
    return 2;
  }
  return 0;
}

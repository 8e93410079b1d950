// Machine-readable output (docs/cli.md, section 7): a command describes its answer as rows of
// named, typed fields, and one writer per format serves every command.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace nkfacts::render {

// html: a page for people (render/html_pages.hpp), written by the commands that draw one;
// as rows (the quiz's questions), a plain table on a page.
enum class Format { text, json, jsonl, tsv, csv, markdown, html };
std::optional<Format> parse_format(std::string_view name);
inline constexpr std::string_view k_format_names = "text, json, jsonl, tsv, csv, markdown, html";

// null, a number, true/false, a string, or a list of strings. Text taken from records is
// held as a view (the fact base outlives every row); text made for the row is owned.
using TextView = std::span<const std::string_view>;
using Value = std::variant<std::monostate, double, bool, std::string, std::string_view,
                           std::vector<std::string>, TextView>;

// The text of a string value, owned or viewed; nullopt for any other value.
std::optional<std::string_view> text_of(const Value& value);

// Calls `visit` with each item of a list value, owned or viewed; false if not a list.
template <typename Visit>
bool for_each_item(const Value& value, Visit&& visit) {
  if (const auto* owned = std::get_if<std::vector<std::string>>(&value)) {
    for (const auto& item : *owned) visit(std::string_view(item));
    return true;
  }
  if (const auto* viewed = std::get_if<TextView>(&value)) {
    for (const auto item : *viewed) visit(item);
    return true;
  }
  return false;
}

struct Row {
  // In the schema's order. A name is a view: of a literal or of record text, which live
  // as long as the program's fact base, or of a name the row keeps (add_owned_name).
  std::vector<std::pair<std::string_view, Value>> fields;

  // Appends a field; `name` must be new to the row (checked in debug builds) and must
  // outlive it. No search: rows are built field by field for every record printed.
  void add(std::string_view name, Value value);
  // The same for a name made for this row ("women_share").
  void add_owned_name(std::string name, Value value);
  const Value* get(std::string_view name) const;

 private:
  std::vector<std::shared_ptr<const std::string>> m_names;
};

struct Dataset {
  std::vector<std::string> fields;  // the schema: every field a row may have, in order
  std::vector<Row> rows;
  std::vector<Row> references;  // resolved references, for json (and markdown notes)
};

// Writes `data` in `format` (any but text). `fields` are the columns to write, already
// checked against data.fields. Every writer escapes by its format's own rules and passes
// control characters through no terminal.
std::string write_dataset(const Dataset& data, Format format,
                          const std::vector<std::string>& fields);

// The same, a row at a time, appended to `out`: a long answer (every reference with its
// citation) need not be held as rows first. An answer of no rows is an empty document:
// `{}` in json, nothing in jsonl, csv, tsv and Markdown (whose header comes with the
// first row); an html page keeps its table's header. finish() closes the document, with the
// resolved references for json and Markdown.
class DatasetWriter {
 public:
  DatasetWriter(Format format, const std::vector<std::string>& fields, std::string& out,
                std::size_t expected_rows);
  void row(const Row& row);
  // `reference(i)` gives the i-th of `count` references; each is written before the next
  // is asked for, so that a caller can make them one at a time.
  using ReferenceSource = std::function<const Row&(std::size_t)>;
  void finish(std::size_t count, const ReferenceSource& reference);
  void finish(const std::vector<Row>& references = {});

 private:
  // A csv or tsv line: the text of each column from `cell(c)`, escaped by the format's
  // rules, separated and ended as the format wants.
  template <typename Cell>
  void delimited_line(const Cell& cell);

  Format m_format;
  const std::vector<std::string>& m_fields;
  std::string& m_out;
  std::vector<std::string> m_keys;   // json, jsonl: each field's text before its value
  std::vector<std::string> m_cited;  // markdown: source ids in order of first use
  std::string m_cell;                // a cell's plain text, reused
  std::size_t m_rows = 0;
};

// True when a csv or tsv cell would start a formula in a spreadsheet: it starts with '=',
// '@', TAB or CR, or with '+' or '-' and is not a plain number ("-12" and "+0.5" are
// numbers; "-1+2" and "=HYPERLINK(...)" are not). The writers put a single quote in front
// of such a cell, so that spreadsheets show it as text.
bool starts_formula(std::string_view cell);

// JSON string literal, RFC 8259, with C0, DEL, C1 and bidi controls as \uXXXX.
std::string json_string(std::string_view text);
void append_json_string(std::string& out, std::string_view text);

}  // namespace nkfacts::render

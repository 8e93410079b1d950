// The writers for json, jsonl, csv, tsv and markdown. JSON is written here rather than with
// toml++'s JSON formatter: TOML has no null (docs/cli.md, section 7, wants null for a missing
// value) and toml++ tables are ordered by key, so --fields could not order them. The escaping is
// tested against real parsers (tests/formats_test.py).
#include "render/dataset.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <iterator>

#include "render/html.hpp"
#include "util/scan.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"

namespace nkfacts::render {

std::optional<std::string_view> text_of(const Value& value) {
  if (const auto* owned = std::get_if<std::string>(&value)) return *owned;
  if (const auto* viewed = std::get_if<std::string_view>(&value)) return *viewed;
  return std::nullopt;
}

namespace {

// A number as JSON has it. JSON has no infinity and no NaN: a non-finite value (which the
// loader refuses, but a sum could still reach) is written as null, never as a bare `inf`
// that no parser reads. Whole numbers within a double's exact integers (±2^53) are written
// as integers, digit for digit; beyond, a double no longer holds every integer, and the
// shortest form that reads back as the same double is written rather than made-up digits.
void append_json_number(std::string& out, double value) {
  if (!std::isfinite(value)) {
    out += "null";
  } else if (std::nearbyint(value) == value && std::fabs(value) <= util::k_exact_integer_limit) {
    util::append_integer(out, static_cast<long long>(value));
  } else {
    fmt::format_to(std::back_inserter(out), "{}", value);
  }
}

void append_json_value(std::string& out, const Value& value) {
  if (std::holds_alternative<std::monostate>(value)) {
    out += "null";
  } else if (const auto* number = std::get_if<double>(&value)) {
    append_json_number(out, *number);
  } else if (const auto* flag = std::get_if<bool>(&value)) {
    out += *flag ? "true" : "false";
  } else if (const auto text = text_of(value)) {
    append_json_string(out, *text);
  } else {
    out += '[';
    bool first = true;
    for_each_item(value, [&](std::string_view item) {
      if (!first) out += ',';
      first = false;
      append_json_string(out, item);
    });
    out += ']';
  }
}

// The text before each value of an object, escaped once per document rather than once
// per row: `{"id":`, then `,"kind":` and so on.
std::vector<std::string> json_keys(const std::vector<std::string>& fields) {
  std::vector<std::string> keys;
  keys.reserve(fields.size());
  for (std::size_t i = 0; i < fields.size(); ++i) {
    std::string key(i == 0 ? "{" : ",");
    append_json_string(key, fields[i]);
    key += ':';
    keys.push_back(std::move(key));
  }
  return keys;
}

// Appends, rather than returns, so a document is built in one growing string.
void append_json_object(std::string& out, const Row& row, const std::vector<std::string>& fields,
                        const std::vector<std::string>& keys) {
  if (fields.empty()) out += '{';
  for (std::size_t i = 0; i < fields.size(); ++i) {
    out += keys[i];
    // Rows are built in schema order, so the field is usually at the same position.
    const Value* value = i < row.fields.size() && row.fields[i].first == fields[i]
                             ? &row.fields[i].second
                             : row.get(fields[i]);
    if (value) {
      append_json_value(out, *value);
    } else {
      out += "null";
    }
  }
  out += '}';
}

// A field as plain text for csv, tsv and markdown: numbers plain, lists joined with "; ",
// null empty. Written into `out`, which is emptied first: the writers reuse one buffer
// for every cell.
void plain_into(std::string& out, const Value* value) {
  out.clear();
  if (!value || std::holds_alternative<std::monostate>(*value)) return;
  if (const auto* number = std::get_if<double>(value)) {
    if (std::isfinite(*number)) out += util::format_number(*number, false, 6);  // else empty
  } else if (const auto* flag = std::get_if<bool>(value)) {
    out += *flag ? "true" : "false";
  } else if (const auto text = text_of(*value)) {
    out += *text;
  } else {
    for_each_item(*value, [&](std::string_view item) {
      if (!out.empty()) out += "; ";
      out += item;
    });
  }
}

std::string plain(const Value* value) {
  std::string out;
  plain_into(out, value);
  return out;
}

// RFC 4180: quote a field holding a comma, a quote, CR or LF; double inner quotes.
void append_csv_field(std::string& out, std::string_view text) {
  // RFC 4180 fields may hold TABs and line breaks; other controls are shown escaped.
  const std::size_t start = out.size();
  util::escape_controls_into(out, text, util::Newlines::keep, util::Tabs::keep);
  const auto cleaned = util::take_back_if_any(out, start, ",\"\r\n");
  if (!cleaned) return;
  out += '"';
  for (const char c : *cleaned) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

// One line per row: backslash, TAB, LF and CR escaped; other control characters are
// shown escaped, as everywhere else.
void append_tsv_field(std::string& out, std::string_view text) {
  if (text.find_first_of("\\\t\n\r") == std::string_view::npos) {
    util::escape_controls_into(out, text, util::Newlines::escape);
    return;
  }
  std::string escaped;
  for (const char c : text) {
    switch (c) {
      case '\\':
        escaped += "\\\\";
        break;
      case '\t':
        escaped += "\\t";
        break;
      case '\n':
        escaped += "\\n";
        break;
      case '\r':
        escaped += "\\r";
        break;
      default:
        escaped += c;
    }
  }
  util::escape_controls_into(out, escaped, util::Newlines::escape);
}

// A number as a spreadsheet reads one: an optional sign, digits with an optional
// fraction, an optional exponent ("-12", "0.5", "9.2e+18").
bool is_plain_number(std::string_view text) {
  std::size_t i = 0;
  const auto digits = [&] {
    const std::size_t start = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    return i > start;
  };
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
  if (!digits()) return false;
  if (i < text.size() && text[i] == '.' && (++i, !digits())) return false;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
    if (!digits()) return false;
  }
  return i == text.size();
}

}  // namespace

bool starts_formula(std::string_view cell) {
  if (cell.empty()) return false;
  switch (cell.front()) {
    case '=':
    case '@':
    case '\t':
    case '\r':
      return true;
    case '+':
    case '-':
      return !is_plain_number(cell);
    default:
      return false;
  }
}

namespace {

// A table cell or a footnote: pipes escaped, line breaks as <br>, and < and > as entities,
// so markup from a fact file (<script>, <img onerror=...>) is shown, inert, by every
// Markdown renderer. A bare & stays: it opens no markup, and web addresses hold it.
void append_markdown_cell(std::string& out, std::string_view text) {
  const std::size_t start = out.size();
  util::escape_controls_into(out, text, util::Newlines::keep);
  const auto cleaned = util::take_back_if_any(out, start, "|\n<>");
  if (!cleaned) return;
  for (const char c : *cleaned) {
    switch (c) {
      case '|':
        out += "\\|";
        break;
      case '\n':
        out += "<br>";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      default:
        out += c;
    }
  }
}

}  // namespace

std::optional<Format> parse_format(std::string_view name) {
  if (name == "text") return Format::text;
  if (name == "json") return Format::json;
  if (name == "jsonl") return Format::jsonl;
  if (name == "tsv") return Format::tsv;
  if (name == "csv") return Format::csv;
  if (name == "markdown" || name == "md") return Format::markdown;
  if (name == "html") return Format::html;
  return std::nullopt;
}

void Row::add(std::string_view name, Value value) {
  assert(get(name) == nullptr);
  fields.emplace_back(name, std::move(value));
}

void Row::add_owned_name(std::string name, Value value) {
  const auto& kept = m_names.emplace_back(std::make_shared<const std::string>(std::move(name)));
  add(*kept, std::move(value));
}

const Value* Row::get(std::string_view name) const {
  for (const auto& [key, value] : fields) {
    if (key == name) return &value;
  }
  return nullptr;
}

void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t run = util::json_plain_end(text, i);
    if (run > i) {
      out.append(text.data() + i, run - i);
      i = run;
      if (i == text.size()) break;
    }
    const auto byte = static_cast<unsigned char>(text[i]);
    switch (byte) {
      case '"':
        out += "\\\"";
        ++i;
        continue;
      case '\\':
        out += "\\\\";
        ++i;
        continue;
      case '\n':
        out += "\\n";
        ++i;
        continue;
      case '\t':
        out += "\\t";
        ++i;
        continue;
      case '\r':
        out += "\\r";
        ++i;
        continue;
      default:
        break;
    }
    if (byte < 0x20 || byte == 0x7F) {
      out += fmt::format("\\u{:04x}", byte);
      ++i;
      continue;
    }
    // C1 controls (U+0080-U+009F, encoded C2 80-9F) and bidi controls (U+202A-U+202E,
    // U+2066-U+2069, encoded E2 80 AA-AE / E2 81 A6-A9) as \uXXXX.
    if (byte == 0xC2 || byte == 0xE2) {
      const auto decoded = util::decode_utf8(text, i);
      const auto cp = decoded.code_point;
      if ((cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
          (cp >= 0x2066 && cp <= 0x2069)) {
        out += fmt::format("\\u{:04x}", static_cast<unsigned>(cp));
        i += decoded.length;
        continue;
      }
    }
    out += static_cast<char>(byte);
    ++i;
  }
  out += '"';
}

std::string json_string(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  append_json_string(out, text);
  return out;
}

template <typename Cell>
void DatasetWriter::delimited_line(const Cell& cell) {
  const bool csv = m_format == Format::csv;
  for (std::size_t c = 0; c < m_fields.size(); ++c) {
    if (c > 0) m_out += csv ? ',' : '\t';
    if (csv) {
      append_csv_field(m_out, cell(c));
    } else {
      append_tsv_field(m_out, cell(c));
    }
  }
  m_out += csv ? "\r\n" : "\n";
}

DatasetWriter::DatasetWriter(Format format, const std::vector<std::string>& fields,
                             std::string& out, std::size_t expected_rows)
    : m_format(format), m_fields(fields), m_out(out) {
  // A first guess at the document's size, so that it is not grown and copied a doubling at
  // a time. It falls short several times for rows of long text and for the references
  // json lists after the rows, so a document of more than two rows gets
  // util::k_answer_room at least, whose untouched pages cost nothing.
  std::size_t guess = expected_rows * (fields.size() * 40 + 16) + 64;
  if (expected_rows > 2) guess = std::max(guess, util::k_answer_room);
  m_out.reserve(m_out.size() + guess);
  switch (m_format) {
    case Format::json:
    case Format::jsonl:
      // The json document opens with its first row: an answer of no rows is `{}`.
      m_keys = json_keys(fields);
      break;
    case Format::csv:
    case Format::tsv:
      break;  // the header comes with the first row: an answer of no rows is empty
    case Format::markdown:
      break;  // the header comes with the first row, as in csv
    case Format::html:
      html::begin(m_out, {.title = "nkfacts"});
      m_out += "<table>\n<tr>";
      for (const auto& name : fields) {
        m_out += "<th>";
        html::escape(m_out, name);
        m_out += "</th>";
      }
      m_out += "</tr>\n";
      break;
    case Format::text:
      break;
  }
}

void DatasetWriter::row(const Row& row) {
  switch (m_format) {
    case Format::json:
      m_out += m_rows > 0 ? ",\n" : "{\"records\":[\n";
      append_json_object(m_out, row, m_fields, m_keys);
      break;
    case Format::jsonl:
      append_json_object(m_out, row, m_fields, m_keys);
      m_out += '\n';
      break;
    case Format::csv:
    case Format::tsv:
      if (m_rows == 0)
        delimited_line([&](std::size_t c) -> std::string_view { return m_fields[c]; });
      delimited_line([&](std::size_t c) -> std::string_view {
        plain_into(m_cell, row.get(m_fields[c]));
        // A spreadsheet would run a cell that starts like a formula: a quote in front
        // makes it text (OWASP's advice for CSV injection). Numbers stay numbers.
        if (starts_formula(m_cell)) m_cell.insert(m_cell.begin(), '\'');
        return m_cell;
      });
      break;
    case Format::markdown:
      if (m_rows == 0) {
        m_out += '|';
        for (const auto& name : m_fields) {
          m_out += ' ';
          m_out += name;
          m_out += " |";
        }
        m_out += "\n|";
        for (std::size_t i = 0; i < m_fields.size(); ++i) m_out += " --- |";
        m_out += '\n';
      }
      m_out += '|';
      for (const auto& name : m_fields) {
        const Value* value = row.get(name);
        m_out += ' ';
        if (name == "sources" && value) {
          // Sources become numbered footnotes, in order of first use.
          for_each_item(*value, [&](std::string_view id) {
            auto it = std::find(m_cited.begin(), m_cited.end(), id);
            if (it == m_cited.end()) it = m_cited.insert(m_cited.end(), std::string(id));
            m_out += "[^";
            util::append_integer(m_out, (it - m_cited.begin()) + 1);
            m_out += ']';
          });
        } else {
          plain_into(m_cell, value);
          append_markdown_cell(m_out, m_cell);
        }
        m_out += " |";
      }
      m_out += '\n';
      break;
    case Format::html:
      m_out += "<tr>";
      for (const auto& name : m_fields) {
        m_out += "<td>";
        plain_into(m_cell, row.get(name));
        html::escape(m_out, m_cell);
        m_out += "</td>";
      }
      m_out += "</tr>\n";
      break;
    case Format::text:
      break;
  }
  ++m_rows;
}

void DatasetWriter::finish(const std::vector<Row>& references) {
  finish(references.size(), [&](std::size_t i) -> const Row& { return references[i]; });
}

void DatasetWriter::finish(std::size_t count, const ReferenceSource& reference) {
  switch (m_format) {
    case Format::json:
      if (m_rows == 0) {
        // Nothing answered: still a document, of the same type, whose length is 0.
        m_out += "{}\n";
        break;
      }
      m_out += "\n]";
      if (count > 0) {
        m_out += ",\"references\":[";
        std::vector<std::string> reference_fields;  // the first reference's, for every one
        std::vector<std::string> reference_keys;
        for (std::size_t i = 0; i < count; ++i) {
          const Row& row = reference(i);
          if (i == 0) {
            for (const auto& [name, value] : row.fields) reference_fields.emplace_back(name);
            reference_keys = json_keys(reference_fields);
          }
          m_out += i > 0 ? ",\n" : "\n";
          append_json_object(m_out, row, reference_fields, reference_keys);
        }
        m_out += "\n]";
      }
      m_out += "}\n";
      break;
    case Format::markdown: {
      // Each note's text: the citation of the (last) reference with its id, else the id.
      std::vector<std::string> notes(m_cited.begin(), m_cited.end());
      for (std::size_t r = 0; r < count; ++r) {
        const Row& row = reference(r);
        const Value* id = row.get("id");
        const Value* citation = row.get("citation");
        if (!id || !citation) continue;
        const auto id_text = text_of(*id);
        for (std::size_t i = 0; i < m_cited.size(); ++i) {
          if (id_text ? *id_text == m_cited[i] : plain(id) == m_cited[i]) {
            plain_into(notes[i], citation);
          }
        }
      }
      if (!m_cited.empty()) m_out += '\n';
      for (std::size_t i = 0; i < m_cited.size(); ++i) {
        m_out += "[^";
        util::append_integer(m_out, i + 1);
        m_out += "]: ";
        append_markdown_cell(m_out, notes[i]);
        m_out += '\n';
      }
      break;
    }
    case Format::html:
      m_out += "</table>\n";
      html::end(m_out);
      break;
    case Format::jsonl:
    case Format::csv:
    case Format::tsv:
    case Format::text:
      break;
  }
}

std::string write_dataset(const Dataset& data, Format format,
                          const std::vector<std::string>& fields) {
  std::string out;
  DatasetWriter writer(format, fields, out, data.rows.size() + data.references.size());
  for (const auto& row : data.rows) writer.row(row);
  writer.finish(data.references);
  return out;
}

}  // namespace nkfacts::render

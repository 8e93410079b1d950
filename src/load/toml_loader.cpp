// Reads records by their descriptors (model/schema.hpp): which keys each kind takes, their
// types and what is required come from there; the rules no table can say (a figure's value
// against low/high, a series' columns and points) are the hooks below. facts/README.md
// documents the same rules for people; keep the two in step.
#include "load/toml_loader.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <ctime>
#include <tuple>
#include <unordered_map>

#include "load/limits.hpp"
#include "load/review.hpp"
#include "load/say.hpp"
#include "load/toml_blocks.hpp"
#include "load/toml_hazards.hpp"
#include "model/schema.hpp"
#include "model/stamp.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"

namespace nkfacts::load {
namespace {

using model::FieldType;
using model::Kind;
using model::Severity;
using model::SourcePos;
using util::tr;

constexpr std::uint32_t k_file = 1;  // records of a single-file load point at files[1]

// The kinds written as arrays of tables, `[[kind]]`: where a large file may be cut. Named
// from the model's list, so that a kind added there is cut at too.
const auto& record_kind_names() {
  static const auto names = [] {
    std::array<std::string_view, std::size(model::k_all_kinds)> out{};
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = model::kind_name(model::k_all_kinds[i]);
    return out;
  }();
  return names;
}

// Units that count things or measure time: a negative value in them is a mistake.
bool is_count_unit(std::string_view unit) {
  for (const std::string_view count :
       {"people", "persons", "cases", "records", "days", "weeks", "months", "years"}) {
    if (unit == count) return true;
  }
  return false;
}

// A point holds its period, sources and note beside the columns, and a series row adds
// series, period and total: a column may be none of these, nor named twice.
bool is_reserved_column(std::string_view column) {
  for (const std::string_view reserved :
       {"year", "from", "to", "sources", "note", "series", "period", "total", "ko"}) {
    if (column == reserved) return true;
  }
  return false;
}

bool is_kebab_id(std::string_view id) {
  if (id.empty() || id.front() == '-' || id.back() == '-') return false;
  char previous = 0;
  for (const char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || (c == '-' && previous == '-')) return false;
    previous = c;
  }
  return true;
}

std::string_view type_name(toml::node_type type) {
  switch (type) {
    case toml::node_type::string:
      return tr("a string");
    case toml::node_type::integer:
      return tr("an integer");
    case toml::node_type::floating_point:
      return tr("a number");
    case toml::node_type::boolean:
      return tr("a boolean");
    case toml::node_type::date:
      return tr("a date");
    case toml::node_type::time:
      return tr("a time");
    case toml::node_type::date_time:
      return tr("a date-time");
    case toml::node_type::array:
      return tr("an array");
    case toml::node_type::table:
      return tr("a table");
    default:
      return tr("nothing");
  }
}

class Loader;

// Reads the keys of one table, remembering which keys the schema knows, so that `finish`
// can report the ones it does not.
class TableReader {
 public:
  // The strings are moved out of the table: the caller clears it once the record is read.
  // `keys` are every key the table may hold, if known: a missing required key is not
  // reported when the table has an unknown key that is a misspelling of it (finish()
  // reports that key once, with the right one as its hint).
  // `prefix` is how the table's keys are written in the record: "ko." for its `ko` table,
  // whose keys are asked for and reported as "ko.name".
  TableReader(Loader& loader, toml::table& table, std::string_view what,
              std::span<const std::string> keys = {}, std::string_view prefix = {})
      : m_loader(loader), m_table(table), m_what(what), m_keys(keys), m_prefix(prefix) {
    m_known.reserve(k_flat_keys);
    // A record has a dozen keys at most: finding one by a scan of this flat copy costs
    // less than a search of the table's tree, and a load asks for every key of every
    // record. A larger table (a series point with many columns) is searched as a tree.
    if (table.size() <= k_flat_keys) {
      for (auto&& [key, node] : table) m_flat[m_flat_count++] = {key.str(), &node};
    }
  }

  toml::node* get(std::string_view key);
  model::Text text(std::string_view key, bool required);
  model::TextList text_list(std::string_view key, bool required,
                            std::vector<SourcePos>* positions = nullptr);
  std::optional<double> number(std::string_view key, bool required);
  std::optional<std::int64_t> integer(std::string_view key, bool required);
  // A year of a period (1 to 9999, as in a date) and a count (a number, not negative).
  std::optional<int> year(std::string_view key);
  std::optional<double> count(std::string_view key, bool required);
  std::optional<model::Date> date(std::string_view key, bool required);
  bool boolean(std::string_view key);
  void require(std::string_view key);  // reports a missing key at the table
  void finish();

  SourcePos pos() const;

 private:
  void check_text(std::string_view key, std::string_view text, const toml::node& node);

  Loader& m_loader;
  toml::table& m_table;
  std::string_view m_what;
  std::span<const std::string> m_keys;
  std::string_view m_prefix;
  static constexpr std::size_t k_flat_keys = 16;
  struct Entry {
    std::string_view key;
    toml::node* node;
  };
  std::array<Entry, k_flat_keys> m_flat;
  std::size_t m_flat_count = 0;
  std::vector<std::string_view> m_known;  // every key asked for
  std::size_t m_found = 0;                // how many of them the table has
};

class Loader {
 public:
  Loader(std::string_view text, std::string_view path, std::size_t block_bytes)
      : m_text(text), m_path(path), m_block_bytes(block_bytes) {
    start_over();
  }

  LoadResult run();

  SourcePos pos(const toml::source_region& region) const {
    return {k_file, region.begin.line + m_line_offset, region.begin.column};
  }

  void report(Severity severity, SourcePos at, std::string message, std::string hint = {}) {
    model::Diagnostic d;
    d.severity = severity;
    d.path = std::string(m_result.facts.files[k_file]);
    d.line = at.line;
    d.column = at.column;
    d.message = std::move(message);
    d.hint = std::move(hint);
    d.source_line = line_text(at.line);
    m_result.diagnostics.push_back(std::move(d));
  }
  void error(SourcePos at, std::string message, std::string hint = {}) {
    report(Severity::error, at, std::move(message), std::move(hint));
  }
  void warning(SourcePos at, std::string message, std::string hint = {}) {
    report(Severity::warning, at, std::move(message), std::move(hint));
  }

  void add_links(std::string_view owner, model::TextList targets,
                 const std::vector<SourcePos>& positions, model::KindSet expected) {
    for (std::size_t i = 0; i < targets.size(); ++i) {
      m_result.links.push_back({owner, targets[i], expected, positions[i]});
    }
  }

  // Copies into the fact base's arena: the TOML tree is freed record by record.
  model::Text keep(std::string_view text) { return m_result.facts.storage().keep(text); }
  template <typename T>
  std::span<const T> keep(const std::vector<T>& items) {
    return m_result.facts.storage().keep(items);
  }
  // Scratch space for building a list before it is kept, reused from record to record.
  std::vector<std::string_view>& scratch_texts() { return m_scratch_texts; }
  const model::Date& today() const { return m_today; }

 private:
  std::string line_text(std::uint32_t line);
  void start_over();
  bool parse_whole();
  bool parse_blocks(const TomlBlocks& blocks);
  void check_record_count();
  bool check_encoding();
  SourcePos position_of(std::size_t offset) const;
  void read_kind(std::string_view key, toml::node& node);
  model::Text read_id(TableReader& reader, SourcePos& at);
  model::Text read_stamp(TableReader& reader, std::string_view key, SourcePos& at);
  void read_subject(toml::table& table);
  toml::table* ko_table(TableReader& reader);  // the `ko` table of Korean twins, if any
  template <typename R>
  void read_record(toml::table& table);
  template <typename R>
  void read_field(TableReader& reader, toml::table& table, const model::Field<R>& field, R& record);
  std::optional<std::size_t> read_choice(TableReader& reader, std::string_view key, bool required,
                                         std::span<const std::string_view> choices);
  model::TextList read_aliases(TableReader& reader, std::string_view key);
  // The hooks: what a descriptor cannot say.
  void read_value(TableReader& reader, toml::table& table, model::Figure& figure);
  void read_points(TableReader& reader, toml::table& table, model::Series& series);
  std::optional<model::SeriesPoint> read_point(toml::table& table, model::TextList columns);
  void check_record(const model::Reference& reference, toml::table& table);
  void check_record(const model::Figure& figure, toml::table& table);
  void check_columns(const model::Series& series, toml::table& table);
  void check_record(const auto&, toml::table&) {}

  std::string_view m_text;
  std::string_view m_path;
  std::size_t m_block_bytes;
  std::uint32_t m_line_offset = 0;         // lines before the block being read
  std::vector<std::size_t> m_line_starts;  // byte offset of each line, once one is quoted
  LoadResult m_result;
  std::unordered_map<std::string_view, SourcePos> m_ids;  // first definition of each id
  std::vector<std::string_view> m_scratch_texts;
  std::vector<double> m_scratch_values;
  model::Date m_today = today_utc();
};

// --- TableReader -------------------------------------------------------------------------

SourcePos TableReader::pos() const {
  return m_loader.pos(m_table.source());
}

toml::node* TableReader::get(std::string_view key) {
  assert(std::find(m_known.begin(), m_known.end(), key) == m_known.end());  // asked once
  m_known.push_back(key);
  assert(key.substr(0, m_prefix.size()) == m_prefix);
  key.remove_prefix(m_prefix.size());
  toml::node* node = nullptr;
  if (m_table.size() > k_flat_keys) {
    node = m_table.get(key);
  } else {
    for (std::size_t i = 0; i < m_flat_count; ++i) {
      if (m_flat[i].key == key) {
        node = m_flat[i].node;
        break;
      }
    }
  }
  if (node) ++m_found;
  return node;
}

void TableReader::require(std::string_view key) {
  if (!m_keys.empty()) {
    for (auto&& [present, node] : m_table) {
      if (std::find(m_keys.begin(), m_keys.end(), present.str()) != m_keys.end()) continue;
      const auto close = util::closest_matches(
          present.str(), std::vector<std::string>(m_keys.begin(), m_keys.end()), 1);
      if (!close.empty() && close.front() == key) return;  // finish() reports the misspelling
    }
  }
  m_loader.error(pos(), say("{} is missing the required key '{}'", tr(m_what), key));
}

model::Text TableReader::text(std::string_view key, bool required) {
  toml::node* node = get(key);
  if (!node) {
    if (required) require(key);
    return {};
  }
  auto* value = node->as_string();
  if (!value) {
    m_loader.error(m_loader.pos(node->source()),
                   say("'{}' must be a string, not {}", key, type_name(node->type())));
    return {};
  }
  const std::string& text = value->get();
  if (text.size() > k_max_string_bytes) {
    m_loader.error(m_loader.pos(node->source()), say("'{}' is {} bytes long; the limit is {}", key,
                                                     text.size(), k_max_string_bytes));
    return {};
  }
  if (required && text.find_first_not_of(" \t\n") == std::string::npos) {
    m_loader.error(m_loader.pos(node->source()), say("'{}' must not be empty", key));
  }
  check_text(key, text, *node);
  return m_loader.keep(text);
}

// Text that loads but is probably a mistake, or hostile: a warning, at the string.
void TableReader::check_text(std::string_view key, std::string_view text, const toml::node& node) {
  if (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
    m_loader.warning(m_loader.pos(node.source()), say("'{}' ends with spaces", key));
  }
  if (util::has_control_characters(text)) {
    m_loader.warning(m_loader.pos(node.source()),
                     say("'{}' contains control characters: \"{}\"", key, util::excerpt(text)),
                     std::string(tr("they are shown escaped; remove them unless they are meant")));
  }
}

model::TextList TableReader::text_list(std::string_view key, bool required,
                                       std::vector<SourcePos>* positions) {
  toml::node* node = get(key);
  if (!node) {
    if (required) require(key);
    return {};
  }
  auto* array = node->as_array();
  if (!array) {
    m_loader.error(m_loader.pos(node->source()),
                   say("'{}' must be an array of strings, not {}", key, type_name(node->type())));
    return {};
  }
  if (required && array->empty()) {
    m_loader.error(m_loader.pos(node->source()), say("'{}' must not be empty", key));
  }
  std::vector<std::string_view>& out = m_loader.scratch_texts();
  out.clear();
  for (toml::node& element : *array) {
    auto* value = element.as_string();
    if (!value) {
      m_loader.error(m_loader.pos(element.source()),
                     say("'{}' must hold only strings, not {}", key, type_name(element.type())));
      continue;
    }
    check_text(key, value->get(), element);
    out.push_back(m_loader.keep(value->get()));
    if (positions) positions->push_back(m_loader.pos(element.source()));
  }
  return m_loader.keep(out);
}

std::optional<double> TableReader::number(std::string_view key, bool required) {
  const toml::node* node = get(key);
  if (!node) {
    if (required) require(key);
    return std::nullopt;
  }
  // Every figure stays an exact, finite number: up to 2^53 in size, where a double still
  // holds every integer (past it, sums went wrong, then infinite).
  constexpr std::int64_t k_largest = std::int64_t{1} << 53;
  const auto out_of_range = [&](std::string message) -> std::optional<double> {
    m_loader.error(m_loader.pos(node->source()), std::move(message));
    return std::nullopt;
  };
  const auto too_large = [&] {
    return out_of_range(
        say("'{}' is out of range; a number is at most 2^53 (9007199254740992) in size", key));
  };
  const auto in_range = [&](double value) -> std::optional<double> {
    if (!std::isfinite(value)) return out_of_range(say("'{}' must be finite", key));
    if (std::fabs(value) > static_cast<double>(k_largest)) return too_large();
    return value;
  };
  if (const auto* integer = node->as_integer()) {
    const auto value = integer->get();
    if (value > k_largest || value < -k_largest) return too_large();
    return static_cast<double>(value);
  }
  if (const auto* floating = node->as_floating_point()) return in_range(floating->get());
  m_loader.error(m_loader.pos(node->source()),
                 say("'{}' must be a number, not {}", key, type_name(node->type())));
  return std::nullopt;
}

std::optional<std::int64_t> TableReader::integer(std::string_view key, bool required) {
  const toml::node* node = get(key);
  if (!node) {
    if (required) require(key);
    return std::nullopt;
  }
  if (const auto* integer = node->as_integer()) return integer->get();
  m_loader.error(m_loader.pos(node->source()),
                 say("'{}' must be an integer, not {}", key, type_name(node->type())));
  return std::nullopt;
}

std::optional<int> TableReader::year(std::string_view key) {
  const auto value = integer(key, false);
  if (!value) return std::nullopt;
  // The rule of dates: a year from 1 to 9999 (4294969296 once wrapped round to 2000).
  if (*value >= 1 && *value <= 9999) return static_cast<int>(*value);
  // The key was asked for above; the table itself gives its place.
  m_loader.error(m_loader.pos(m_table.get(key)->source()),
                 say("'{}' is not a valid year: {}", key, *value));
  return std::nullopt;
}

std::optional<double> TableReader::count(std::string_view key, bool required) {
  const auto value = number(key, required);
  if (!value || *value >= 0) return value;
  // Drawn as a bar, a negative count once showed as nothing ("10 = 0 + 10").
  m_loader.error(
      m_loader.pos(m_table.get(key)->source()),
      say("'{}' is a count and cannot be negative: {}", key, util::format_number(*value, false)));
  return std::nullopt;
}

std::optional<model::Date> TableReader::date(std::string_view key, bool required) {
  const toml::node* node = get(key);
  if (!node) {
    if (required) require(key);
    return std::nullopt;
  }
  const SourcePos at = m_loader.pos(node->source());
  // One rule for loading and `check`: a date after today is an error, at the date.
  const auto dated = [&](const model::Date& d) -> std::optional<model::Date> {
    if (is_in_future(d, m_loader.today())) {
      m_loader.error(at, say("'{}' is in the future: {}", key, model::to_iso(d)),
                     std::string(tr("the facts record what has happened; check the year")));
    }
    return d;
  };
  if (const auto* date = node->as_date()) {
    const toml::date& d = date->get();
    // The same rule as for a year or a "YYYY-MM" string: years 1 to 9999.
    const model::Date out{d.year, d.month, d.day};
    if (model::is_valid(out)) return dated(out);
    m_loader.error(at, say("'{}' is not a valid date: {}", key, model::to_iso(out)));
    return std::nullopt;
  }
  if (const auto* year = node->as_integer()) {
    const model::Date d{static_cast<std::int32_t>(std::clamp<std::int64_t>(year->get(), -1, 10000)),
                        0, 0};
    if (model::is_valid(d)) return dated(d);
    m_loader.error(at, say("'{}' is not a valid year: {}", key, year->get()));
    return std::nullopt;
  }
  if (const auto* text = node->as_string()) {
    if (auto d = model::parse_iso_date(text->get())) return dated(*d);
    m_loader.error(
        at, say("'{}' is not a valid date: \"{}\"", key, util::excerpt(text->get())),
        std::string(tr("write a date as 2019-12-31, a month as \"2007-02\", or a year as 2019")));
    return std::nullopt;
  }
  m_loader.error(
      at, say("'{}' must be a date, a year or \"YYYY-MM\", not {}", key, type_name(node->type())));
  return std::nullopt;
}

bool TableReader::boolean(std::string_view key) {
  const toml::node* node = get(key);
  if (!node) return false;
  if (const auto* value = node->as_boolean()) return value->get();
  m_loader.error(m_loader.pos(node->source()),
                 say("'{}' must be true or false, not {}", key, type_name(node->type())));
  return false;
}

void TableReader::finish() {
  if (m_found == m_table.size()) return;  // every key was asked for, so none is unknown
  for (auto&& [key, node] : m_table) {
    const std::string name = fmt::format("{}{}", m_prefix, key.str());
    if (std::find(m_known.begin(), m_known.end(), name) != m_known.end()) continue;
    std::vector<std::string> known(m_known.begin(), m_known.end());
    std::sort(known.begin(), known.end());
    known.erase(std::unique(known.begin(), known.end()), known.end());
    const auto close = util::closest_matches(name, known, 1);
    const std::string keys = fmt::format("{}", fmt::join(known, ", "));
    std::string hint =
        close.empty() ? say("{} takes: {}", tr(m_what), keys)
                      : say("did you mean '{}'? {} takes: {}", close.front(), tr(m_what), keys);
    m_loader.error(m_loader.pos(key.source()),
                   say("unknown key '{}' in {}", util::excerpt(name), tr(m_what)), std::move(hint));
  }
}

// --- Loader ------------------------------------------------------------------------------

std::string Loader::line_text(std::uint32_t line) {
  if (line == 0) return {};
  // Where each line starts, found once, at the first diagnostic: a file with a mistake in
  // each of its 50,000 records would otherwise be searched from the top 50,000 times.
  if (m_line_starts.empty()) {
    m_line_starts.push_back(0);
    for (auto i = m_text.find('\n'); i != std::string_view::npos; i = m_text.find('\n', i + 1)) {
      m_line_starts.push_back(i + 1);
    }
  }
  if (line > m_line_starts.size()) return {};
  const std::size_t start = m_line_starts[line - 1];
  auto end = m_text.find('\n', start);
  if (end == std::string_view::npos) end = m_text.size();
  std::string_view text = m_text.substr(start, end - start);
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  if (text.size() > 240) text = text.substr(0, 240);
  // Quoted data is escaped like any other; cut at an invalid byte rather than pass it on.
  if (const auto bad = util::find_invalid_utf8(text)) text = text.substr(0, *bad);
  return util::escape_controls(text, util::Newlines::escape);
}

SourcePos Loader::position_of(std::size_t offset) const {
  std::uint32_t line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    if (m_text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  std::uint32_t column = 1;
  for (const char c : m_text.substr(line_start, offset - line_start)) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++column;
  }
  return {k_file, line, column};
}

bool Loader::check_encoding() {
  const auto bad = util::find_invalid_utf8(m_text);
  if (!bad) return true;
  error(position_of(*bad),
        say("invalid UTF-8 (byte 0x{:02x})", static_cast<unsigned char>(m_text[*bad])),
        std::string(tr("fact files must be saved as UTF-8")));
  return false;
}

LoadResult Loader::run() {
  if (m_text.size() > k_max_file_bytes) {
    error({k_file, 0, 0},
          say("file is {} bytes; the limit is {} bytes", m_text.size(), k_max_file_bytes),
          std::string(tr("split the facts into several files")));
    return std::move(m_result);
  }
  if (const auto hazard = find_parser_hazard(m_text)) {
    if (!check_encoding()) return std::move(m_result);
    error(position_of(hazard->offset), hazard->message, hazard->hint);
    return std::move(m_result);
  }
  if (m_block_bytes != 0 && m_text.size() > m_block_bytes) {
    if (const auto blocks = split_toml_blocks(m_text, m_block_bytes, record_kind_names())) {
      if (parse_blocks(*blocks)) {
        check_record_count();
        return std::move(m_result);
      }
      // A block did not parse, or the prefix defines a kind that a record block opens:
      // the whole file is parsed again, to report the error exactly where it would be
      // reported for a file too small to cut.
      start_over();
    }
  }
  if (parse_whole()) check_record_count();
  return std::move(m_result);
}

// Once every record is read: one error for the file, not one for each record past the
// limit, and the same whatever order the records were read in.
void Loader::check_record_count() {
  // Not record_count(): the index is built after the load.
  const std::size_t count = m_result.facts.records_held();
  if (count > k_max_records) {
    error({k_file, 0, 0}, say("{} records in one file; the limit is {}", count, k_max_records),
          std::string(tr("split the facts into several files")));
  }
}

void Loader::start_over() {
  m_result = LoadResult{};
  m_result.facts.files = {"", m_result.facts.storage().keep(m_path)};
  m_ids.clear();
  m_ids.reserve(m_text.size() / 256);  // a record takes a few hundred bytes of TOML
  m_line_offset = 0;
}

// Reads the blocks in order, each parsed, converted and freed before the next is parsed.
// Returns false, with the result half-filled, if one does not parse or the blocks' top-level
// keys meet; the caller then starts over.
bool Loader::parse_blocks(const TomlBlocks& blocks) {
  for (std::size_t b = 0; b < blocks.blocks.size(); ++b) {
    const TomlBlock& block = blocks.blocks[b];
    m_line_offset = block.line;
    toml::parse_result parsed =
        toml::parse(m_text.substr(block.begin, block.end - block.begin), m_path);
    if (!parsed) return false;
    toml::table& root = parsed.table();
    if (b == 0) {
      for (const std::string_view kind : blocks.opened) {
        if (root.contains(kind)) return false;  // TOML: that table is defined twice
      }
    }
    for (auto&& [key, node] : root) read_kind(key.str(), node);
  }
  m_line_offset = 0;
  return true;
}

// The whole text as one TOML document; false if it does not parse (the error is reported).
bool Loader::parse_whole() {
  toml::parse_result parsed = toml::parse(m_text, m_path);
  if (!parsed) {
    // toml++ rejects invalid UTF-8 anywhere (comments too), so the text is scanned only
    // now, to point at the exact byte with a clearer message than the parser's.
    if (!check_encoding()) return false;
    const toml::parse_error& failure = parsed.error();
    std::string message(failure.description());
    // toml++ capitalises its messages; ours start lower-case (docs/cli.md, section 6).
    if (message.size() > 1 && message[0] >= 'A' && message[0] <= 'Z' &&
        !(message[1] >= 'A' && message[1] <= 'Z')) {
      message[0] = static_cast<char>(message[0] - 'A' + 'a');
    }
    // toml++ speaks only English: in another language, say first what the message is.
    if (util::language() != util::Language::en) message = say("TOML syntax error: {}", message);
    error(pos(failure.source()), util::escape_controls(message, util::Newlines::escape));
    return false;
  }
  toml::table& root = parsed.table();
  for (auto&& [key, node] : root) read_kind(key.str(), node);
  return true;
}

void Loader::read_kind(std::string_view key, toml::node& node) {
  const SourcePos at = pos(node.source());
  if (key == "subject") {
    if (auto* table = node.as_table()) {
      read_subject(*table);
    } else {
      error(at, std::string(tr("'subject' must be a table ([subject])")));
    }
    return;
  }
  const auto kind = model::parse_kind(key);
  if (!kind || key != model::kind_name(*kind)) {
    std::vector<std::string> kinds = {"subject"};
    std::string valid;
    model::for_each_kind([&](auto schema) {
      kinds.emplace_back(decltype(schema)::name);
      valid += fmt::format("[[{}]], ", decltype(schema)::name);
    });
    valid += "[subject]";
    std::sort(kinds.begin(), kinds.end());
    const auto close = util::closest_matches(key, kinds, 1);
    error(at, say("unknown kind '{}'", util::excerpt(key)),
          close.empty() ? say("valid kinds: {}", valid)
                        : say("did you mean {}?", fmt::format("[[{}]]", close.front())));
    return;
  }
  auto* array = node.as_array();
  if (!array || !array->is_array_of_tables()) {
    error(at, say("'{}' must be an array of tables, written [[{}]]", key, key));
    return;
  }
  // Room for every record of the kind at once: growing the vector would move each one.
  // A file read in blocks comes here once a block, so the room at least doubles: an exact
  // fit each time would move every record at every block.
  const auto make_room = [&](auto& records) {
    auto& owned = records.edit();
    const std::size_t needed = owned.size() + array->size();
    if (needed > owned.capacity()) owned.reserve(std::max(needed, 2 * owned.capacity()));
  };
  model::visit_kind(*kind, [&](auto schema) {
    using R =
        typename std::decay_t<decltype(model::records_of(m_result.facts, schema))>::value_type;
    make_room(model::records_of(m_result.facts, schema));
    for (toml::node& element : *array) {
      toml::table& table = *element.as_table();
      read_record<R>(table);
      // The record is converted: free its TOML nodes now, so that a large file never holds
      // the whole tree and the whole model at once (peak memory, bench/README.md).
      table.clear();
    }
  });
}

model::Text Loader::read_id(TableReader& reader, SourcePos& position) {
  toml::node* node = reader.get("id");
  if (!node) {
    reader.require("id");
    return {};
  }
  const SourcePos at = pos(node->source());
  position = at;
  auto* value = node->as_string();
  if (!value) {
    error(at, say("'id' must be a string, not {}", type_name(node->type())));
    return {};
  }
  const model::Text id = keep(value->get());
  if (!is_kebab_id(id)) {
    error(at, say("id \"{}\" is not lower-case kebab-case", util::excerpt(id)),
          std::string(tr("ids use a-z, 0-9 and single hyphens, e.g. \"arrivals-total-2025\"")));
    return id;
  }
  const auto [it, inserted] = m_ids.emplace(id, at);
  if (!inserted) {
    // Records are read kind by kind (and block by block), not in file order: the one
    // higher in the file is the first definition, whichever was read first.
    SourcePos again = at;
    if (std::tie(at.line, at.column) < std::tie(it->second.line, it->second.column)) {
      std::swap(again, it->second);
    }
    error(again, say("duplicate id \"{}\"", id),
          say("the first definition is at {}:{}:{}; ids must be unique within one source",
              m_result.facts.files[k_file], it->second.line, it->second.column));
  }
  return id;
}

void Loader::read_subject(toml::table& table) {
  TableReader reader(*this, table, util::tr_noop("subject"));
  auto& subject = m_result.facts.subject;
  subject.name = reader.text("name", true);
  subject.summary = reader.text("summary", true);
  if (toml::table* ko = ko_table(reader)) {
    TableReader twins(*this, *ko, "subject", {}, "ko.");
    subject.ko_name = twins.text("ko.name", false);
    subject.ko_summary = twins.text("ko.summary", false);
    twins.finish();
  }
  reader.finish();
}

// A record's `ko.stamp`: 8 hex digits in lower case (model/stamp.hpp). Only its form is
// checked here; whether it is the English text's stamp is `check`'s question.
model::Text Loader::read_stamp(TableReader& reader, std::string_view key, SourcePos& at) {
  toml::node* node = reader.get(key);
  if (!node) return {};
  at = pos(node->source());
  auto* value = node->as_string();
  if (!value || !model::is_stamp(value->get())) {
    error(at, say("'{}' must be 8 hex digits in lower case, like \"5f3a9c1e\"", key),
          say("`nkfacts check` gives the stamp of the English text (facts/README.md, Korean "
              "text)"));
    return {};
  }
  return keep(value->get());
}

toml::table* Loader::ko_table(TableReader& reader) {
  toml::node* node = reader.get("ko");
  if (!node) return nullptr;
  if (auto* table = node->as_table()) return table;
  error(pos(node->source()),
        std::string(tr("'ko' must hold the Korean text as keys: ko.summary = \"...\"")),
        std::string(tr("write each translated field as its own line, e.g. ko.name = \"...\"")));
  return nullptr;
}

// Every key a record of kind R may hold, for the misspelt-key rule of TableReader.
template <typename R>
std::span<const std::string> keys_of() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> out;
    for (const auto& field : model::Schema<R>::fields) {
      if (field.type == FieldType::quantity) {
        out.insert(out.end(), {"value", "low", "high"});
      } else if (field.in_ko_table()) {
        if (std::find(out.begin(), out.end(), "ko") == out.end()) out.emplace_back("ko");
      } else {
        out.emplace_back(field.key);
      }
    }
    return out;
  }();
  return keys;
}

template <typename R>
void Loader::read_record(toml::table& table) {
  using S = model::Schema<R>;
  TableReader reader(*this, table, S::name, keys_of<R>());
  R record{};
  record.pos = reader.pos();
  for (const auto& field : S::fields) {
    if (!field.in_ko_table()) read_field(reader, table, field, record);
  }
  // The Korean twins and the stamp, in the record's `ko` table (ko.name = "..."): read by
  // the same descriptors, each list as long as its English list.
  if (toml::table* ko = ko_table(reader)) {
    TableReader twins(*this, *ko, S::name, {}, "ko.");
    for (const auto& field : S::fields) {
      if (!field.in_ko_table()) continue;
      read_field(twins, *ko, field, record);
      if (field.type != FieldType::text_list) continue;
      const auto& english =
          record.*
          std::get<model::TextList R::*>(
              std::find_if(std::begin(S::fields), std::end(S::fields), [&](const auto& other) {
                return other.key == field.translates;
              })->member);
      const auto& korean = record.*std::get<model::TextList R::*>(field.member);
      if (!korean.empty() && korean.size() != english.size()) {
        error(pos(ko->get(field.key.substr(3))->source()),
              say("'{}' has {} item(s) but '{}' has {}", field.key, korean.size(), field.translates,
                  english.size()),
              std::string(tr("give the Korean text of each English item, in the same order")));
      }
    }
    twins.finish();
  }
  reader.finish();
  check_record(record, table);
  (m_result.facts.*S::records).push_back(record);
}

template <typename R>
void Loader::read_field(TableReader& reader, toml::table& table, const model::Field<R>& field,
                        R& record) {
  switch (field.type) {
    case FieldType::id:
      record.id = read_id(reader, record.stamp_pos);  // until a ko.stamp is read
      return;
    case FieldType::stamp:
      record.*std::get<model::Text R::*>(field.member) =
          read_stamp(reader, field.key, record.stamp_pos);
      return;
    case FieldType::text:
      record.*std::get<model::Text R::*>(field.member) = reader.text(field.key, field.required);
      return;
    case FieldType::text_list:
      record.*std::get<model::TextList R::*>(field.member) =
          reader.text_list(field.key, field.required);
      return;
    case FieldType::aliases:
      record.*std::get<model::TextList R::*>(field.member) = read_aliases(reader, field.key);
      return;
    case FieldType::id_list: {
      std::vector<SourcePos> positions;
      const auto ids = reader.text_list(field.key, field.required, &positions);
      add_links(record.id, ids, positions, field.targets);
      record.*std::get<model::TextList R::*>(field.member) = ids;
      return;
    }
    case FieldType::date:
      if (const auto* optional = std::get_if<std::optional<model::Date> R::*>(&field.member)) {
        record.** optional = reader.date(field.key, field.required);
      } else {
        record.*std::get<model::Date R::*>(field.member) =
            reader.date(field.key, true).value_or(model::Date{});
      }
      return;
    case FieldType::boolean:
      record.*std::get<bool R::*>(field.member) = reader.boolean(field.key);
      return;
    case FieldType::choice:
      if (const auto index = read_choice(reader, field.key, field.required, field.choices)) {
        std::visit(
            [&](auto member) {
              using Value = std::decay_t<decltype(record.*member)>;
              if constexpr (std::is_enum_v<Value>) record.*member = static_cast<Value>(*index);
            },
            field.member);
      }
      return;
    case FieldType::quantity:
      if constexpr (std::is_same_v<R, model::Figure>) read_value(reader, table, record);
      return;
    case FieldType::points:
      if constexpr (std::is_same_v<R, model::Series>) read_points(reader, table, record);
      return;
  }
}

std::optional<std::size_t> Loader::read_choice(TableReader& reader, std::string_view key,
                                               bool required,
                                               std::span<const std::string_view> choices) {
  const toml::node* node = reader.get(key);
  if (!node) {
    if (required) reader.require(key);
    return std::nullopt;
  }
  const auto* value = node->as_string();
  if (value) {
    const auto it = std::find(choices.begin(), choices.end(), value->get());
    if (it != choices.end()) return static_cast<std::size_t>(it - choices.begin());
  }
  const std::vector<std::string> names(choices.begin(), choices.end());
  const auto close =
      value ? util::closest_matches(value->get(), names, 1) : std::vector<std::string>{};
  error(pos(node->source()), say("'{}' must be one of {}", key, fmt::join(names, ", ")),
        close.empty() ? std::string() : say("did you mean \"{}\"?", close.front()));
  return std::nullopt;
}

// Other names readers use for the record: none empty, none twice (ignoring case).
model::TextList Loader::read_aliases(TableReader& reader, std::string_view key) {
  std::vector<SourcePos> positions;
  const auto aliases = reader.text_list(key, false, &positions);
  std::vector<std::string> folded;
  for (std::size_t i = 0; i < aliases.size(); ++i) {
    if (aliases[i].find_first_not_of(" \t\n") == std::string_view::npos) {
      error(positions[i], say("'{}' holds an empty name", key));
      continue;
    }
    auto fold = util::fold_case(aliases[i]);
    if (std::find(folded.begin(), folded.end(), fold) != folded.end()) {
      error(positions[i], say("'{}' names \"{}\" twice", key, util::excerpt(aliases[i])));
    }
    folded.push_back(std::move(fold));
  }
  return aliases;
}

void Loader::check_record(const model::Reference& r, toml::table& table) {
  // Only a reference that says it is a web page: a missing or unknown kind is reported as
  // such, not also as a web page without its date.
  const auto kind = table["kind"].value<std::string_view>();
  if (r.kind == model::ReferenceKind::web && kind && *kind == "web" && !r.retrieved) {
    warning(r.pos, say("web reference \"{}\" has no 'retrieved' date", r.id),
            std::string(
                tr("web pages change; say when the page was read, e.g. retrieved = 2025-02-04")));
  }
}

// A figure's `value`, or its `low` and/or `high`.
void Loader::read_value(TableReader& reader, toml::table& table, model::Figure& f) {
  const auto value = reader.number("value", false);
  const auto low = reader.number("low", false);
  const auto high = reader.number("high", false);
  if (value && (low || high)) {
    error(pos(table.get("value")->source()),
          std::string(tr("a figure has either 'value' or 'low'/'high', not both")));
  } else if (value) {
    f.value = {value, value};
  } else if (low || high) {
    f.value = {low, high};
    if (low && high && *low > *high) {
      error(pos(table.get("low")->source()),
            say("'low' ({}) is above 'high' ({})", util::format_number(*low, false),
                util::format_number(*high, false)));
    }
  } else if (!table.contains("value") && !table.contains("low") && !table.contains("high")) {
    // A value that is there but bad (a wrong type, out of range) is reported where it
    // stands, not as missing too.
    error(
        f.pos, say("figure \"{}\" has no 'value' and no 'low'/'high'", f.id),
        std::string(tr("a single number is value = N; an estimate or range is low = A, high = B")));
  }
}

void Loader::check_record(const model::Figure& f, toml::table& table) {
  if (is_count_unit(f.unit)) {
    const bool point = table.contains("value");
    const std::pair<const char*, std::optional<double>> numbers[] = {
        {"value", point ? f.value.low : std::nullopt},
        {"low", point ? std::nullopt : f.value.low},
        {"high", point ? std::nullopt : f.value.high}};
    for (const auto& [key, number] : numbers) {
      if (number && *number < 0 && table.contains(key)) {
        error(pos(table.get(key)->source()), say("'{}' is negative ({}), but counts {} cannot be",
                                                 key, util::format_number(*number, false), f.unit));
      }
    }
  }
  if (!f.as_of && !table.contains("as_of")) {
    warning(f.pos, say("figure \"{}\" has no 'as_of' date", f.id),
            std::string(tr("a figure is true as of a date: as_of = 2025-12-31, or a year")));
  }
}

std::optional<model::SeriesPoint> Loader::read_point(toml::table& table, model::TextList columns) {
  TableReader reader(*this, table, util::tr_noop("series point"));
  model::SeriesPoint p;
  p.pos = reader.pos();
  const auto year = reader.year("year");
  const auto from = reader.year("from");
  const auto to = reader.year("to");
  bool period_ok = true;
  if (year && (from || to)) {
    error(p.pos, std::string(tr("a series point has either 'year' or 'from'/'to', not both")));
    period_ok = false;
  } else if (year) {
    p.period = {static_cast<int>(*year), static_cast<int>(*year)};
  } else if (to) {
    p.period.to = static_cast<int>(*to);
    if (from) p.period.from = static_cast<int>(*from);
    if (from && *from > *to) {
      error(pos(table.get("from")->source()),
            say("period starts ({}) after it ends ({})", *from, *to));
      period_ok = false;
    }
  } else {
    // A year that is there but bad has been reported where it stands.
    if (!table.contains("year") && !table.contains("from") && !table.contains("to")) {
      error(p.pos,
            std::string(
                tr("a series point needs 'year', or 'from' and 'to', or 'to' alone (\"up to\")")));
    }
    period_ok = false;
  }
  std::vector<double>& values = m_scratch_values;
  values.clear();
  for (std::size_t c = 0; c < columns.size(); ++c) {
    // A reserved or repeated column is an error of the series already; the table is asked
    // for each key once, so that `finish` can count them.
    const auto earlier = columns.begin() + static_cast<std::ptrdiff_t>(c);
    if (is_reserved_column(columns[c]) ||
        std::find(columns.begin(), earlier, columns[c]) != earlier) {
      values.push_back(0);
      continue;
    }
    values.push_back(reader.count(columns[c], true).value_or(0));
  }
  p.values = keep(values);
  std::vector<SourcePos> positions;
  p.sources = reader.text_list("sources", false, &positions);
  p.note = reader.text("note", false);
  if (toml::table* ko = ko_table(reader)) {
    TableReader twins(*this, *ko, "series point", {}, "ko.");
    p.ko_note = twins.text("ko.note", false);
    twins.finish();
  }
  reader.finish();
  if (!period_ok) return std::nullopt;
  return p;
}

void Loader::check_columns(const model::Series& s, toml::table& table) {
  for (std::size_t c = 0; c < s.columns.size(); ++c) {
    const auto& column = s.columns[c];
    const auto at = pos(table.get("columns")->source());
    if (!is_kebab_id(column) || column.find('-') != std::string::npos) {
      error(at, say("column name \"{}\" must be a lower-case word", util::excerpt(column)));
    } else if (is_reserved_column(column)) {
      error(at, say("column name \"{}\" is taken by the series itself; the reserved "
                    "names are year, from, to, sources, note, series, period, total and ko",
                    column));
    } else if (std::find(s.columns.begin(), s.columns.begin() + static_cast<std::ptrdiff_t>(c),
                         column) != s.columns.begin() + static_cast<std::ptrdiff_t>(c)) {
      error(at, say("column \"{}\" is named twice", column));
    }
  }
  if (!s.share_column.empty() &&
      std::find(s.columns.begin(), s.columns.end(), s.share_column) == s.columns.end()) {
    error(pos(table.get("share")->source()),
          say("'share' names \"{}\", which is not one of the columns",
              util::excerpt(s.share_column)));
  }
}

// A series' [[series.point]] tables, read once its columns and unit are.
void Loader::read_points(TableReader& reader, toml::table& table, model::Series& s) {
  check_columns(s, table);
  toml::node* points = reader.get("point");
  if (!points) {
    reader.require("point");
  } else if (auto* array = points->as_array(); !array || !array->is_array_of_tables()) {
    error(pos(points->source()),
          std::string(tr("'point' must be an array of tables, written [[series.point]]")));
  } else {
    std::vector<model::SeriesPoint> kept;
    for (toml::node& element : *array) {
      auto point = read_point(*element.as_table(), s.columns);
      if (!point) continue;
      // A negative value was refused where it was read: a series is drawn as bars of counts.
      for (const auto& other : kept) {
        const int a_from = point->period.from.value_or(-1000000);
        const int b_from = other.period.from.value_or(-1000000);
        if (a_from <= other.period.to && b_from <= point->period.to) {
          error(point->pos,
                say("period {} overlaps period {}", model::period_label(point->period),
                    model::period_label(other.period)),
                say("the other period is at {}:{}:{}", m_result.facts.files[k_file], other.pos.line,
                    other.pos.column));
          break;
        }
      }
      for (const auto& source : point->sources) {
        m_result.links.push_back({s.id, source, Kind::reference, point->pos});
      }
      kept.push_back(*point);
    }
    std::stable_sort(kept.begin(), kept.end(),
                     [](const auto& a, const auto& b) { return a.period.to < b.period.to; });
    s.points = keep(kept);
  }
}

}  // namespace

model::Date today_utc() {
  return model::utc_date(std::time(nullptr));
}

bool LoadResult::has_errors() const {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const auto& d) { return d.severity == Severity::error; });
}

std::string toml_library_version() {
  return fmt::format("{}.{}.{}", TOML_LIB_MAJOR, TOML_LIB_MINOR, TOML_LIB_PATCH);
}

LoadResult load_text(std::string_view text, std::string_view path, std::size_t block_bytes) {
  LoadResult result = Loader(text, path, block_bytes).run();
  result.facts.build_index();
  return result;
}

}  // namespace nkfacts::load

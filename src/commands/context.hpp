// What every command reads: the facts, how stdout and stderr look, and two buffers the
// command appends to (main writes them; a long answer in parts, see pass_on), so tests can
// call a command directly.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/fact_base.hpp"
#include "render/dataset.hpp"
#include "render/html.hpp"
#include "render/record_rows.hpp"
#include "render/terminal.hpp"

namespace nkfacts::commands {

struct Context {
  Context(const model::FactBase& facts_, render::Terminal out_terminal_,
          render::Terminal err_terminal_, render::Format format_ = render::Format::text,
          std::vector<std::string> fields_ = {})
      : facts(facts_),
        out_terminal(out_terminal_),
        err_terminal(err_terminal_),
        format(format_),
        fields(std::move(fields_)) {}

  const model::FactBase& facts;
  render::Terminal out_terminal;
  render::Terminal err_terminal;
  std::string out;
  std::string err;
  // Set by main: pass_on() writes a long answer's first part through it and empties `out`.
  std::function<void(std::string_view)> write_early;
  render::Format format = render::Format::text;
  std::vector<std::string> fields;                      // --fields: columns for the machine formats
  render::html::Paper paper = render::html::Paper::a4;  // --paper: for -o html
  // FactBase::files from this index on are the user's own (NKFACTS_PATH, --facts): a
  // handout marks their records. The default: none is.
  std::uint32_t first_own_file = UINT32_MAX;
};

inline bool is_machine_format(const Context& context) {
  return context.format != render::Format::text;
}

// An answer of nothing in JSON is still a document a parser reads, `{}` (its length, and
// that of its absent "records", is 0), with status 1 as ever. Called once a command has run.
void complete_answer(Context& context, int status);

// Appends `text` to the output, moved in when the output is still empty: a copy would
// touch the pages of a long answer twice (bench/README.md).
void append_output(Context& context, std::string&& text);

// Writes `data` in the context's machine format, with --fields checked against `valid`
// (an unknown field is a usage error that lists the valid ones).
int emit_dataset(Context& context, const render::Dataset& data,
                 const std::vector<std::string>& valid);

// Writes what the output holds and empties it, once it holds 16 KB, when the context can
// write early (main's does; tests' does not). Called between the rows or entries of a long
// answer: its pages are then used again instead of touching fresh ones, and a reader at
// the other end of a pipe gets the first lines while the rest is made.
void pass_on(Context& context);
// The same for a document built in a buffer of its own before it joins the output (the
// handout): what the output holds goes first, then the buffer.
void pass_on(Context& context, std::string& buffer);

// Reserves util::k_answer_room in the output when an answer of about `expected` bytes may
// pass 16 KB: a long answer then grows in place instead of being copied a doubling at a
// time. A short one stays in the heap, whose pages are mostly touched already.
void expect_answer_of(Context& context, std::size_t expected);

// Writes rows in the context's machine format as they are made, with the references they
// cite (json and Markdown list them), straight into the output; finish() closes the document.
// An answer held as rows first took two to three times its own size in fresh heap pages
// (bench/README.md). Check --fields first (check_fields); `schema` must outlive the stream.
class RowStream {
 public:
  RowStream(Context& context, const std::vector<std::string>& schema, std::size_t expected_rows);
  void row(const render::Row& row);
  int finish();  // the answered status

 private:
  Context& m_context;
  render::CitedReferences m_cited;
  bool m_lists_references;
  render::DatasetWriter m_writer;
};

// Checks --fields against `valid`; for an unknown field, appends the usage error (which
// lists the valid ones) and returns false. emit_dataset does this itself; a command that
// writes its rows one at a time (render::DatasetWriter) calls it first.
bool check_fields(Context& context, const std::vector<std::string>& valid);

// Appends "nkfacts: no KIND with id 'x'" and a did-you-mean hint to context.err and returns
// the nothing-found status. `kind` empty means any record.
int report_unknown_id(Context& context, std::string_view id, std::string_view kind_label,
                      const std::vector<std::string>& suggestions);

// Parses a --kind / KIND argument ("" means any kind), singular or plural, in any case.
// `allowed` lists the kinds the command takes (empty: every kind). On a bad name, appends
// the usage error, whose hint lists the allowed kinds, and returns false.
bool parse_kind_argument(Context& context, std::string_view name, std::optional<model::Kind>& kind,
                         const std::vector<model::Kind>& allowed = {});

// The one way a command reports a problem that ends it: "nkfacts: message" and the hint
// (if any) appended to context.err through render::format_error; returns `status`.
int report(Context& context, int status, std::string_view message, std::string_view hint = {});

// Appends "nkfacts: message" and the hint to context.err; returns the usage-error status.
// Control characters in `message` are escaped.
int usage_error(Context& context, std::string_view message, std::string_view hint);

// Appends "nkfacts: note: message" to context.err (a remark, not a problem).
void note(Context& context, std::string_view message);

// "1 question", "2 questions".
std::string count_of(std::size_t count, std::string_view one, std::string_view many);

// A count in its phrase: `one` or `many` by the count, each a translated format string
// with `{}` for the number, grouped by thousands: tr("{} source") gives "1 source",
// tr("{} sources") "2 sources"; Korean has one form for both ("출처 {}개").
std::string count_phrase(std::size_t count, std::string_view one, std::string_view many);

// For an id that exists but is of another kind than the command lists.
int report_wrong_kind(Context& context, std::string_view id, std::string_view wanted,
                      std::string_view actual);

}  // namespace nkfacts::commands

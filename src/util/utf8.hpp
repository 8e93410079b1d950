// UTF-8 helpers: validation, display width, case folding and escaping of control characters.
// Nothing here knows about facts; widths and folding come from utf8proc, never from the C
// library's locale-dependent wcwidth/tolower.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace nkfacts::util {

// The utf8proc library's version, for --version --verbose.
std::string_view utf8proc_library_version();

// Byte offset of the first invalid UTF-8 sequence, or nullopt when the text is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

// Columns a terminal uses for `text`: wide (Hangul, CJK) characters count 2, combining and
// zero-width characters 0. Escape sequences written by nkfacts itself (ESC [ ... m) count 0.
std::size_t display_width(std::string_view text);

// Unicode case folding with NFC composition, for case-insensitive comparison and search.
std::string fold_case(std::string_view text);
// The same into `out`, reusing its buffer (search folds every field of every record).
void fold_case_into(std::string& out, std::string_view text);

// How text from a data file may be written out; see docs/cli.md, section 10.
enum class Newlines { keep, escape, to_space };
enum class Tabs { to_space, keep };
// Replaces ESC, other C0 controls, DEL, C1 controls and bidi overrides/isolates by visible
// escapes (`\x1b`, `\u009b`, `\u202e`); TAB becomes a space unless kept; LF is kept,
// escaped or becomes a space (for one-line output such as a Markdown table cell); CR is
// always escaped.
std::string escape_controls(std::string_view text, Newlines newlines = Newlines::keep,
                            Tabs tabs = Tabs::to_space);
// The same, appended to `out`: text written piece by piece into one buffer (citations,
// the handout) needs no string of its own for each piece.
void escape_controls_into(std::string& out, std::string_view text,
                          Newlines newlines = Newlines::keep, Tabs tabs = Tabs::to_space);

// The same, and Markdown's punctuation (\\ ` * _ [ ] < > | #) backslash-escaped, in one
// pass, so text from a fact file is literal in a Markdown document.
std::string markdown_literal(std::string_view text, Newlines newlines = Newlines::escape);
void markdown_literal_into(std::string& out, std::string_view text,
                           Newlines newlines = Newlines::escape);

// True when `text` holds a character escape_controls would change (TAB and LF excepted).
bool has_control_characters(std::string_view text);

}  // namespace nkfacts::util

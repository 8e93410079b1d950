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

// One character decoded from UTF-8: its code point and its length in bytes. Length 0: the
// bytes at that offset are not well-formed UTF-8 (RFC 3629: no overlong forms, no
// surrogates, nothing above U+10FFFF, no cut sequence) or the offset is at the end.
struct DecodedChar {
  char32_t code_point = 0;
  std::size_t length = 0;
};

// The one UTF-8 decoder of the program: every layer that needs a code point asks here.
inline DecodedChar decode_utf8(std::string_view text, std::size_t i) noexcept {
  if (i >= text.size()) return {};
  const auto lead = static_cast<unsigned char>(text[i]);
  if (lead < 0x80) return {lead, 1};
  std::size_t length = 0;
  char32_t code_point = 0;
  char32_t least = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2, code_point = lead & 0x1Fu, least = 0x80;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3, code_point = lead & 0x0Fu, least = 0x800;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4, code_point = lead & 0x07u, least = 0x10000;
  } else {
    return {};
  }
  if (text.size() - i < length) return {};
  for (std::size_t k = 1; k < length; ++k) {
    const auto byte = static_cast<unsigned char>(text[i + k]);
    if ((byte & 0xC0u) != 0x80u) return {};
    code_point = (code_point << 6) | (byte & 0x3Fu);
  }
  if (code_point < least || code_point > 0x10FFFF ||
      (code_point >= 0xD800 && code_point <= 0xDFFF)) {
    return {};
  }
  return {code_point, length};
}

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

// Untrusted text as a message quotes it: escaped like escape_controls (line breaks too),
// and when longer than `longest` bytes cut at a character's boundary and followed by
// "… (N bytes)", so a megabyte-long key is not echoed whole and no character is cut in half.
std::string excerpt(std::string_view text, std::size_t longest = 60);

// True when `text` holds a character escape_controls would change (TAB and LF excepted).
bool has_control_characters(std::string_view text);

}  // namespace nkfacts::util

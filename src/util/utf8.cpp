#include "util/utf8.hpp"

#include <fmt/format.h>
#include <utf8proc.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <memory>

#include "util/scan.hpp"

namespace nkfacts::util {
namespace {

// Decodes one code point at `text[i]`; returns its length in bytes, or -1 when invalid.
utf8proc_ssize_t decode(std::string_view text, std::size_t i, utf8proc_int32_t& cp) {
  const auto decoded = decode_utf8(text, i);
  if (decoded.length == 0) return -1;
  cp = static_cast<utf8proc_int32_t>(decoded.code_point);
  return static_cast<utf8proc_ssize_t>(decoded.length);
}

bool is_bidi_control(utf8proc_int32_t cp) {
  return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

bool is_escaped_control(utf8proc_int32_t cp) {
  return (cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) ||
         is_bidi_control(cp);
}

// The blocks of characters the text here is mostly written in, whose width and case
// folding are known without utf8proc's tables. Reading either from those tables touches a
// page of them for each block of characters, and on the machines nkfacts is measured on a
// page touched for the first time costs a trap (bench/README.md, "The code laid out
// together"): `cite --style mla` touched 18 pages of them, and 3 since these blocks are
// known here. `caseless`: case folding and NFC composition leave every character of the
// block as it is, and none of them composes with its neighbour. A character composes with
// the one before it only when it is a combining mark (the kana voicing marks U+3099 and
// U+309A among them), a Hangul jamo or one of a few vowel signs of South and Southeast
// Asian scripts, none of them in a caseless block; a few arrows are an arrow and a
// combining overlay, composed, and stay so. Unit tests check every character's width
// against utf8proc_charwidth and every caseless one's folding against utf8proc_map.
struct CommonBlock {
  char32_t first;
  char32_t last;
  int width;
  bool caseless;
};

// A data table: the commonest first.
constexpr CommonBlock k_common_blocks[] = {
    {0xAC00, 0xD7A3, 2, true},   // Hangul syllables
    {0x2010, 0x2027, 1, true},   // dashes, quotation marks, the ellipsis
    {0x2030, 0x205E, 1, true},   // more general punctuation
    {0x00A0, 0x024F, 1, false},  // Latin-1 and Latin Extended-A and -B: they fold
    {0x4E00, 0x9FFF, 2, true},   // CJK ideographs
    {0x3041, 0x3096, 2, true},   // hiragana
    {0x30A1, 0x30FA, 2, true},   // katakana
    {0x3001, 0x3003, 2, true},   // CJK punctuation
    {0x3008, 0x3011, 2, true},   // CJK brackets
    {0x2190, 0x21FF, 1, true},   // arrows
};

const CommonBlock* common_block(char32_t c) {
  for (const auto& block : k_common_blocks) {
    if (c >= block.first && c <= block.last) return &block;
  }
  return nullptr;
}

}  // namespace

std::string_view utf8proc_library_version() {
  return utf8proc_version();
}

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      ++i;
      continue;
    }
    utf8proc_int32_t cp = 0;
    const auto length = decode(text, i, cp);
    if (length <= 0) return i;
    i += static_cast<std::size_t>(length);
  }
  return std::nullopt;
}

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    // A run of printable ASCII is one column a byte: it is most of what is measured (each
    // word of every wrapped line), so it is counted without decoding.
    const std::size_t run_end = printable_ascii_end(text, i);
    width += run_end - i;
    i = run_end;
    if (i >= text.size()) break;
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == 0x1B && i + 1 < text.size() && text[i + 1] == '[') {
      // Our own SGR sequence: skip to its final byte.
      i += 2;
      while (i < text.size() && (text[i] < 0x40 || text[i] > 0x7E)) ++i;
      ++i;
      continue;
    }
    if (byte < 0x80) {
      width += (byte >= 0x20 && byte != 0x7F) ? 1 : 0;
      ++i;
      continue;
    }
    utf8proc_int32_t cp = 0;
    const auto length = decode(text, i, cp);
    if (length <= 0) {  // invalid bytes are shown as one replacement column
      ++width;
      ++i;
      continue;
    }
    const auto* block = common_block(static_cast<char32_t>(cp));
    width += static_cast<std::size_t>(block ? block->width : utf8proc_charwidth(cp));
    i += static_cast<std::size_t>(length);
  }
  return width;
}

namespace {

// True when every character of `text` from U+0080 up is in a caseless common block
// (typographic punctuation, arrows, kana, CJK ideographs and punctuation, Hangul): folding
// such a text is lower-casing its ASCII letters. Most text with anything beyond ASCII in it
// here is of that kind: through utf8proc, its folding was 10% of `cite --style apa` (the
// bibliography's sort keys).
bool caseless_beyond_ascii(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    const auto decoded = decode_utf8(text, i);
    const auto* block = common_block(decoded.code_point);
    if (decoded.length == 0 || !block || !block->caseless) return false;
    i += decoded.length;
  }
  return true;
}

}  // namespace

void fold_case_into(std::string& out, std::string_view text) {
  // Fast path, one pass: ASCII folding is lower-casing, and the bytes from 0x80 up are
  // copied as they are. Text with a character outside caseless_beyond_ascii's set goes
  // to utf8proc instead.
  out.resize(text.size());
  if (lower_ascii(reinterpret_cast<unsigned char*>(out.data()),
                  reinterpret_cast<const unsigned char*>(text.data()), text.size()) ||
      caseless_beyond_ascii(text)) {
    return;
  }
  utf8proc_uint8_t* mapped = nullptr;
  const auto length = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
      static_cast<utf8proc_ssize_t>(text.size()), &mapped,
      static_cast<utf8proc_option_t>(UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE | UTF8PROC_STABLE));
  if (length < 0) {  // invalid UTF-8 is rejected earlier by the loader
    out.assign(text);
    return;
  }
  const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(mapped, &std::free);
  out.assign(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(length));
}

std::string fold_case(std::string_view text) {
  std::string folded;
  fold_case_into(folded, text);
  return folded;
}

namespace {

// The length of the well-formed UTF-8 sequence at text[i] (RFC 3629: no overlong forms,
// no surrogates, nothing above U+10FFFF) when it is not a control that is shown escaped,
// so that it can be copied as it is; 0 when it needs the careful path below. Decoding
// every non-ASCII character through utf8proc was most of the cost of escaping text with
// typographic quotes, dashes or Hangul in it.
std::size_t plain_sequence(std::string_view text, std::size_t i) {
  const auto decoded = decode_utf8(text, i);
  if (decoded.length == 0) return 0;
  return is_escaped_control(static_cast<utf8proc_int32_t>(decoded.code_point)) ? 0 : decoded.length;
}

void escape(std::string& out, std::string_view text, Newlines newlines, Tabs tabs, bool markdown) {
  const auto& plain_byte = plain_bytes(markdown);
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t run = i;
    for (;;) {
      if (markdown) {
        run = markdown_plain_end(text, run);
      } else {
        run = printable_ascii_end(text, run);
      }
      if (run == text.size() || static_cast<unsigned char>(text[run]) < 0x80) break;
      // Hangul and the CJK blocks, U+3000 to U+D7FF (lead bytes 0xE3 to 0xEC with any two
      // continuation bytes, 0xED with a second byte below 0xA0), are well-formed and hold
      // no control that is escaped: most of a Korean text, taken without decoding.
      // They are taken in this loop three bytes at a time, with the plain ASCII between
      // their words (spaces, digits) a byte at a time: a Korean sentence in one pass.
      const std::size_t before = run;
      while (run + 2 < text.size()) {
        const auto lead = static_cast<unsigned char>(text[run]);
        if (lead < 0x80) {
          if (!plain_byte[lead]) break;
          ++run;
          continue;
        }
        const auto second = static_cast<unsigned char>(text[run + 1]);
        const auto third = static_cast<unsigned char>(text[run + 2]);
        if (lead < 0xE3 || lead > 0xED || (second & 0xC0) != 0x80 || (third & 0xC0) != 0x80 ||
            (lead == 0xED && second >= 0xA0)) {
          break;
        }
        run += 3;
      }
      if (run != before) continue;
      const std::size_t length = plain_sequence(text, run);
      if (length == 0) break;
      run += length;
    }
    if (run > i) {
      out.append(text.data() + i, run - i);
      i = run;
      if (i == text.size()) break;
    }
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      if (byte >= 0x20 && byte < 0x7F) {  // Markdown punctuation
        out += '\\';
        out += static_cast<char>(byte);
      } else if (byte == '\n' && newlines == Newlines::keep) {
        out += '\n';
      } else if (byte == '\n' && newlines == Newlines::to_space) {
        out += ' ';
      } else if (byte == '\t') {
        out += tabs == Tabs::keep ? '\t' : ' ';
      } else {
        fmt::format_to(std::back_inserter(out), "\\x{:02x}", byte);
      }
      ++i;
      continue;
    }
    utf8proc_int32_t cp = 0;
    const auto length = decode(text, i, cp);
    if (length <= 0) {
      fmt::format_to(std::back_inserter(out), "\\x{:02x}", byte);
      ++i;
      continue;
    }
    if (is_escaped_control(cp)) {
      fmt::format_to(std::back_inserter(out), "\\u{:04x}", static_cast<unsigned>(cp));
    } else {
      out.append(text.data() + i, static_cast<std::size_t>(length));
    }
    i += static_cast<std::size_t>(length);
  }
}

}  // namespace

std::string excerpt(std::string_view text, std::size_t longest) {
  if (text.size() <= longest) return escape_controls(text, Newlines::escape);
  std::size_t cut = longest;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return fmt::format("{}\u2026 ({} bytes)", escape_controls(text.substr(0, cut), Newlines::escape),
                     text.size());
}

std::string escape_controls(std::string_view text, Newlines newlines, Tabs tabs) {
  std::string out;
  out.reserve(text.size() + 8);
  escape(out, text, newlines, tabs, false);
  return out;
}

void escape_controls_into(std::string& out, std::string_view text, Newlines newlines, Tabs tabs) {
  escape(out, text, newlines, tabs, false);
}

std::string markdown_literal(std::string_view text, Newlines newlines) {
  std::string out;
  out.reserve(text.size() + 8);
  escape(out, text, newlines, Tabs::to_space, true);
  return out;
}

void markdown_literal_into(std::string& out, std::string_view text, Newlines newlines) {
  escape(out, text, newlines, Tabs::to_space, true);
}

bool has_control_characters(std::string_view text) {
  std::size_t i = printable_ascii_end(text, 0);
  while (i < text.size()) {
    // ASCII needs no decoding: every fact file's text passes through here at load.
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      if ((byte < 0x20 && byte != '\t' && byte != '\n') || byte == 0x7F) return true;
      ++i;
      continue;
    }
    utf8proc_int32_t cp = 0;
    const auto length = decode(text, i, cp);
    if (length <= 0) return true;
    if (is_escaped_control(cp)) return true;
    i += static_cast<std::size_t>(length);
  }
  return false;
}

}  // namespace nkfacts::util

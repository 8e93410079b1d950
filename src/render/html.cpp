#include "render/html.hpp"

#include <cstdint>

#include "util/utf8.hpp"

namespace nkfacts::render::html {
namespace {

// The shared style sheet: readable on a screen or a projector, printable on A4 or US
// Letter (the browser's paper size; margins fit both), tables never cut across pages.
constexpr std::string_view k_style = R"css(
:root { color-scheme: light; }
body { font-family: "Noto Sans", "Noto Sans CJK KR", "Malgun Gothic", "Apple SD Gothic Neo",
  "Helvetica Neue", Arial, sans-serif; line-height: 1.45; color: #111; background: #fff;
  max-width: 48rem; margin: 1.5rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .3rem; }
h2 { font-size: 1.2rem; margin: 1.4rem 0 .4rem; border-bottom: 1px solid #999; }
h3 { font-size: 1rem; margin: 1rem 0 .3rem; }
p { margin: .3rem 0; }
table { border-collapse: collapse; margin: .4rem 0; }
th, td { border: 1px solid #bbb; padding: .15rem .45rem; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
a { color: #0645ad; overflow-wrap: anywhere; }
.meta { color: #444; font-size: .9rem; }
.note { color: #333; font-size: .9rem; }
sup { font-size: .7em; }
svg { max-width: 100%; height: auto; }
@page { margin: 14mm 12mm; }
@media print {
  body { margin: 0; padding: 0; max-width: none; font-size: 10.5pt; }
  a { color: inherit; text-decoration: none; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
  table, figure, svg, li, tr { break-inside: avoid; page-break-inside: avoid; }
  .page-break { break-before: page; page-break-before: always; }
}
)css";

}  // namespace

void escape(std::string& out, std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto [code_point, length] = util::decode_utf8(text, i);
    if (length == 0) {
      out += "\uFFFD";
      ++i;
      continue;
    }
    switch (code_point) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        if ((code_point < 0x20 && code_point != '\t' && code_point != '\n') ||
            (code_point >= 0x7F && code_point < 0xA0)) {
          out += "\uFFFD";
        } else {
          out.append(text.substr(i, length));
        }
    }
    i += length;
  }
}

std::string escape(std::string_view text) {
  std::string out;
  escape(out, text);
  return out;
}

void href(std::string& out, std::string_view url) {
  const auto starts = [&](std::string_view scheme) {
    if (url.size() < scheme.size()) return false;
    for (std::size_t i = 0; i < scheme.size(); ++i) {
      char c = url[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != scheme[i]) return false;
    }
    return true;
  };
  if (starts("https://") || starts("http://") || starts("mailto:")) {
    escape(out, url);
  } else {
    out += '#';
  }
}

std::optional<Paper> parse_paper(std::string_view name) {
  if (name == "a4") return Paper::a4;
  if (name == "letter") return Paper::letter;
  return std::nullopt;
}

void begin(std::string& out, const Page& page) {
  out += "<!DOCTYPE html>\n<html lang=\"";
  escape(out, page.lang);
  out +=
      "\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>";
  escape(out, page.title);
  out += "</title>\n<style>";
  out += k_style;
  out += page.paper == Paper::letter ? "@page { size: letter; }\n" : "@page { size: A4; }\n";
  out += page.css;
  out += "</style>\n</head>\n<body>\n";
}

void end(std::string& out) {
  out += "</body>\n</html>\n";
}

}  // namespace nkfacts::render::html

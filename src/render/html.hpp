// The pieces every HTML output shares: escaping, and the page around the content.
//
// A page is one self-contained file: inline CSS (screen and print), no script, nothing
// fetched from the network, so a teacher can open it offline, project it or print it.
// Every piece of text from a fact file goes through `escape` (or `attribute`): a hostile
// file must not inject markup or script.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace nkfacts::render::html {

// The paper a page is printed on (`--paper`): its @page size.
enum class Paper { a4, letter };
inline constexpr std::string_view k_paper_names = "a4, letter";
std::optional<Paper> parse_paper(std::string_view name);

// Appends `text` as HTML text: & < > " ' escaped; C0 and C1 control characters other than
// tab and line end, and invalid UTF-8, become U+FFFD.
void escape(std::string& out, std::string_view text);
std::string escape(std::string_view text);

// Appends `url` as an href value: escaped as text, and only http:, https: and mailto:
// URLs are kept (anything else, such as javascript:, becomes "#").
void href(std::string& out, std::string_view url);

struct Page {
  std::string_view title;        // the document's <title> and nothing else
  std::string_view lang = "en";  // the <html lang> tag
  std::string_view css = {};     // more CSS after the shared style sheet
  Paper paper = Paper::a4;       // the @page size for printing
};

// `<!DOCTYPE html>`, the head with the shared style sheet and `page.css`, and `<body>`.
void begin(std::string& out, const Page& page);
// `</body></html>` and a final line end.
void end(std::string& out);

}  // namespace nkfacts::render::html

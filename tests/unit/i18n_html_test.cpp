#include <catch2/catch.hpp>

#include "render/html.hpp"
#include "util/i18n.hpp"

using nkfacts::util::Language;
namespace html = nkfacts::render::html;

TEST_CASE("a language is named by its tag or by a locale") {
  using nkfacts::util::parse_language;
  CHECK(parse_language("ko") == Language::ko);
  CHECK(parse_language("ko_KR.UTF-8") == Language::ko);
  CHECK(parse_language("en_US") == Language::en);
  CHECK(parse_language("C") == std::nullopt);
  CHECK(parse_language("") == std::nullopt);
  CHECK(parse_language("kor") == std::nullopt);
}

TEST_CASE("text from fact files cannot become markup") {
  CHECK(html::escape("<script>alert('x')</script> & \"q\"") ==
        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
  CHECK(html::escape("탈북민 34,537명") == "탈북민 34,537명");
  CHECK(html::escape(std::string_view("a\x01"
                                      "b\x7f",
                                      4)) == "a\uFFFDb\uFFFD");
  CHECK(html::escape("\xC2\x85") == "\uFFFD");                  // C1 control
  CHECK(html::escape("\xC0\xAF") == "\uFFFD\uFFFD");            // overlong '/'
  CHECK(html::escape("\xED\xA0\x80") == "\uFFFD\uFFFD\uFFFD");  // surrogate
  CHECK(html::escape("\xE2\x82") == "\uFFFD\uFFFD");            // cut short
}

TEST_CASE("only web and mail links keep their address") {
  std::string out;
  html::href(out, "https://example.org/a?b=1&c=2");
  CHECK(out == "https://example.org/a?b=1&amp;c=2");
  out.clear();
  html::href(out, "JavaScript:alert(1)");
  CHECK(out == "#");
  out.clear();
  html::href(out, "HTTP://EXAMPLE.ORG");
  CHECK(out == "HTTP://EXAMPLE.ORG");
}

TEST_CASE("a page is one self-contained document") {
  std::string out;
  html::begin(out, {.title = "</title><script>", .lang = "ko"});
  html::end(out);
  CHECK(out.rfind("<!DOCTYPE html>\n<html lang=\"ko\">", 0) == 0);
  CHECK(out.find("<title>&lt;/title&gt;&lt;script&gt;</title>") != std::string::npos);
  CHECK(out.find("<script") == std::string::npos);
  CHECK(out.find("http") == std::string::npos);  // nothing fetched
}

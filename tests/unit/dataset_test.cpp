#include "render/dataset.hpp"

#include <catch2/catch.hpp>

using namespace nkfacts::render;

namespace {

Dataset one_row(Value value) {
  Dataset data;
  data.fields = {"id", "text"};
  Row row;
  row.add("id", std::string("a"));
  row.add("text", std::move(value));
  data.rows.push_back(row);
  return data;
}

}  // namespace

TEST_CASE("JSON strings escape quotes, backslashes and every control character") {
  CHECK(json_string("say \"hi\" \\ now") == R"("say \"hi\" \\ now")");
  CHECK(json_string("tab\tline\nret\r") == R"("tab\tline\nret\r")");
  CHECK(json_string("esc\x1b[31m bel\x07 del\x7f") == R"("esc\u001b[31m bel\u0007 del\u007f")");
  CHECK(json_string("c1\xc2\x9b bidi\xe2\x80\xae iso\xe2\x81\xa6") == R"("c1\u009b bidi\u202e iso\u2066")");
  CHECK(json_string("탈북민 → ok") == "\"탈북민 → ok\"");
}

TEST_CASE("JSON escaping finds a special byte at any offset of a long string") {
  // The escaper skips plain text 16 bytes at a time: put each kind of byte it must stop at
  // at every offset of the first blocks, and plain lookalikes (other UTF-8) beside it.
  const std::pair<std::string, std::string> cases[] = {
      {"\"", "\\\""},          {"\\", "\\\\"},     {"\n", "\\n"},
      {"\x01", "\\u0001"},      {"\x1f", "\\u001f"},   {"\x7f", "\\u007f"},
      {"\xc2\x85", "\\u0085"}, {"\xc2\xa9", "\xc2\xa9"},  // C1 control; the © sign
      {"\xe2\x80\xae", "\\u202e"}, {"\xe2\x80\x94", "\xe2\x80\x94"},  // RLO; a dash
      {" ", " "},                {"\xed\x83\x88", "\xed\x83\x88"}};
  for (const auto& [raw, escaped] : cases) {
    for (std::size_t at = 0; at < 40; ++at) {
      const std::string before(at, 'a'), after(21, 'b');
      INFO("offset " << at << ", escaped " << escaped);
      CHECK(json_string(before + raw + after) == "\"" + before + escaped + after + "\"");
    }
  }
}

TEST_CASE("JSON numbers are plain, null is null, lists are arrays") {
  Dataset data;
  data.fields = {"n", "x", "none", "list", "flag"};
  Row row;
  row.add("n", 34537.0);
  row.add("x", 72.25);
  row.add("none", Value());
  row.add("list", std::vector<std::string>{"a", "b"});
  row.add("flag", true);
  data.rows.push_back(row);
  CHECK(write_dataset(data, Format::jsonl, data.fields) ==
        "{\"n\":34537,\"x\":72.25,\"none\":null,\"list\":[\"a\",\"b\"],\"flag\":true}\n");
  CHECK(write_dataset(data, Format::json, {"n"}) == "{\"records\":[\n{\"n\":34537}\n]}\n");
}

TEST_CASE("CSV follows RFC 4180: quotes where needed, doubled quotes, CRLF") {
  const auto data = one_row(std::string("a, \"b\"\nc"));
  CHECK(write_dataset(data, Format::csv, data.fields) == "id,text\r\na,\"a, \"\"b\"\"\nc\"\r\n");
  const auto plain = one_row(std::string("plain"));
  CHECK(write_dataset(plain, Format::csv, plain.fields) == "id,text\r\na,plain\r\n");
}

TEST_CASE("CSV keeps TABs inside fields") {
  const auto data = one_row(std::string("a\tb"));
  CHECK(write_dataset(data, Format::csv, data.fields) == "id,text\r\na,a\tb\r\n");
}

TEST_CASE("TSV keeps every row on one line") {
  const auto data = one_row(std::string("tab\there\nback\\slash\rx"));
  CHECK(write_dataset(data, Format::tsv, data.fields) ==
        "id\ttext\na\ttab\\there\\nback\\\\slash\\rx\n");
}

TEST_CASE("lists join with semicolons and nulls are empty in CSV and TSV") {
  Dataset data;
  data.fields = {"list", "none"};
  Row row;
  row.add("list", std::vector<std::string>{"North Korea", "China"});
  row.add("none", Value());
  data.rows.push_back(row);
  CHECK(write_dataset(data, Format::tsv, data.fields) == "list\tnone\nNorth Korea; China\t\n");
}

TEST_CASE("control characters never pass through CSV, TSV or Markdown raw") {
  const auto data = one_row(std::string("\x1b]0;title\x07"));
  for (const auto format : {Format::csv, Format::tsv, Format::markdown}) {
    const auto out = write_dataset(data, format, data.fields);
    CHECK(out.find('\x1b') == std::string::npos);
    CHECK(out.find('\x07') == std::string::npos);
  }
}

TEST_CASE("Markdown escapes pipes, turns newlines into <br> and sources into footnotes") {
  Dataset data;
  data.fields = {"id", "text", "sources"};
  Row row;
  row.add("id", std::string("a"));
  row.add("text", std::string("x | y\nz"));
  row.add("sources", std::vector<std::string>{"ref"});
  data.rows.push_back(row);
  Row reference;
  reference.add("id", std::string("ref"));
  reference.add("citation", std::string("A citation."));
  data.references.push_back(reference);
  CHECK(write_dataset(data, Format::markdown, data.fields) ==
        "| id | text | sources |\n| --- | --- | --- |\n| a | x \\| y<br>z | [^1] |\n\n"
        "[^1]: A citation.\n");
}

TEST_CASE("format names parse, others do not") {
  CHECK(parse_format("json") == Format::json);
  CHECK(parse_format("md") == Format::markdown);
  CHECK_FALSE(parse_format("yaml").has_value());
}

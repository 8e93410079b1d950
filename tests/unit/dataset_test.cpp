#include "render/dataset.hpp"

#include <catch2/catch.hpp>

#include <limits>

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

TEST_CASE("JSON never holds a bare inf or nan: a non-finite number is null") {
  Dataset data;
  data.fields = {"a", "b", "c"};
  Row row;
  row.add("a", std::numeric_limits<double>::infinity());
  row.add("b", -std::numeric_limits<double>::infinity());
  row.add("c", std::numeric_limits<double>::quiet_NaN());
  data.rows.push_back(row);
  CHECK(write_dataset(data, Format::jsonl, data.fields) == "{\"a\":null,\"b\":null,\"c\":null}\n");
  CHECK(write_dataset(data, Format::json, data.fields) ==
        "{\"records\":[\n{\"a\":null,\"b\":null,\"c\":null}\n]}\n");
  CHECK(write_dataset(data, Format::csv, data.fields) == "a,b,c\r\n,,\r\n");
}

TEST_CASE("whole numbers are integers, digit for digit, in every format") {
  // 2^53 and its neighbours are the largest a double holds exactly; beyond, the shortest
  // form that reads back as the same double, never digits the value does not hold (int64
  // max becomes 2^63 in a double, which was written as "9223372036854775808").
  const std::pair<double, std::string> cases[] = {
      {9007199254740992.0, "9007199254740992"},
      {-9007199254740991.0, "-9007199254740991"},
      {1e15, "1000000000000000"},
      {-42.0, "-42"},
      {0.5, "0.5"},
      {9223372036854775807.0, "9.223372036854776e+18"},
      {-1e300, "-1e+300"}};
  for (const auto& [number, text] : cases) {
    INFO(text);
    const auto data = one_row(number);
    CHECK(write_dataset(data, Format::jsonl, data.fields) == "{\"id\":\"a\",\"text\":" + text + "}\n");
    CHECK(write_dataset(data, Format::csv, data.fields) == "id,text\r\na," + text + "\r\n");
    CHECK(write_dataset(data, Format::tsv, data.fields) == "id\ttext\na\t" + text + "\n");
  }
}

TEST_CASE("CSV and TSV cells that start a formula get a leading quote; numbers do not") {
  const std::pair<std::string, std::string> cases[] = {
      {"=HYPERLINK(A1)", "'=HYPERLINK(A1)"},
      {"=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"},
      {"+1+2", "'+1+2"},
      {"-2+3", "'-2+3"},
      {"@SUM(A1)", "'@SUM(A1)"},
      {"\tx", "'\tx"},
      {"-", "'-"},
      {"- a list item", "'- a list item"},
      {"-12", "-12"},
      {"+0.5", "+0.5"},
      {"-1.5e+3", "-1.5e+3"},
      {"a=b", "a=b"},
      {"", ""}};
  for (const auto& [text, csv] : cases) {
    INFO(text);
    CHECK(starts_formula(text) == (text != csv));
    const auto data = one_row(text);
    CHECK(write_dataset(data, Format::csv, data.fields) == "id,text\r\na," + csv + "\r\n");
  }
  const auto cr = one_row(std::string("\r=1"));
  CHECK(write_dataset(cr, Format::csv, cr.fields) == "id,text\r\na,'\\x0d=1\r\n");
  CHECK(write_dataset(cr, Format::tsv, cr.fields) == "id\ttext\na\t'\\r=1\n");
  const auto tab = one_row(std::string("\t=1"));
  CHECK(write_dataset(tab, Format::tsv, tab.fields) == "id\ttext\na\t'\\t=1\n");
  const auto negative = one_row(-5.0);  // a number value stays a number
  CHECK(write_dataset(negative, Format::csv, negative.fields) == "id,text\r\na,-5\r\n");
  // JSON and Markdown are not read as formulas: they keep the text as it is.
  const auto formula = one_row(std::string("=1+1"));
  CHECK(write_dataset(formula, Format::jsonl, formula.fields) == "{\"id\":\"a\",\"text\":\"=1+1\"}\n");
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

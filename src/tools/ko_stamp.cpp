// nkfacts-ko-stamp FILE.toml...
//
// Run by scripts/ko-stamp once the Korean of a fact file has been reviewed against its
// English (facts/README.md, "Korean text"). Writes the stamp of the English text
// (model/stamp.hpp) into every record that has Korean text: its `ko.stamp` line is
// rewritten, or, where it has none, one is inserted right after the record's `id` line.
// No other line of the file changes, and a record whose stamp is already right is left as
// it is. A file that does not load (other than a malformed ko.stamp, which this mends) is
// not touched: its errors are printed and the exit status is 1.
#include <fmt/format.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "load/toml_loader.hpp"
#include "model/schema.hpp"
#include "model/stamp.hpp"
#include "render/diagnostics.hpp"

namespace {

using namespace nkfacts;

// The lines of `text`, each with its line end.
std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t end = text.find('\n', at);
    const std::size_t next = end == std::string::npos ? text.size() : end + 1;
    lines.push_back(text.substr(at, next - at));
    at = next;
  }
  return lines;
}

std::string_view indent_of(std::string_view line) {
  return line.substr(0, line.find_first_not_of(" \t"));
}

std::string_view line_end_of(std::string_view line) {
  if (line.size() >= 2 && line.substr(line.size() - 2) == "\r\n") return "\r\n";
  return line.empty() || line.back() != '\n' ? "" : "\n";
}

// Whether `line` sets the key `key` ("id = ...", "ko.stamp = ...").
bool sets_key(std::string_view line, std::string_view key) {
  const std::string_view rest = line.substr(indent_of(line).size());
  if (rest.rfind(key, 0) != 0) return false;
  const std::size_t after = rest.find_first_not_of(" \t", key.size());
  return after != std::string_view::npos && rest[after] == '=';
}

// Errors that stop the file from being stamped: all but a malformed ko.stamp.
bool blocks_stamping(const model::Diagnostic& d) {
  return d.severity == model::Severity::error && d.message.rfind("'ko.stamp' must be", 0) != 0;
}

// The line of each stamp to write (1-based: a ko.stamp line, or the id line of a record
// that has none), and the stamp.
std::map<std::uint32_t, std::string> stamps_to_write(const model::FactBase& facts) {
  std::map<std::uint32_t, std::string> stamps;
  model::for_each_kind([&](auto schema) {
    const auto& records = model::records_of(facts, schema);
    for (std::uint32_t i = 0; i < records.size(); ++i) {
      const model::RecordRef ref{decltype(schema)::kind, i};
      if (!model::has_korean_text(facts, ref)) continue;
      const std::string stamp = model::english_stamp(facts, ref);
      if (records[i].ko_stamp != stamp && records[i].stamp_pos.line != 0) {
        stamps[records[i].stamp_pos.line] = stamp;
      }
    }
  });
  return stamps;
}

// `text` with the stamps written into `out`; false (and a message) when a stamp's line is
// neither a ko.stamp line nor an id line.
bool rewrite(const std::string& text, const std::map<std::uint32_t, std::string>& stamps,
             const char* path, std::string& out) {
  const auto lines = lines_of(text);
  for (std::uint32_t number = 1; number <= lines.size(); ++number) {
    const std::string& line = lines[number - 1];
    const auto stamp = stamps.find(number);
    if (stamp == stamps.end()) {
      out += line;
      continue;
    }
    const std::string_view end = line_end_of(line);
    const std::string written = fmt::format("{}ko.stamp = \"{}\"", indent_of(line), stamp->second);
    if (sets_key(line, "ko.stamp")) {
      out += written;
      out += end;
    } else if (sets_key(line, "id")) {  // no stamp yet: it goes right after the id
      out += line;                      // with its line end, if it has one
      if (end.empty()) out += '\n';
      out += written;
      out += end;
    } else {
      std::fprintf(stderr,
                   "nkfacts-ko-stamp: %s:%u: the stamp is not written as `ko.stamp = \"...\"` "
                   "on a line of its own; nothing was written\n",
                   path, number);
      return false;
    }
  }
  return true;
}

// Stamps one file; returns 0, or 1 when it does not load or cannot be written.
int stamp_file(const char* path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "nkfacts-ko-stamp: cannot read %s\n", path);
    return 1;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  const load::LoadResult loaded = load::load_text(text, path);
  std::vector<model::Diagnostic> errors;
  for (const auto& d : loaded.diagnostics) {
    if (blocks_stamping(d)) errors.push_back(d);
  }
  if (!errors.empty()) {
    std::fputs(render::format_diagnostics(errors, {0, false}, true, true).c_str(), stderr);
    std::fprintf(stderr, "nkfacts-ko-stamp: %s does not load; nothing was written\n", path);
    return 1;
  }
  const auto stamps = stamps_to_write(loaded.facts);
  if (stamps.empty()) return 0;
  std::string out;
  if (!rewrite(text, stamps, path, out)) return 1;
  std::FILE* file = std::fopen(path, "wb");
  if (!file || std::fwrite(out.data(), 1, out.size(), file) != out.size() ||
      std::fclose(file) != 0) {
    std::fprintf(stderr, "nkfacts-ko-stamp: cannot write %s\n", path);
    return 1;
  }
  std::printf("%s: %zu stamp(s) written\n", path, stamps.size());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fputs("usage: nkfacts-ko-stamp FILE.toml...\n", stderr);
    return 2;
  }
  int status = 0;
  for (int i = 1; i < argc; ++i) status |= stamp_file(argv[i]);
  return status;
}

#include "load/sources.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <set>
#include <unordered_set>

#include <sys/stat.h>

#include "load/limits.hpp"
#include "load/toml_loader.hpp"
#include "util/text.hpp"

namespace nkfacts::load {
namespace {

namespace fs = std::filesystem;
using model::Diagnostic;
using model::Kind;
using model::Severity;

Diagnostic path_problem(Severity severity, std::string_view path, std::string message,
                        std::string hint = {}) {
  Diagnostic d;
  d.severity = severity;
  d.message = fmt::format("{}: {}", path, message);
  d.hint = std::move(hint);
  return d;
}

// Reads a whole file or standard input; nullopt and a message on failure. A regular file
// is read straight into a string of its size: growing the string 64 KB at a time instead
// copied a 10 MB file about twice over into fresh memory (bench/README.md).
std::optional<std::string> read_file(const std::string& path, std::string& problem) {
  std::FILE* file = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (!file) {
    problem = std::strerror(errno);
    return std::nullopt;
  }
  std::string text;
  struct stat info {};
  if (fstat(fileno(file), &info) == 0 && S_ISREG(info.st_mode) && info.st_size > 0) {
    // One byte more than the limit, so that a file over it is still found to be.
    text.resize(std::min<std::size_t>(static_cast<std::size_t>(info.st_size), k_max_file_bytes + 1));
    text.resize(std::fread(text.data(), 1, text.size(), file));
  }
  char buffer[65536];
  std::size_t count = 0;
  // The rest, if any: standard input, or a file that grew since it was measured.
  while (text.size() <= k_max_file_bytes && (count = std::fread(buffer, 1, sizeof buffer, file)) > 0) {
    text.append(buffer, count);
  }
  if (text.size() > k_max_file_bytes) {
    problem = fmt::format("larger than the limit of {} bytes", k_max_file_bytes);
  }
  const bool failed = std::ferror(file) != 0;
  if (failed && problem.empty()) problem = std::strerror(errno);
  if (file != stdin) std::fclose(file);
  if (!problem.empty()) return std::nullopt;
  return text;
}

// Visits every record of every kind in `facts`.
template <typename Visit>
void for_each_record_vector(model::FactBase& facts, Visit&& visit) {
  model::for_each_kind([&](auto schema) { visit(model::records_of(facts, schema)); });
}

std::string describe_file(std::string_view file) {
  return file.empty() ? std::string("the embedded facts") : std::string(file);
}

std::string kind_article(Kind kind) {
  const auto name = model::kind_name(kind);
  const bool vowel = name.front() == 'e';
  return fmt::format("{} {}", vowel ? "an" : "a", name);
}

// What a link may name, in messages: "danger", or "record other than a reference".
std::string expected_name(model::KindSet expected) {
  if (const auto kind = expected.single()) return std::string(model::kind_name(*kind));
  return "record other than a reference";
}

std::vector<std::string> ids_of(const model::FactBase& facts, model::KindSet kinds) {
  std::vector<std::string> out;
  for (const auto& ref : facts.index()) {
    if (kinds.contains(ref.kind)) out.emplace_back(facts.id_of(ref));
  }
  return out;
}

}  // namespace

std::vector<std::string> split_search_path(std::string_view value) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= value.size()) {
    auto end = value.find(':', start);
    if (end == std::string_view::npos) end = value.size();
    if (end > start) out.emplace_back(value.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

LoadResult load_path(const std::string& path) {
  LoadResult result;
  result.facts.files = {""};
  std::vector<std::string> files;
  std::error_code ec;
  if (path != "-" && fs::is_directory(path, ec)) {
    fs::directory_iterator it(path, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
      const auto& entry = *it;
      if (entry.path().extension() != ".toml") continue;
      files.push_back(entry.path().string());
      if (files.size() > k_max_files_per_directory) break;
    }
    if (ec) {
      result.diagnostics.push_back(path_problem(Severity::error, path, ec.message()));
      return result;
    }
    if (files.size() > k_max_files_per_directory) {
      result.diagnostics.push_back(path_problem(
          Severity::error, path,
          fmt::format("more than {} fact files in one directory", k_max_files_per_directory)));
      return result;
    }
    std::sort(files.begin(), files.end());
  } else {
    files.push_back(path);
  }
  for (const auto& file : files) {
    std::string problem;
    const auto text = read_file(file, problem);
    if (!text) {
      result.diagnostics.push_back(
          path_problem(Severity::error, file == "-" ? "standard input" : file,
                       fmt::format("cannot read: {}", problem)));
      continue;
    }
    merge_layer(result, load_text(*text, file == "-" ? "<stdin>" : file), false);
  }
  return result;
}

void merge_layer(LoadResult& base, LoadResult&& layer, bool replace) {
  auto& facts = base.facts;
  if (facts.files.empty()) facts.files = {""};
  if (facts.record_count() == 0 && facts.files.size() == 1 && facts.subject.name.empty()) {
    // Nothing to merge with: take the layer whole, index included.
    const auto diagnostics = std::move(base.diagnostics);
    const auto links = std::move(base.links);
    base = std::move(layer);
    base.diagnostics.insert(base.diagnostics.begin(), diagnostics.begin(), diagnostics.end());
    base.links.insert(base.links.begin(), links.begin(), links.end());
    if (base.facts.files.empty()) base.facts.files = {""};
    return;
  }
  const auto offset = static_cast<std::uint32_t>(facts.files.size() - 1);
  const auto first_new_file = static_cast<std::uint32_t>(facts.files.size());
  for (std::size_t i = 1; i < layer.facts.files.size(); ++i) {
    facts.files.push_back(layer.facts.files[i]);
  }
  facts.share_storage(layer.facts);  // the layer's records point into its arena
  auto remap = [&](model::SourcePos& pos) {
    if (pos.file != 0) pos.file += offset;
  };
  for (auto& link : layer.links) remap(link.pos);

  std::unordered_set<std::string_view> replaced;
  for_each_record_vector(layer.facts, [&](auto& records) {
    for (auto& record : records.edit()) {
      remap(record.pos);
      if constexpr (requires { record.points; }) {
        if (!record.points.empty()) {
          std::vector<model::SeriesPoint> points(record.points.begin(), record.points.end());
          for (auto& point : points) remap(point.pos);
          record.points = layer.facts.storage().keep(points);
        }
      }
      const auto* old = facts.find(record.id);
      if (!old || record.id.empty()) continue;
      const auto old_pos = facts.pos_of(*old);
      const auto old_file = facts.file_of(old_pos);
      Diagnostic d;
      d.path = std::string(facts.files[record.pos.file]);
      d.line = record.pos.line;
      if (replace) {
        d.severity = Severity::note;
        d.message = fmt::format("\"{}\" replaces the one from {}", record.id,
                                describe_file(old_file));
        replaced.insert(record.id);
      } else {
        d.severity = Severity::error;
        d.column = record.pos.column;
        d.message = fmt::format("duplicate id \"{}\"", record.id);
        d.hint = fmt::format("the first definition is at {}:{}:{}; ids must be unique within one "
                             "source",
                             old_file, old_pos.line, old_pos.column);
      }
      base.diagnostics.push_back(std::move(d));
    }
  });
  if (!replaced.empty()) {
    for_each_record_vector(facts, [&](auto& records) {
      const auto is_replaced = [&](const auto& record) {
        return record.pos.file < first_new_file && replaced.count(record.id) > 0;
      };
      // Only a kind that loses a record stops being a view of the embedded data.
      if (std::any_of(records.begin(), records.end(), is_replaced)) {
        std::erase_if(records.edit(), is_replaced);
      }
    });
    std::erase_if(base.links, [&](const LinkUse& link) {
      return link.pos.file < first_new_file && replaced.count(link.owner) > 0;
    });
  }
  auto append = [](auto& to, auto& from) {
    to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
  };
  auto append_records = [](auto& to, const auto& from) {
    if (from.empty()) return;
    auto& records = to.edit();
    records.insert(records.end(), from.begin(), from.end());
  };
  model::for_each_kind([&](auto schema) {
    append_records(model::records_of(facts, schema), model::records_of(layer.facts, schema));
  });
  if (!layer.facts.subject.name.empty()) facts.subject = layer.facts.subject;
  append(base.diagnostics, layer.diagnostics);
  append(base.links, layer.links);
  facts.build_index();
}

std::vector<Diagnostic> check_links(const model::FactBase& facts,
                                    const std::vector<LinkUse>& links) {
  std::vector<Diagnostic> out;
  for (const auto& link : links) {
    const auto* target = facts.find(link.target);
    if (target && link.expected.contains(target->kind)) continue;
    Diagnostic d;
    d.path = std::string(facts.files[link.pos.file]);
    d.line = link.pos.line;
    d.column = link.pos.column;
    if (!target) {
      const std::string expected = expected_name(link.expected);
      d.message = fmt::format("unknown {} \"{}\"", expected, link.target);
      const auto close = util::closest_matches(link.target, ids_of(facts, link.expected));
      d.hint = close.empty()
                   ? fmt::format("no {} has this id", expected)
                   : fmt::format("did you mean {}?", util::quoted_alternatives(close, "or"));
    } else {
      const std::string expected = expected_name(link.expected);
      d.message = fmt::format("\"{}\" is {}, not {} {}", link.target, kind_article(target->kind),
                              expected.front() == 'e' ? "an" : "a", expected);
    }
    out.push_back(std::move(d));
  }
  return out;
}

LoadResult load_sources(SourceOptions options) {
  LoadResult result;
  const bool has_embedded = options.embedded.has_value();
  if (has_embedded) {
    result.facts = std::move(*options.embedded);
  } else {
    result.facts.files = {""};
  }
  const auto embedded_files = static_cast<std::uint32_t>(result.facts.files.size());
  for (const auto& path : options.env_paths) {
    std::error_code ec;
    if (!fs::exists(path, ec)) {
      result.diagnostics.push_back(path_problem(Severity::warning, path,
                                                "not found; skipping this NKFACTS_PATH entry"));
      continue;
    }
    merge_layer(result, load_path(path), true);
  }
  for (const auto& path : options.cli_paths) {
    std::error_code ec;
    if (path != "-" && !fs::exists(path, ec)) {
      result.diagnostics.push_back(
          path_problem(Severity::error, path, "no such file or directory",
                       "--facts takes a .toml file or a directory of them"));
      continue;
    }
    merge_layer(result, load_path(path), true);
  }
  if (result.facts.record_count() > k_max_records) {
    Diagnostic d;
    d.message = fmt::format("{} records loaded; the limit is {}", result.facts.record_count(),
                            k_max_records);
    result.diagnostics.push_back(std::move(d));
  }
  auto problems = check_links(result.facts, result.links);
  // Embedded records were checked at build time, but a user record may have replaced one of
  // their targets by a record of another kind.
  if (has_embedded && result.facts.files.size() > embedded_files) {
    std::vector<LinkUse> embedded_links;
    auto collect = [&](const auto& records) {
      for (const auto& record : records) {
        if (record.pos.file >= embedded_files) continue;
        model::for_each_id_list(record, [&](model::KindSet targets, model::TextList ids, const auto&) {
          for (const auto& id : ids) embedded_links.push_back({record.id, id, targets, record.pos});
        });
      }
    };
    model::for_each_kind([&](auto schema) { collect(model::records_of(result.facts, schema)); });
    auto more = check_links(result.facts, embedded_links);
    problems.insert(problems.end(), more.begin(), more.end());
  }
  result.diagnostics.insert(result.diagnostics.end(), problems.begin(), problems.end());
  return result;
}

}  // namespace nkfacts::load

#include "load/sources.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iterator>
#include <optional>
#include <set>
#include <unordered_map>

#include "load/limits.hpp"
#include "load/say.hpp"
#include "load/toml_loader.hpp"
#include "util/text.hpp"

namespace nkfacts::load {
namespace {

namespace fs = std::filesystem;
using model::Diagnostic;
using model::Kind;
using model::Severity;
using util::tr;

Diagnostic path_problem(Severity severity, std::string_view path, std::string message,
                        std::string hint = {}) {
  Diagnostic d;
  d.severity = severity;
  d.message = fmt::format("{}: {}", path, message);
  d.hint = std::move(hint);
  return d;
}

// What a path that is not a regular file is, for messages: reading one could block for
// ever (a FIFO nobody writes to) or never end (a device).
std::string_view special_file_kind(mode_t mode) {
  if (S_ISDIR(mode)) return tr("a directory");
  if (S_ISFIFO(mode)) return tr("a FIFO (named pipe)");
  if (S_ISSOCK(mode)) return tr("a socket");
  if (S_ISCHR(mode) || S_ISBLK(mode)) return tr("a device");
  return tr("not a regular file");
}

// Reads a whole file or standard input; nullopt and a message on failure. A regular file
// is read straight into a string of its size: growing the string 64 KB at a time instead
// copied a 10 MB file about twice over into fresh memory (bench/README.md). Only regular
// files are read: the file is opened without blocking (opening a FIFO for reading waits
// for a writer) and its type checked on the open file, so nothing can swap it in between.
std::optional<std::string> read_file(const std::string& path, std::string& problem) {
  std::FILE* file = stdin;
  if (path != "-") {
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
      problem = errno == ELOOP ? std::string(tr("a loop of symbolic links")) : std::strerror(errno);
      return std::nullopt;
    }
    struct stat info {};
    if (fstat(fd, &info) != 0) {
      problem = std::strerror(errno);
    } else if (S_ISDIR(info.st_mode)) {
      problem = std::strerror(EISDIR);
    } else if (!S_ISREG(info.st_mode)) {
      problem = say("{}, not a fact file", special_file_kind(info.st_mode));
    }
    if (!problem.empty()) {
      ::close(fd);
      return std::nullopt;
    }
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    file = ::fdopen(fd, "rb");
    if (!file) {
      problem = std::strerror(errno);
      ::close(fd);
      return std::nullopt;
    }
  }
  std::string text;
  struct stat info {};
  if (fstat(fileno(file), &info) == 0 && S_ISREG(info.st_mode) && info.st_size > 0) {
    // One byte more than the limit, so that a file over it is still found to be.
    text.resize(
        std::min<std::size_t>(static_cast<std::size_t>(info.st_size), k_max_file_bytes + 1));
    text.resize(std::fread(text.data(), 1, text.size(), file));
  }
  char buffer[65536];
  std::size_t count = 0;
  // The rest, if any: standard input, or a file that grew since it was measured.
  while (text.size() <= k_max_file_bytes &&
         (count = std::fread(buffer, 1, sizeof buffer, file)) > 0) {
    text.append(buffer, count);
  }
  if (text.size() > k_max_file_bytes) {
    problem = say("larger than the limit of {} bytes", k_max_file_bytes);
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
  return file.empty() ? std::string(tr("the embedded facts")) : std::string(file);
}

// "a danger", "an event": English puts an article before a kind's name, Korean nothing.
std::string with_article(std::string_view name) {
  return name.front() == 'e' ? say("an {}", tr(name)) : say("a {}", tr(name));
}

// What a link may name, in messages: "danger", or "record other than a reference".
std::string_view expected_name(model::KindSet expected) {
  if (const auto kind = expected.single()) return model::kind_name(*kind);
  return util::tr_noop("record other than a reference");
}

std::vector<std::string> ids_of(const model::FactBase& facts, model::KindSet kinds) {
  std::vector<std::string> out;
  for (const auto& ref : facts.index()) {
    if (kinds.contains(ref.kind)) out.emplace_back(facts.id_of(ref));
  }
  return out;
}

// Whether `path` names something to load; nullopt when it does, else what is wrong. A
// relative path with ".." that the system does not find is also tried as a shell resolves
// it, from $PWD (the directory as the user reached it, through any symbolic links):
// `cd` into a linked directory and `../x.toml` means the x.toml the user sees beside the
// link. When that one exists, `path` becomes it.
std::optional<std::string> find_path(std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) == 0) return std::nullopt;
  if (errno == ELOOP) return std::string(tr("a loop of symbolic links"));
  const int error = errno;
  const fs::path given(path);
  const char* pwd = std::getenv("PWD");
  struct stat here {
  }, shell_here{};
  const bool climbs =
      std::any_of(given.begin(), given.end(), [](const fs::path& part) { return part == ".."; });
  if (error == ENOENT && climbs && given.is_relative() && pwd && pwd[0] == '/' &&
      ::stat(".", &here) == 0 && ::stat(pwd, &shell_here) == 0 &&
      here.st_dev == shell_here.st_dev && here.st_ino == shell_here.st_ino) {
    const auto logical = (fs::path(pwd) / given).lexically_normal().string();
    if (::stat(logical.c_str(), &info) == 0) {
      path = logical;
      return std::nullopt;
    }
  }
  return error == ENOENT ? std::string(tr("no such file or directory"))
                         : std::string(std::strerror(error));
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
  std::vector<std::pair<std::string, mode_t>> skipped;
  std::error_code ec;
  if (path != "-" && fs::is_directory(path, ec)) {
    fs::directory_iterator it(path, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
      const auto& entry = *it;
      if (entry.path().extension() != ".toml") continue;
      // FIFOs, sockets and devices are left out: reading one may never end. What cannot be
      // examined (a broken link, a loop) is read, so that its error is reported.
      struct stat info {};
      if (::stat(entry.path().c_str(), &info) == 0 && !S_ISREG(info.st_mode) &&
          !S_ISDIR(info.st_mode)) {
        skipped.emplace_back(entry.path().string(), info.st_mode);
        continue;
      }
      files.push_back(entry.path().string());
      if (files.size() > k_max_files_per_directory) break;
    }
    if (ec) {
      result.diagnostics.push_back(path_problem(Severity::error, path, ec.message()));
      return result;
    }
    if (files.size() > k_max_files_per_directory) {
      result.diagnostics.push_back(
          path_problem(Severity::error, path,
                       say("more than {} fact files in one directory", k_max_files_per_directory)));
      return result;
    }
    std::sort(files.begin(), files.end());
    std::sort(skipped.begin(), skipped.end());
    for (const auto& [file, mode] : skipped) {
      result.diagnostics.push_back(path_problem(
          Severity::warning, file, say("{}, not a fact file; skipped", special_file_kind(mode))));
    }
  } else {
    files.push_back(path);
  }
  // Every file is loaded first and merged once: merging file by file rebuilt the id index
  // each time, so a directory of many files loaded in quadratic time.
  std::vector<LoadResult> layers;
  layers.reserve(files.size());
  for (const auto& file : files) {
    std::string problem;
    const auto text = read_file(file, problem);
    if (!text) {
      result.diagnostics.push_back(
          path_problem(Severity::error, file == "-" ? std::string(tr("standard input")) : file,
                       say("cannot read: {}", problem)));
      continue;
    }
    layers.push_back(load_text(*text, file == "-" ? "<stdin>" : file));
  }
  merge_layers(result, std::move(layers), false);
  return result;
}

void merge_layer(LoadResult& base, LoadResult&& layer, bool replace) {
  std::vector<LoadResult> layers;
  layers.push_back(std::move(layer));
  merge_layers(base, std::move(layers), replace);
}

namespace {

// Nothing to merge with: the one layer is taken whole, index included. False when there is.
bool take_whole(LoadResult& base, std::vector<LoadResult>& layers) {
  const auto& facts = base.facts;
  if (layers.size() != 1 || facts.record_count() != 0 || facts.files.size() != 1 ||
      !facts.subject.name.empty()) {
    return false;
  }
  auto diagnostics = std::move(base.diagnostics);
  auto links = std::move(base.links);
  base = std::move(layers.front());
  base.diagnostics.insert(base.diagnostics.begin(), diagnostics.begin(), diagnostics.end());
  base.links.insert(base.links.begin(), links.begin(), links.end());
  if (base.facts.files.empty()) base.facts.files = {""};
  return true;
}

// What merging remembers from one layer to the next.
struct MergeState {
  // Where each id was last defined, the base's and then each layer's records: one hash
  // lookup a record, so merging is linear in the records however many layers there are.
  std::unordered_map<std::string_view, model::SourcePos> defined;
  // With `replace`: ids replaced, and the first file of the layer that replaced each;
  // records of that id from earlier files are dropped.
  std::unordered_map<std::string_view, std::uint32_t> replaced;
};

// The note that the record at `pos` replaces the one at `old_pos` (with `replace`), or the
// error that its id is taken.
Diagnostic redefinition(const model::FactBase& facts, std::string_view id, model::SourcePos pos,
                        model::SourcePos old_pos, bool replace) {
  const auto old_file = facts.file_of(old_pos);
  Diagnostic d;
  d.path = std::string(facts.files[pos.file]);
  d.line = pos.line;
  if (replace) {
    d.severity = Severity::note;
    d.message = say("\"{}\" replaces the one from {}", id, describe_file(old_file));
  } else {
    d.severity = Severity::error;
    d.column = pos.column;
    d.message = say("duplicate id \"{}\"", id);
    d.hint = say("the first definition is at {}:{}:{}; ids must be unique within one source",
                 old_file, old_pos.line, old_pos.column);
  }
  return d;
}

// Adds one layer's files, diagnostics and links to `base`, with its positions moved past the
// files already there, and reports each id it defines again. Its records are appended after.
void add_layer(LoadResult& base, LoadResult& layer, bool replace, MergeState& state) {
  auto& facts = base.facts;
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
  std::vector<std::pair<std::string_view, model::SourcePos>> added;
  for_each_record_vector(layer.facts, [&](auto& records) {
    if (records.empty()) return;
    for (auto& record : records.edit()) {
      remap(record.pos);
      remap(record.stamp_pos);
      if constexpr (requires { record.points; }) {
        if (!record.points.empty()) {
          std::vector<model::SeriesPoint> points(record.points.begin(), record.points.end());
          for (auto& point : points) remap(point.pos);
          record.points = layer.facts.storage().keep(points);
        }
      }
      added.emplace_back(record.id, record.pos);
      const auto old = state.defined.find(record.id);
      if (old == state.defined.end() || record.id.empty()) continue;
      if (replace) state.replaced[record.id] = first_new_file;
      base.diagnostics.push_back(redefinition(facts, record.id, record.pos, old->second, replace));
    }
  });
  for (const auto& [id, pos] : added) state.defined[id] = pos;
  std::move(layer.diagnostics.begin(), layer.diagnostics.end(),
            std::back_inserter(base.diagnostics));
  std::move(layer.links.begin(), layer.links.end(), std::back_inserter(base.links));
  if (!layer.facts.subject.name.empty()) facts.subject = layer.facts.subject;
}

// Drops the records that a later file replaced, and their links.
void drop_replaced(LoadResult& base,
                   const std::unordered_map<std::string_view, std::uint32_t>& replaced) {
  const auto is_replaced_at = [&](std::string_view id, std::uint32_t file) {
    const auto it = replaced.find(id);
    return it != replaced.end() && file < it->second;
  };
  for_each_record_vector(base.facts, [&](auto& records) {
    const auto is_replaced = [&](const auto& record) {
      return is_replaced_at(record.id, record.pos.file);
    };
    // Only a kind that loses a record stops being a view of the embedded data.
    if (std::any_of(records.begin(), records.end(), is_replaced)) {
      std::erase_if(records.edit(), is_replaced);
    }
  });
  std::erase_if(base.links,
                [&](const LinkUse& link) { return is_replaced_at(link.owner, link.pos.file); });
}

}  // namespace

void merge_layers(LoadResult& base, std::vector<LoadResult>&& layers, bool replace) {
  auto& facts = base.facts;
  if (facts.files.empty()) facts.files = {""};
  if (layers.empty() || take_whole(base, layers)) return;
  MergeState state;
  state.defined.reserve(facts.record_count());
  for (const auto& ref : facts.index()) state.defined.emplace(facts.id_of(ref), facts.pos_of(ref));
  for (auto& layer : layers) add_layer(base, layer, replace, state);

  auto append_records = [](auto& to, const auto& from) {
    if (from.empty()) return;
    auto& records = to.edit();
    records.insert(records.end(), from.begin(), from.end());
  };
  for (auto& layer : layers) {
    model::for_each_kind([&](auto schema) {
      append_records(model::records_of(facts, schema), model::records_of(layer.facts, schema));
    });
  }
  if (!state.replaced.empty()) drop_replaced(base, state.replaced);
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
    const std::string_view expected = expected_name(link.expected);
    if (!target) {
      d.message = say("unknown {} \"{}\"", tr(expected), link.target);
      const auto close = util::closest_matches(link.target, ids_of(facts, link.expected));
      d.hint = close.empty() ? say("no {} has this id", tr(expected))
                             : say("did you mean {}?", util::quoted_alternatives(close, tr("or")));
    } else {
      d.message = say("\"{}\" is {}, not {}", link.target,
                      with_article(model::kind_name(target->kind)), with_article(expected));
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
  for (const auto& given : options.env_paths) {
    std::string path = given;
    if (const auto problem = find_path(path)) {
      const bool missing = *problem == tr("no such file or directory");
      result.diagnostics.push_back(
          path_problem(Severity::warning, path,
                       say("{}; skipping this NKFACTS_PATH entry",
                           missing ? std::string(tr("not found")) : *problem)));
      continue;
    }
    merge_layer(result, load_path(path), true);
  }
  for (const auto& given : options.cli_paths) {
    std::string path = given;
    if (path != "-") {
      if (const auto problem = find_path(path)) {
        result.diagnostics.push_back(
            path_problem(Severity::error, path, *problem,
                         std::string(tr("--facts takes a .toml file or a directory of them"))));
        continue;
      }
    }
    merge_layer(result, load_path(path), true);
  }
  if (result.facts.record_count() > k_max_records) {
    Diagnostic d;
    d.message =
        say("{} records loaded; the limit is {}", result.facts.record_count(), k_max_records);
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
        model::for_each_id_list(record,
                                [&](model::KindSet targets, model::TextList ids, const auto&) {
                                  for (const auto& id : ids)
                                    embedded_links.push_back({record.id, id, targets, record.pos});
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

#include "render/diagnostics.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "util/i18n.hpp"
#include "util/utf8.hpp"

namespace nkfacts::render {
namespace {

// The caret is placed by display width, since columns count characters and a Hangul
// syllable takes two terminal columns.
std::string caret_padding(std::string_view line, std::uint32_t column) {
  std::size_t bytes = 0;
  std::uint32_t characters = 1;
  while (bytes < line.size() && characters < column) {
    ++bytes;
    while (bytes < line.size() && (static_cast<unsigned char>(line[bytes]) & 0xC0) == 0x80) ++bytes;
    ++characters;
  }
  return std::string(util::display_width(line.substr(0, bytes)), ' ');
}

// Control characters from data shown escaped (\x1b); escaping twice changes nothing.
std::string safe(std::string_view text) {
  return util::escape_controls(text, util::Newlines::escape);
}

}  // namespace

std::string format_diagnostic(const model::Diagnostic& d, const Terminal& terminal) {
  std::string out = "nkfacts: ";
  if (d.severity == model::Severity::warning) {
    out += paint(terminal, Style::warning, util::tr("warning:"));
    out += ' ';
  } else if (d.severity == model::Severity::note) {
    out += paint(terminal, Style::note, util::tr("note:"));
    out += ' ';
  }
  if (!d.path.empty()) {
    std::string where = util::escape_controls(d.path, util::Newlines::escape);
    if (d.line > 0) where += fmt::format(":{}", d.line);
    if (d.line > 0 && d.column > 0 && d.severity != model::Severity::note) {
      where += fmt::format(":{}", d.column);
    }
    out += paint(terminal, Style::heading, where + ":");
    out += ' ';
  }
  // Messages quote ids and values from the file: escaped here, at the terminal's edge.
  out += safe(d.message);
  out += '\n';
  if (!d.source_line.empty() && d.line > 0 && d.severity != model::Severity::note) {
    const std::string number = fmt::format("{:>5}", d.line);
    out += fmt::format("{} | {}\n", paint(terminal, Style::dim, number), d.source_line);
    if (d.column > 0) {
      out +=
          fmt::format("{} | {}{}\n", std::string(number.size(), ' '),
                      caret_padding(d.source_line, d.column), paint(terminal, Style::error, "^"));
    }
  }
  if (!d.hint.empty())
    out += fmt::format("{} {}\n", paint(terminal, Style::note, util::tr("hint:")), safe(d.hint));
  return out;
}

std::string format_diagnostics(std::vector<model::Diagnostic> diagnostics, const Terminal& terminal,
                               bool include_notes, bool include_warnings) {
  std::erase_if(diagnostics, [&](const model::Diagnostic& d) {
    return (d.severity == model::Severity::note && !include_notes) ||
           (d.severity == model::Severity::warning && !include_warnings);
  });
  std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const auto& a, const auto& b) {
    const bool a_note = a.severity == model::Severity::note;
    const bool b_note = b.severity == model::Severity::note;
    if (a_note || b_note) return a_note && !b_note;  // notes first, in load order
    return std::tie(a.path, a.line, a.column) < std::tie(b.path, b.line, b.column);
  });
  std::string out;
  for (const auto& d : diagnostics) out += format_diagnostic(d, terminal);
  return out;
}

std::string format_check_report(std::vector<model::Diagnostic> diagnostics, std::size_t file_count,
                                std::size_t record_count, const Terminal& terminal) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const auto& a, const auto& b) {
    return std::tie(a.path, a.line, a.column) < std::tie(b.path, b.line, b.column);
  });
  std::string out;
  std::size_t errors = 0;
  std::size_t warnings = 0;
  for (const auto& d : diagnostics) {
    std::string where = d.path.empty() ? std::string("nkfacts")
                                       : util::escape_controls(d.path, util::Newlines::escape);
    if (d.line > 0) where += fmt::format(":{}", d.line);
    if (d.line > 0 && d.column > 0) where += fmt::format(":{}", d.column);
    std::string_view severity = util::tr("error:");
    Style style = Style::error;
    if (d.severity == model::Severity::warning) {
      severity = util::tr("warning:");
      style = Style::warning;
      ++warnings;
    } else if (d.severity == model::Severity::note) {
      severity = util::tr("note:");
      style = Style::note;
    } else {
      ++errors;
    }
    out += fmt::format("{}: {} {}\n", where, paint(terminal, style, severity), safe(d.message));
    if (!d.hint.empty()) out += fmt::format("  {} {}\n", util::tr("hint:"), safe(d.hint));
  }
  if (util::language() == util::Language::ko) {
    out += fmt::format(fmt::runtime(util::tr("nkfacts check: {} error(s), {} warning(s) in {} "
                                             "file(s) ({} record(s))\n")),
                       errors, warnings, file_count, record_count);
    return out;
  }
  auto plural = [](std::size_t n, std::string_view word) {
    return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
  };
  out += fmt::format("nkfacts check: {}, {} in {} ({})\n", plural(errors, "error"),
                     plural(warnings, "warning"), plural(file_count, "file"),
                     plural(record_count, "record"));
  return out;
}

std::string format_error(std::string_view message, std::string_view hint, const Terminal& terminal,
                         std::string_view usage) {
  std::string out = fmt::format("nkfacts: {}\n", safe(message));
  if (!usage.empty()) out += fmt::format("{} {}\n", util::tr("usage:"), usage);
  if (!hint.empty())
    out += fmt::format("{} {}\n", paint(terminal, Style::note, util::tr("hint:")), safe(hint));
  return out;
}

}  // namespace nkfacts::render

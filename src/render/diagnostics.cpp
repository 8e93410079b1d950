#include "render/diagnostics.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "util/i18n.hpp"
#include "util/text.hpp"
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

// "LABEL text" as one line, or, on a terminal of known width (stderr's Terminal has a width
// only when stderr is a terminal: a pipe keeps each message on one line for grep), wrapped
// with the continuation lines under the text after a short label ("hint:"), two columns in
// after a long one (a file's path and position).
void append_labelled(std::string& out, std::string_view label, std::string_view text,
                     const Terminal& terminal) {
  out.append(label);
  out += ' ';
  if (terminal.width == 0) {
    out.append(text);
    out += '\n';
    return;
  }
  const std::size_t used = util::display_width(label) + 1;
  const std::size_t indent = used <= 12 ? used : 2;
  const std::string_view first_word = text.substr(0, text.find_first_of(" \n"));
  if (used + util::display_width(first_word) > terminal.width) {
    out.back() = '\n';  // the label fills the line: the text starts under it
    util::wrap_into(out, text, terminal.width, "  ", "  ");
    return;
  }
  util::wrap_rest_into(out, text, terminal.width, used, std::string(indent, ' '));
}

}  // namespace

std::string format_diagnostic(const model::Diagnostic& d, const Terminal& terminal) {
  std::string out = "nkfacts:";
  if (d.severity == model::Severity::warning) {
    out += ' ';
    out += paint(terminal, Style::warning, util::tr("warning:"));
  } else if (d.severity == model::Severity::note) {
    out += ' ';
    out += paint(terminal, Style::note, util::tr("note:"));
  }
  if (!d.path.empty()) {
    std::string where = util::escape_controls(d.path, util::Newlines::escape);
    if (d.line > 0) where += fmt::format(":{}", d.line);
    if (d.line > 0 && d.column > 0 && d.severity != model::Severity::note) {
      where += fmt::format(":{}", d.column);
    }
    out += ' ';
    out += paint(terminal, Style::heading, where + ":");
  }
  // Messages quote ids and values from the file: escaped here, at the terminal's edge.
  std::string label = std::move(out);
  out.clear();
  append_labelled(out, label, safe(d.message), terminal);
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
    append_labelled(out, paint(terminal, Style::note, util::tr("hint:")), safe(d.hint), terminal);
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
  std::string out;
  append_labelled(out, "nkfacts:", safe(message), terminal);
  if (!usage.empty()) out += fmt::format("{} {}\n", util::tr("usage:"), usage);
  if (!hint.empty())
    append_labelled(out, paint(terminal, Style::note, util::tr("hint:")), safe(hint), terminal);
  return out;
}

}  // namespace nkfacts::render

#include "commands/context.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "commands/exit_status.hpp"
#include "render/diagnostics.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"

namespace nkfacts::commands {

int report_unknown_id(Context& context, std::string_view id, std::string_view kind_label,
                      const std::vector<std::string>& suggestions) {
  const std::string shown = util::escape_controls(id, util::Newlines::escape);
  const std::string message =
      kind_label.empty()
          ? fmt::format(fmt::runtime(util::tr("no record with id '{}'")), shown)
          : fmt::format(fmt::runtime(util::tr("no {} with id '{}'")), util::tr(kind_label), shown);
  const std::string hint =
      suggestions.empty() ? std::string(util::tr("'nkfacts list' shows every id"))
                          : fmt::format(fmt::runtime(util::tr("did you mean {}?")),
                                        util::quoted_alternatives(suggestions, util::tr("or")));
  context.err += render::format_error(message, hint, context.err_terminal);
  return exit_status::nothing_found;
}

bool check_fields(Context& context, const std::vector<std::string>& valid) {
  for (const auto& field : context.fields) {
    if (std::find(valid.begin(), valid.end(), field) == valid.end()) {
      context.err += render::format_error(
          fmt::format(fmt::runtime(util::tr("unknown field '{}'")),
                      util::escape_controls(field, util::Newlines::escape)),
          fmt::format(fmt::runtime(util::tr("valid fields: {}")), fmt::join(valid, ", ")),
          context.err_terminal);
      return false;
    }
  }
  return true;
}

int emit_dataset(Context& context, const render::Dataset& data,
                 const std::vector<std::string>& valid) {
  if (!check_fields(context, valid)) return exit_status::usage_error;
  append_output(context,
                render::write_dataset(data, context.format,
                                      context.fields.empty() ? data.fields : context.fields));
  return exit_status::answered;
}

namespace {

// How much of an answer pass_on lets gather before writing it.
constexpr std::size_t k_pass_on_bytes = 16 * 1024;

}  // namespace

void pass_on(Context& context) {
  if (!context.write_early || context.out.size() < k_pass_on_bytes) return;
  context.write_early(context.out);
  context.out.clear();
}

void pass_on(Context& context, std::string& buffer) {
  if (!context.write_early || context.out.size() + buffer.size() < k_pass_on_bytes) return;
  if (!context.out.empty()) context.write_early(context.out);
  context.write_early(buffer);
  context.out.clear();
  buffer.clear();
}

void expect_answer_of(Context& context, std::size_t expected) {
  if (expected > 16 * 1024) context.out.reserve(std::max(expected, util::k_answer_room));
}

RowStream::RowStream(Context& context, const std::vector<std::string>& schema,
                     std::size_t expected_rows)
    : m_context(context),
      m_cited(context.facts),
      m_lists_references(context.format == render::Format::json ||
                         context.format == render::Format::markdown),
      m_writer(context.format, context.fields.empty() ? schema : context.fields, context.out,
               expected_rows) {}

void RowStream::row(const render::Row& row) {
  if (m_lists_references) m_cited.note(row);
  m_writer.row(row);
  pass_on(m_context);
}

int RowStream::finish() {
  render::Row reference;
  m_writer.finish(m_cited.size(),
                  [&](std::size_t i) -> const render::Row& { return reference = m_cited.row(i); });
  return exit_status::answered;
}

void complete_answer(Context& context, int status) {
  if (status == exit_status::nothing_found && context.out.empty() &&
      context.format == render::Format::json) {
    context.out = render::write_dataset(render::Dataset{}, render::Format::json, {});
  }
}

void append_output(Context& context, std::string&& text) {
  if (context.out.empty()) {
    context.out = std::move(text);
  } else {
    context.out += text;
  }
}

bool parse_kind_argument(Context& context, std::string_view name, std::optional<model::Kind>& kind,
                         const std::vector<model::Kind>& allowed) {
  if (name.empty()) return true;
  kind = model::parse_kind(util::fold_case(name));
  const auto ok = [&](model::Kind k) {
    return allowed.empty() || std::find(allowed.begin(), allowed.end(), k) != allowed.end();
  };
  if (kind && ok(*kind)) return true;
  std::vector<std::string_view> names;
  for (const auto k : model::k_all_kinds) {
    if (ok(k)) names.push_back(model::kind_name(k));
  }
  const std::string shown = util::escape_controls(name, util::Newlines::escape);
  context.err += render::format_error(
      kind ? fmt::format(fmt::runtime(util::tr("'{}' is not a kind this command takes")), shown)
           : fmt::format(fmt::runtime(util::tr("unknown kind '{}'")), shown),
      fmt::format(fmt::runtime(util::tr("valid kinds: {}")), fmt::join(names, ", ")),
      context.err_terminal);
  kind.reset();
  return false;
}

int report(Context& context, int status, std::string_view message, std::string_view hint) {
  context.err += render::format_error(util::escape_controls(message, util::Newlines::escape), hint,
                                      context.err_terminal);
  return status;
}

int usage_error(Context& context, std::string_view message, std::string_view hint) {
  return report(context, exit_status::usage_error, message, hint);
}

void note(Context& context, std::string_view message) {
  context.err +=
      fmt::format("nkfacts: {} {}\n",
                  render::paint(context.err_terminal, render::Style::note, util::tr("note:")),
                  util::escape_controls(message, util::Newlines::escape));
}

std::string count_of(std::size_t count, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", count, count == 1 ? one : many);
}

std::string count_phrase(std::size_t count, std::string_view one, std::string_view many) {
  return fmt::format(fmt::runtime(count == 1 ? one : many),
                     util::format_number(static_cast<double>(count), true));
}

int report_wrong_kind(Context& context, std::string_view id, std::string_view wanted,
                      std::string_view actual) {
  context.err += render::format_error(
      fmt::format(fmt::runtime(util::tr("'{}' is a {}, not a {}")), id, util::tr(actual),
                  util::tr(wanted)),
      fmt::format(fmt::runtime(util::tr("'nkfacts show {}' shows it")), id), context.err_terminal);
  return exit_status::nothing_found;
}

}  // namespace nkfacts::commands

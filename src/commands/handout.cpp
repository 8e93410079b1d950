#include "render/handout.hpp"

#include <fmt/format.h>

#include "commands/commands.hpp"
#include "commands/exit_status.hpp"
#include "commands/help.hpp"
#include "render/html_pages.hpp"
#include "util/i18n.hpp"

namespace nkfacts::commands {

int run_handout(const HandoutOptions& options, Context& context) {
  const auto topic = render::parse_handout_topic(options.topic);
  if (!topic) {
    return usage_error(context, fmt::format("unknown handout topic '{}'", options.topic),
                       fmt::format("topics: {}", render::k_handout_topic_names));
  }
  const auto style = render::parse_citation_style(options.style);
  if (!style || render::is_export(*style)) {
    return usage_error(context,
                       fmt::format("'{}' is not a style for a printed bibliography", options.style),
                       fmt::format("styles: {}", render::k_printed_style_names));
  }
  const auto length = render::parse_handout_length(options.length);
  if (!length) {
    return usage_error(
        context, fmt::format(fmt::runtime(util::tr("unknown handout length '{}'")), options.length),
        fmt::format(fmt::runtime(util::tr("lengths: {}")), render::k_handout_length_names));
  }
  if (*length == render::HandoutLength::sheet && options.topic != "all") {
    return usage_error(context, util::tr("a fact sheet has every topic, on one page"),
                       util::tr("drop --topic, or give --length lesson"));
  }
  const std::string edition =
      fmt::format("nkfacts {}, {}", NKFACTS_VERSION, facts_line(context.facts));
  if (context.format == render::Format::html) {
    append_output(context, render::html::handout_page(
                               context.facts, *topic, *length,
                               {context.paper, context.first_own_file, edition, *style}));
    return exit_status::answered;
  }
  // A handout is Markdown: asking for text or for Markdown gives it; data formats do not.
  if (is_machine_format(context) && context.format != render::Format::markdown) {
    return usage_error(context, "a handout is Markdown already, not data",
                       "drop --format, or give --format markdown");
  }
  append_output(context, render::render_handout(context.facts, *topic, *style, edition, *length,
                                                context.first_own_file, [&](std::string& part) {
                                                  pass_on(context, part);
                                                }));
  return exit_status::answered;
}

}  // namespace nkfacts::commands

// quiz and random: the classroom commands that pick from the facts.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>

#include "commands/commands.hpp"
#include "commands/exit_status.hpp"
#include "commands/quiz_questions.hpp"
#include "model/localized.hpp"
#include "render/citation.hpp"
#include "render/diagnostics.hpp"
#include "render/html.hpp"
#include "render/record_rows.hpp"
#include "render/text.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"

namespace nkfacts::commands {
namespace {

using util::tr;
namespace html = render::html;

char letter(std::size_t index) {
  return static_cast<char>('A' + index);
}

// "figure", "routes", ... as a quiz topic; series questions count as figures.
bool parse_topic(Context& context, std::string_view name, std::optional<model::Kind>& topic) {
  if (name.empty()) return true;
  auto kind = model::parse_kind(name);
  if (kind == model::Kind::series) kind = model::Kind::figure;
  if (kind && std::find(std::begin(k_quiz_topics), std::end(k_quiz_topics), *kind) !=
                  std::end(k_quiz_topics)) {
    topic = kind;
    return true;
  }
  usage_error(context, fmt::format(fmt::runtime(tr("no quiz topic '{}'")), name),
              tr("topics: figure, route, danger, event, claim, term"));
  return false;
}

// The answer typed: a letter or a number within the options; nullopt when it is neither.
std::optional<std::size_t> parse_answer(std::string_view text, std::size_t options) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\r' || text.back() == '\t'))
    text.remove_suffix(1);
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  if (text.size() == 2 && text[1] == ')') text.remove_suffix(1);
  if (text.size() != 1) return std::nullopt;
  const char c = text[0];
  std::size_t index = options;
  if (c >= 'a' && c <= 'z') index = static_cast<std::size_t>(c - 'a');
  if (c >= 'A' && c <= 'Z') index = static_cast<std::size_t>(c - 'A');
  if (c >= '1' && c <= '9') index = static_cast<std::size_t>(c - '1');
  return index < options ? std::optional<std::size_t>(index) : std::nullopt;
}

std::string question_text(const Question& q, std::size_t number, std::size_t total,
                          const render::Terminal& terminal) {
  std::string out =
      render::paint(terminal, render::Style::heading,
                    fmt::format(fmt::runtime(tr("Question {} of {}")), number, total));
  out += '\n';
  out += util::wrap(render::clean(q.prompt), terminal.width, "  ", "  ");
  for (std::size_t i = 0; i < q.options.size(); ++i) {
    out += util::wrap(render::clean(q.options[i]), terminal.width,
                      fmt::format("    {}) ", letter(i)), "       ");
  }
  return out;
}

// The first reference behind the answer, short: "Yonhap News Agency, 2025-02-04
// [yonhap-2025-02-04]" (the id gives the full entry: nkfacts cite ID). Empty without one.
std::string short_source(const model::FactBase& facts, const Question& q) {
  for (const auto& id : q.sources) {
    const auto* reference = facts.find_reference(id);
    if (!reference) continue;
    const std::string_view who = reference->publisher.empty()
                                     ? model::localized(*reference, &model::Reference::title)
                                     : reference->publisher;
    if (!reference->published) return fmt::format("{} [{}]", who, reference->id);
    return fmt::format("{}, {} [{}]", who, model::display_date(*reference->published),
                       reference->id);
  }
  return "";
}

std::string sheet_title(std::size_t count) {
  return fmt::format(fmt::runtime(tr("Quiz: {}")),
                     count_of(count, tr("question"), tr("questions")));
}

// --- worksheets and answer keys: text, Markdown, HTML ---------------------------------------

// The "Name: ___  Date: ___" line, or a line for each when it is wider than `width` (0: no
// limit), the blanks shortened to fit. `between` separates the two lines.
std::string name_and_date(std::size_t width, std::string_view between) {
  constexpr std::size_t k_name = 30;
  constexpr std::size_t k_date = 14;
  constexpr std::size_t k_least = 8;  // a blank shorter than this is no room to write in
  std::string one = fmt::format(fmt::runtime(tr("Name: {}  Date: {}")), std::string(k_name, '_'),
                                std::string(k_date, '_'));
  if (width == 0 || util::display_width(one) <= width) return one;
  const auto line = [&](std::string_view label, std::size_t longest) {
    const std::size_t used = util::display_width(label) + 1;
    const std::size_t room = width > used ? width - used : 0;
    return fmt::format("{} {}", label, std::string(std::clamp(room, k_least, longest), '_'));
  };
  return line(tr("Name:"), k_name) + std::string(between) + line(tr("Date:"), k_date);
}

void text_sheet(std::string& out, const std::vector<Question>& quiz, std::string_view replay,
                const render::Terminal& terminal) {
  render::append_heading(out, sheet_title(quiz.size()), "", terminal);
  out += name_and_date(terminal.width, "\n");
  out += '\n';
  for (std::size_t i = 0; i < quiz.size(); ++i) {
    const auto& q = quiz[i];
    out += '\n';
    out +=
        util::wrap(render::clean(q.prompt), terminal.width, fmt::format("{:>2}. ", i + 1), "    ");
    for (std::size_t k = 0; k < q.options.size(); ++k) {
      out += util::wrap(render::clean(q.options[k]), terminal.width,
                        fmt::format("    [ ] {}) ", letter(k)), "           ");
    }
  }
  out += '\n';
  out += util::wrap(fmt::format(fmt::runtime(tr("The same questions again: {}")), replay),
                    terminal.width, "", "  ");
}

void text_key(std::string& out, const std::vector<Question>& quiz, const model::FactBase& facts,
              const render::Terminal& terminal) {
  render::append_heading(out, tr("Answer key"), "", terminal);
  for (std::size_t i = 0; i < quiz.size(); ++i) {
    const auto& q = quiz[i];
    out += util::wrap(fmt::format("{}) {}", letter(q.answer), render::clean(q.options[q.answer])),
                      terminal.width, fmt::format("{:>2}. ", i + 1), "    ");
    out += util::wrap(render::clean(q.explanation), terminal.width, "    ", "    ");
    const std::string source = short_source(facts, q);
    if (!source.empty()) {
      out += util::wrap(fmt::format(fmt::runtime(tr("Source: {}")), render::clean(source)),
                        terminal.width, "    ", "      ");
    }
  }
}

void md(std::string& out, std::string_view text) {
  util::markdown_literal_into(out, text, util::Newlines::to_space);
}

void markdown_sheet(std::string& out, const std::vector<Question>& quiz, std::string_view replay,
                    std::size_t width) {
  out += "# ";
  md(out, sheet_title(quiz.size()));
  out += "\n\n";
  // The blanks unescaped: a run of underscores between spaces is text in Markdown. Two
  // lines are two paragraphs, so that a renderer does not join them.
  out += name_and_date(width, "\n\n");
  out += "\n";
  for (std::size_t i = 0; i < quiz.size(); ++i) {
    const auto& q = quiz[i];
    out += fmt::format("\n{}. ", i + 1);
    md(out, q.prompt);
    out += "\n\n";
    for (std::size_t k = 0; k < q.options.size(); ++k) {
      out += fmt::format("   - [ ] {}) ", letter(k));
      md(out, q.options[k]);
      out += '\n';
    }
  }
  out += '\n';
  md(out, fmt::format(fmt::runtime(tr("The same questions again: {}")), replay));
  out += '\n';
}

void markdown_key(std::string& out, const std::vector<Question>& quiz,
                  const model::FactBase& facts) {
  // Converted to HTML or PDF (pandoc), the key starts a new page.
  out += "\n<div style=\"page-break-before: always; break-before: page\"></div>\n\n## ";
  md(out, tr("Answer key"));
  out += "\n\n";
  for (std::size_t i = 0; i < quiz.size(); ++i) {
    const auto& q = quiz[i];
    out += fmt::format("{}. **{}) ", i + 1, letter(q.answer));
    md(out, q.options[q.answer]);
    out += "** ";
    md(out, q.explanation);
    const std::string source = short_source(facts, q);
    if (!source.empty()) {
      out += ' ';
      md(out, fmt::format(fmt::runtime(tr("Source: {}")), source));
    }
    out += '\n';
  }
}

constexpr std::string_view k_sheet_css = R"css(
.lines { margin: 1rem 0 1.2rem; }
.blank { display: inline-block; min-width: 14em; border-bottom: 1px solid #000; margin-right: 1.5em; }
.blank.short { min-width: 8em; }
ol.questions > li { margin: 0 0 .9rem; break-inside: avoid; page-break-inside: avoid; }
ul.options { list-style: none; padding-left: .6rem; margin: .2rem 0; }
ul.options li { margin: .15rem 0; }
.box { display: inline-block; width: .9em; height: .9em; border: 1px solid #000; margin-right: .4em; vertical-align: -0.1em; }
section.key { break-before: page; page-break-before: always; }
section.key li { margin: 0 0 .6rem; break-inside: avoid; page-break-inside: avoid; }
)css";

void html_sheet(std::string& out, const std::vector<Question>& quiz, std::string_view replay) {
  out += "<h1>";
  html::escape(out, sheet_title(quiz.size()));
  out += "</h1>\n<p class=\"lines\">";
  html::escape(out, tr("Name:"));
  out += " <span class=\"blank\"></span> ";
  html::escape(out, tr("Date:"));
  out += " <span class=\"blank short\"></span></p>\n<ol class=\"questions\">\n";
  for (const auto& q : quiz) {
    out += "<li><p>";
    html::escape(out, q.prompt);
    out += "</p>\n<ul class=\"options\">\n";
    for (std::size_t k = 0; k < q.options.size(); ++k) {
      out += fmt::format("<li><span class=\"box\"></span>{}) ", letter(k));
      html::escape(out, q.options[k]);
      out += "</li>\n";
    }
    out += "</ul></li>\n";
  }
  out += "</ol>\n<p class=\"meta\">";
  html::escape(out, fmt::format(fmt::runtime(tr("The same questions again: {}")), replay));
  out += "</p>\n";
}

void html_key(std::string& out, const std::vector<Question>& quiz, const model::FactBase& facts,
              bool own_page) {
  out += own_page ? "<section class=\"key\">\n<h2>" : "<section>\n<h2>";
  html::escape(out, tr("Answer key"));
  out += "</h2>\n<ol>\n";
  for (const auto& q : quiz) {
    out += fmt::format("<li><p><strong>{}) ", letter(q.answer));
    html::escape(out, q.options[q.answer]);
    out += "</strong></p>\n<p>";
    html::escape(out, q.explanation);
    out += "</p>\n";
    const std::string source = short_source(facts, q);
    if (!source.empty()) {
      out += "<p class=\"meta\">";
      html::escape(out, fmt::format(fmt::runtime(tr("Source: {}")), source));
      out += "</p>\n";
    }
    out += "</li>\n";
  }
  out += "</ol>\n</section>\n";
}

// The questions as data: plain numbers and their unit for numeric answers, never text
// formatted for reading ("34537" and "people", not "34,537 people").
int quiz_data(Context& context, const std::vector<Question>& quiz) {
  render::Dataset data;
  // id, kind and name are those of the record the question asks about, as on every row of
  // every machine format; record repeats the id for the scripts that read it before.
  data.fields = {"id",       "kind",        "name",   "number",      "template",
                 "question", "options",     "answer", "answer_text", "answer_value",
                 "unit",     "explanation", "record", "sources"};
  for (std::size_t i = 0; i < quiz.size(); ++i) {
    const auto& q = quiz[i];
    render::Row row;
    if (const auto* ref = context.facts.find(q.record)) {
      row.add("id", q.record);
      row.add("kind", model::kind_name(ref->kind));
      row.add("name", context.facts.name_of(*ref));
    }
    row.add("number", static_cast<double>(i + 1));
    row.add("template", template_name(q.kind));
    row.add("question", q.prompt);
    if (q.values.empty()) {
      row.add("options", q.options);
      row.add("answer", std::string(1, letter(q.answer)));
      row.add("answer_text", q.options[q.answer]);
    } else {
      std::vector<std::string> plain;
      for (const double v : q.values) plain.push_back(util::format_number(v, false));
      row.add("options", plain);
      row.add("answer", std::string(1, letter(q.answer)));
      row.add("answer_text", plain[q.answer]);
      row.add("answer_value", q.values[q.answer]);
      row.add("unit", q.unit);
    }
    row.add("explanation", q.explanation);
    row.add("record", q.record);
    row.add("sources", render::TextView(q.sources));
    data.rows.push_back(std::move(row));
  }
  render::resolve_references(data, context.facts);
  return emit_dataset(context, data, data.fields);
}

// --print: the student's sheet; --key: the answer key; both: the key after the sheet, on a
// page of its own when printed. A machine format gives the questions as data.
int print_quiz(const QuizOptions& options, Context& context, const std::vector<Question>& quiz,
               std::string_view replay) {
  const auto& facts = context.facts;
  switch (context.format) {
    case render::Format::text: {
      if (options.print) text_sheet(context.out, quiz, replay, context.out_terminal);
      if (options.print && options.key) context.out += '\n';
      if (options.key) text_key(context.out, quiz, facts, context.out_terminal);
      return exit_status::answered;
    }
    case render::Format::markdown: {
      if (options.print) markdown_sheet(context.out, quiz, replay, options.markdown_width);
      if (options.key) markdown_key(context.out, quiz, facts);
      return exit_status::answered;
    }
    case render::Format::html: {
      const std::string title =
          options.print ? sheet_title(quiz.size()) : std::string(tr("Answer key"));
      html::begin(context.out, {title, util::language_tag(util::language()), k_sheet_css});
      if (options.print) html_sheet(context.out, quiz, replay);
      if (options.key) html_key(context.out, quiz, facts, options.print);
      html::end(context.out);
      return exit_status::answered;
    }
    default:
      return quiz_data(context, quiz);
  }
}

// The answer to question `q`, asked until it is a letter of its options; nullopt when the
// student stops (q, or the end of the input).
std::optional<std::size_t> ask_answer(const Question& q, const Conversation& conversation) {
  for (;;) {
    conversation.write(
        fmt::format(fmt::runtime(tr("Your answer (A\u2013{}): ")), letter(q.options.size() - 1)));
    const auto line = conversation.read_line();
    if (!line) {
      conversation.write("\n");
      return std::nullopt;
    }
    if (*line == "q" || *line == "Q" || *line == "quit") return std::nullopt;
    if (const auto choice = parse_answer(*line, q.options.size())) return choice;
    conversation.write(fmt::format(fmt::runtime(tr("Please answer with a letter from A to {}.\n")),
                                   letter(q.options.size() - 1)));
  }
}

// Right or not, the right answer, why, its source and where to read more.
std::string feedback_text(const Question& q, bool right, const model::FactBase& facts,
                          const render::Terminal& terminal) {
  const std::string answer =
      fmt::format("{}) {}", letter(q.answer), render::clean(q.options[q.answer]));
  const std::string feedback =
      right ? render::paint(terminal, render::Style::note, tr("Right:")) + ' ' + answer
            : render::paint(terminal, render::Style::warning, tr("Not quite:")) +
                  fmt::format(fmt::runtime(tr(" the answer is {}")), answer);
  std::string text = util::wrap(feedback, terminal.width, "", "  ");
  text += util::wrap(render::clean(q.explanation), terminal.width, "", "");
  const std::string source = short_source(facts, q);
  if (!source.empty()) {
    text += util::wrap(fmt::format(fmt::runtime(tr("Source: {}")), render::clean(source)),
                       terminal.width, "", "  ");
  }
  text += util::wrap(fmt::format(fmt::runtime(tr("More: nkfacts show {}")), q.record),
                     terminal.width, "", "  ");
  return text;
}

// The quiz asked one question at a time, then the score.
void ask_quiz(Context& context, const Conversation& conversation, const std::vector<Question>& quiz,
              std::string_view replay) {
  const auto& terminal = context.out_terminal;
  conversation.write(util::wrap(
      fmt::format(
          fmt::runtime(
              tr("{} from the facts. Answer with a letter; q stops. (The same quiz again: {})")),
          count_of(quiz.size(), tr("question"), tr("questions")), replay),
      terminal.width, "", ""));
  std::size_t right = 0, asked = 0;
  for (std::size_t i = 0; i < quiz.size(); ++i) {
    const auto& q = quiz[i];
    conversation.write("\n" + question_text(q, i + 1, quiz.size(), terminal));
    const auto choice = ask_answer(q, conversation);
    if (!choice) break;
    ++asked;
    if (*choice == q.answer) ++right;
    conversation.write(feedback_text(q, *choice == q.answer, context.facts, terminal));
  }
  std::string score = fmt::format(fmt::runtime(tr("Score: {} of {}")), right, asked);
  if (asked < quiz.size()) {
    score += fmt::format(fmt::runtime(tr(" (stopped after {} of {})")), asked,
                         count_of(quiz.size(), tr("question"), tr("questions")));
  }
  conversation.write("\n" + render::paint(terminal, render::Style::heading, score) + "\n");
}

}  // namespace

std::optional<std::string> read_answer(int fd) {
  static std::array<char, 65536> buffer;
  static std::size_t begin = 0, end = 0;
  std::string line;
  bool any = false;
  for (;;) {
    if (begin == end) {
      const auto got = ::read(fd, buffer.data(), buffer.size());
      if (got < 0 && errno == EINTR) continue;
      if (got <= 0) return any ? std::optional<std::string>(std::move(line)) : std::nullopt;
      begin = 0;
      end = static_cast<std::size_t>(got);
    }
    any = true;
    const char* start = buffer.data() + begin;
    const auto* newline = static_cast<const char*>(std::memchr(start, '\n', end - begin));
    const std::size_t take = newline ? static_cast<std::size_t>(newline - start) : end - begin;
    line.append(start,
                std::min(take, k_max_answer_bytes - std::min(line.size(), k_max_answer_bytes)));
    begin += take;
    if (newline) {
      ++begin;
      return line;
    }
  }
}

std::string shown_answer(std::string_view line) {
  constexpr std::size_t k_shown = 80;
  std::string out;
  std::size_t characters = 0;
  while (!line.empty() && characters < k_shown) {
    const auto bad = util::find_invalid_utf8(line).value_or(line.size());
    // Whole characters only, counted as they come.
    std::size_t end = 0;
    while (end < bad && characters < k_shown) {
      end += util::decode_utf8(line, end).length;  // valid up to `bad`: never 0 here
      ++characters;
    }
    util::escape_controls_into(out, line.substr(0, end), util::Newlines::escape);
    line.remove_prefix(end);
    if (end == bad && !line.empty() && characters < k_shown) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(line.front()));
      line.remove_prefix(1);
      ++characters;
    }
  }
  if (!line.empty()) out += "\u2026";
  return out;
}

int run_quiz(const QuizOptions& options, Context& context, const Conversation& conversation) {
  std::optional<model::Kind> topic;
  if (!parse_topic(context, options.topic, topic)) return exit_status::usage_error;
  if (options.count == 0)
    return usage_error(context, tr("--count must be at least 1"), "e.g. --count 5");
  const bool print = options.print || options.key;
  if (is_machine_format(context) && !print) {
    return usage_error(
        context, tr("an interactive quiz is text only"),
        tr("add --print for a worksheet (text, markdown or html) or the questions as data"));
  }
  const auto quiz = make_quiz(context.facts, topic, options.count, options.seed);
  if (quiz.empty()) {
    return report(context, exit_status::nothing_found,
                  tr("the loaded facts give no quiz questions on this topic"),
                  tr("try another --topic, or no --topic"));
  }
  if (options.count_given && quiz.size() < options.count) {
    // A quiz asks once about each record (and each year of a series): that, not the number
    // of distinct questions in --help, is what caps it.
    const auto given = count_of(quiz.size(), tr("question"), tr("questions"));
    note(context,
         topic ? fmt::format(fmt::runtime(tr("one quiz asks once about each record (and each year "
                                             "of a series): the facts give {} on this topic, "
                                             "not {}")),
                             given, options.count)
               : fmt::format(fmt::runtime(tr("one quiz asks once about each record (and each year "
                                             "of a series): the facts give {}, not {}")),
                             given, options.count));
  }
  const std::string replay = fmt::format("nkfacts quiz --seed {}{}{}", options.seed,
                                         options.topic.empty() ? "" : " --topic " + options.topic,
                                         fmt::format(" --count {}", quiz.size()));
  if (print) return print_quiz(options, context, quiz, replay);
  ask_quiz(context, conversation, quiz, replay);
  return exit_status::answered;
}

int run_random(const RandomOptions& options, Context& context) {
  const auto& facts = context.facts;
  std::optional<model::Kind> kind;
  const std::vector<model::Kind> allowed(std::begin(k_random_kinds), std::end(k_random_kinds));
  if (!parse_kind_argument(context, options.kind, kind, allowed)) return exit_status::usage_error;
  std::vector<model::RecordRef> pool;
  for (const auto pick : {model::Kind::figure, model::Kind::route, model::Kind::danger,
                          model::Kind::event, model::Kind::fact}) {
    if (kind && *kind != pick) continue;
    std::size_t size = 0;
    switch (pick) {
      case model::Kind::figure:
        size = facts.figures.size();
        break;
      case model::Kind::route:
        size = facts.routes.size();
        break;
      case model::Kind::danger:
        size = facts.dangers.size();
        break;
      case model::Kind::event:
        size = facts.events.size();
        break;
      case model::Kind::fact:
        size = facts.facts.size();
        break;
      default:
        break;
    }
    for (std::size_t i = 0; i < size; ++i) pool.push_back({pick, static_cast<std::uint32_t>(i)});
  }
  if (pool.empty()) {
    context.err += render::format_error("no records of that kind in the loaded facts", "",
                                        context.err_terminal);
    return exit_status::nothing_found;
  }
  Random random(options.seed);
  const auto ref = pool[random.below(pool.size())];
  if (is_machine_format(context)) {
    render::Dataset data;
    data.fields = render::fields_of(ref.kind);
    data.rows.push_back(render::record_row(facts, ref));
    render::resolve_references(data, facts);
    return emit_dataset(context, data, data.fields);
  }
  render::SourceNotes notes(facts);
  render::render_record(context.out, facts, ref, notes, context.out_terminal);
  notes.render(context.out, context.out_terminal);
  return exit_status::answered;
}

}  // namespace nkfacts::commands

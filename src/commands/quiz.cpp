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
#include "render/citation.hpp"
#include "render/diagnostics.hpp"
#include "render/record_rows.hpp"
#include "render/text.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"

namespace nkfacts::commands {
namespace {

char letter(std::size_t index) { return static_cast<char>('A' + index); }

// "5 questions", "1 question"; in Korean "5문항".
std::string questions(std::size_t count) {
  if (util::language() == util::Language::ko) return fmt::format("{}문항", count);
  return count_of(count, "question", "questions");
}

// "figure", "routes", ... as a quiz topic; series questions count as figures.
bool parse_topic(Context& context, std::string_view name, std::optional<model::Kind>& topic) {
  if (name.empty()) return true;
  auto kind = model::parse_kind(name);
  if (kind == model::Kind::series) kind = model::Kind::figure;
  if (kind == model::Kind::figure || kind == model::Kind::route || kind == model::Kind::danger ||
      kind == model::Kind::event) {
    topic = kind;
    return true;
  }
  usage_error(context, fmt::format(fmt::runtime(util::tr("no quiz topic '{}'")), name),
              util::tr("topics: figure, route, danger, event"));
  return false;
}

// The answer typed: a letter or a number within the options; nullopt when it is neither.
std::optional<std::size_t> parse_answer(std::string_view text, std::size_t options) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\r' || text.back() == '\t')) text.remove_suffix(1);
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
                    fmt::format(fmt::runtime(util::tr("Question {} of {}")), number, total));
  out += '\n';
  out += util::wrap(render::clean(q.prompt), terminal.width, "  ", "  ");
  for (std::size_t i = 0; i < q.options.size(); ++i) {
    out += util::wrap(render::clean(q.options[i]), terminal.width,
                      fmt::format("    {}) ", letter(i)), "       ");
  }
  return out;
}

std::string first_source(const model::FactBase& facts, const Question& q) {
  for (const auto& id : q.sources) {
    if (const auto* reference = facts.find_reference(id)) return render::cite_plain(*reference);
  }
  return "";
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
    line.append(start, std::min(take, k_max_answer_bytes - std::min(line.size(), k_max_answer_bytes)));
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
      ++end;
      while (end < bad && (static_cast<unsigned char>(line[end]) & 0xC0) == 0x80) ++end;
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
  const auto& facts = context.facts;
  std::optional<model::Kind> topic;
  if (!parse_topic(context, options.topic, topic)) return exit_status::usage_error;
  if (options.count == 0) return usage_error(context, "--count must be at least 1", "e.g. --count 5");
  if (is_machine_format(context) && !options.print) {
    return usage_error(context, "an interactive quiz is text only",
                       "add --print for the questions and answers as data");
  }
  const auto quiz = make_quiz(facts, topic, options.count, options.seed);
  if (quiz.empty()) {
    context.err +=
        render::format_error(util::tr("the loaded facts give no quiz questions on this topic"),
                             util::tr("try another --topic, or no --topic"), context.err_terminal);
    return exit_status::nothing_found;
  }
  if (options.count_given && quiz.size() < options.count) {
    note(context, fmt::format("the facts give {} on this topic, not {}",
                              count_of(quiz.size(), "question", "questions"), options.count));
  }
  const std::string replay = fmt::format("nkfacts quiz --seed {}{}{}", options.seed,
                                         options.topic.empty() ? "" : " --topic " + options.topic,
                                         fmt::format(" --count {}", quiz.size()));
  if (options.print) {
    if (is_machine_format(context)) {
      render::Dataset data;
      data.fields = {"number", "question", "options", "answer", "answer_text", "record", "sources"};
      for (std::size_t i = 0; i < quiz.size(); ++i) {
        render::Row row;
        row.add("number", static_cast<double>(i + 1));
        row.add("question", quiz[i].prompt);
        row.add("options", quiz[i].options);
        row.add("answer", std::string(1, letter(quiz[i].answer)));
        row.add("answer_text", quiz[i].options[quiz[i].answer]);
        row.add("record", quiz[i].record);
        row.add("sources", render::TextView(quiz[i].sources));
        data.rows.push_back(std::move(row));
      }
      render::resolve_references(data, facts);
      return emit_dataset(context, data, data.fields);
    }
    // A worksheet: the questions, then the answer key with sources.
    const auto& terminal = context.out_terminal;
    render::append_heading(context.out,
                           fmt::format(fmt::runtime(util::tr("Quiz: {}")), questions(quiz.size())),
                           "", terminal);
    context.out +=
        util::wrap(fmt::format(fmt::runtime(util::tr("The same questions again: {}")), replay),
                   terminal.width, "", "  ");
    for (std::size_t i = 0; i < quiz.size(); ++i) {
      context.out += '\n';
      context.out += question_text(quiz[i], i + 1, quiz.size(), terminal);
    }
    context.out += '\n';
    render::append_heading(context.out, util::tr("Answer key"), "", terminal);
    render::SourceNotes notes(facts);
    for (std::size_t i = 0; i < quiz.size(); ++i) {
      const auto& q = quiz[i];
      context.out += util::wrap(
          fmt::format("{}) {} {}", letter(q.answer), render::clean(q.options[q.answer]),
                      notes.markers(q.sources, terminal)),
          terminal.width, fmt::format("  {:>2}. ", i + 1), "      ");
    }
    notes.render(context.out, terminal);
    return exit_status::answered;
  }

  const auto& terminal = context.out_terminal;
  conversation.write(util::wrap(
      fmt::format(
          fmt::runtime(util::tr(
              "{} from the facts. Answer with a letter; q stops. (The same quiz again: {})")),
          questions(quiz.size()), replay),
      terminal.width, "", ""));
  std::size_t right = 0, asked = 0;
  bool stopped = false;
  for (std::size_t i = 0; i < quiz.size() && !stopped; ++i) {
    const auto& q = quiz[i];
    conversation.write("\n" + question_text(q, i + 1, quiz.size(), terminal));
    std::optional<std::size_t> choice;
    while (!choice) {
      conversation.write(fmt::format(fmt::runtime(util::tr("Your answer (A\u2013{}): ")),
                                     letter(q.options.size() - 1)));
      const auto line = conversation.read_line();
      if (!line) {
        conversation.write("\n");
        stopped = true;
        break;
      }
      if (*line == "q" || *line == "Q" || *line == "quit") {
        stopped = true;
        break;
      }
      choice = parse_answer(*line, q.options.size());
      if (!choice) {
        conversation.write(
            fmt::format(fmt::runtime(util::tr("Please answer with a letter from A to {}.\n")),
                        letter(q.options.size() - 1)));
      }
    }
    if (!choice) break;
    ++asked;
    const std::string answer =
        fmt::format("{}) {}", letter(q.answer), render::clean(q.options[q.answer]));
    std::string feedback;
    if (*choice == q.answer) {
      ++right;
      feedback = render::paint(terminal, render::Style::note, util::tr("Right:")) + ' ' + answer;
    } else {
      feedback = render::paint(terminal, render::Style::warning, util::tr("Not quite:")) + ' ' +
                 fmt::format(fmt::runtime(util::tr("the answer is {}")), answer);
    }
    std::string text = util::wrap(feedback, terminal.width, "", "  ");
    const std::string source = first_source(context.facts, q);
    if (!source.empty()) {
      text += util::wrap(fmt::format(fmt::runtime(util::tr("Source: {}")), source), terminal.width,
                         "", "  ");
    }
    text += util::wrap(fmt::format(fmt::runtime(util::tr("More: nkfacts show {}")), q.record),
                       terminal.width, "", "  ");
    conversation.write(text);
  }
  std::string score = "\n" + fmt::format(fmt::runtime(util::tr("Score: {} of {}")), right, asked);
  if (asked < quiz.size()) {
    score += fmt::format(fmt::runtime(util::tr(" (stopped after {} of {})")), asked,
                         questions(quiz.size()));
  }
  conversation.write(render::paint(terminal, render::Style::heading, score.substr(1)).insert(0, "\n") + "\n");
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
      case model::Kind::figure: size = facts.figures.size(); break;
      case model::Kind::route: size = facts.routes.size(); break;
      case model::Kind::danger: size = facts.dangers.size(); break;
      case model::Kind::event: size = facts.events.size(); break;
      case model::Kind::fact: size = facts.facts.size(); break;
      default: break;
    }
    for (std::size_t i = 0; i < size; ++i) pool.push_back({pick, static_cast<std::uint32_t>(i)});
  }
  if (pool.empty()) {
    context.err += render::format_error(util::tr("no records of that kind in the loaded facts"), "",
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

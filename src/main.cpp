// Wiring: the command line and the environment go to the cli layer, which answers; this
// file talks to the operating system (the conversation of the quiz, the clock, the random
// seed) and writes the answer (a long one in parts, as it is made). docs/cli.md describes
// the conventions.
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <exception>
#include <new>
#include <random>

#include "cli/run.hpp"
#include "commands/commands.hpp"
#include "commands/exit_status.hpp"

namespace {

using namespace nkfacts;

// A write that failed for another reason than a closed pipe: reported once, at the end.
int write_error = 0;

// Writes all of `text`. A closed pipe (EPIPE; SIGPIPE normally ends the process first)
// stops the writing quietly: the reader has what it wanted.
void write_all(int fd, std::string_view text) {
  while (!text.empty()) {
    const auto written = ::write(fd, text.data(), text.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      if (errno != EPIPE && fd == STDOUT_FILENO && write_error == 0) write_error = errno;
      return;
    }
    text.remove_prefix(static_cast<std::size_t>(written));
  }
}

// A seed for quiz and random when none is given: different on every run, and short
// enough to read out in a classroom ("everyone run: nkfacts quiz --seed 402917").
std::uint64_t fresh_seed() {
  std::random_device device;
  return (device() ^ static_cast<std::uint64_t>(std::time(nullptr))) % 1000000;
}

int run(int argc, char** argv) {
  const auto to_stdout = [](std::string_view text) { write_all(STDOUT_FILENO, text); };
  cli::Session session;
  session.conversation = {to_stdout, []() -> std::optional<std::string> {
                            auto line = commands::read_answer(STDIN_FILENO);
                            // Answers from a file or a pipe are not echoed by a terminal: show
                            // them, escaped like any untrusted text, so the transcript reads like
                            // the conversation.
                            if (line && isatty(STDIN_FILENO) != 1) {
                              write_all(STDOUT_FILENO, commands::shown_answer(*line) + "\n");
                            }
                            return line;
                          }};
  session.write_out = to_stdout;
  session.fresh_seed = fresh_seed;
  const std::vector<std::string_view> args(argv + (argc > 0 ? 1 : 0), argv + argc);
  auto outcome = cli::run(args, cli::process_environment(), std::move(session));
  write_all(STDOUT_FILENO, outcome.out);
  if (write_error != 0) {
    outcome.err +=
        fmt::format("nkfacts: cannot write the output: {}\n", std::strerror(write_error));
    outcome.status = exit_status::data_error;
  }
  write_all(STDERR_FILENO, outcome.err);
  return outcome.status;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::bad_alloc&) {
    write_all(STDERR_FILENO, "nkfacts: out of memory; nothing was answered\n");
  } catch (const std::exception& error) {
    write_all(STDERR_FILENO, fmt::format("nkfacts: internal error: {}\n", error.what()));
  } catch (...) {
    write_all(STDERR_FILENO, "nkfacts: internal error\n");
  }
  return exit_status::data_error;
}

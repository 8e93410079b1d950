// Wiring: the command line and the environment go to the cli layer, which answers; this
// file talks to the operating system (the conversation of the quiz, the clock, the random
// seed) and writes the answer (a long one in parts, as it is made). docs/cli.md describes
// the conventions.
#include <fmt/format.h>
#include <link.h>
#include <sys/mman.h>
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

// Maps the program's code and constant data in one system call before any of it runs.
// Touched one page at a time, start-up takes 25-30 page faults in them (the code a command
// runs is spread over 2 MB); asking the kernel for all of it at once costs less on the
// virtual machines this runs on (bench/README.md, "Where a command's page faults go").
// Kernels before 5.14 do not know the request and leave the pages to the faults.
void map_program_image() {
#ifdef MADV_POPULATE_READ
  // The first object dl_iterate_phdr reports is the program itself.
  dl_iterate_phdr(
      [](dl_phdr_info* program, std::size_t, void*) {
        const auto page = static_cast<ElfW(Addr)>(sysconf(_SC_PAGESIZE));
        for (ElfW(Half) i = 0; i < program->dlpi_phnum; ++i) {
          const auto& segment = program->dlpi_phdr[i];
          if (segment.p_type != PT_LOAD || (segment.p_flags & PF_W) != 0) continue;
          const auto from = program->dlpi_addr + segment.p_vaddr;
          const auto start = from & ~(page - 1);
          const auto end = (from + segment.p_memsz + page - 1) & ~(page - 1);
          madvise(reinterpret_cast<void*>(start), end - start, MADV_POPULATE_READ);
        }
        return 1;
      },
      nullptr);
#endif
}

// Run before the static objects of the program and its libraries are built (101 is the
// first priority a program may use), so that their code is mapped with the rest: six traps
// fewer than from main.
__attribute__((constructor(101))) void map_program_image_first() {
  map_program_image();
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

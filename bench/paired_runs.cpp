// paired_runs RUNS REFERENCE... -- COMMAND...: runs the reference and the command
// alternately, RUNS times each (after a few warm-up pairs), with stdout and stderr on
// /dev/null, and prints one line:
//   median-ratio q1-ratio q3-ratio median-reference-ms median-command-ms
// where each ratio is command time / reference time within one pair. Pairing matters on
// a shared machine: the load drifts over seconds, and running all of one command and then
// all of the other (as hyperfine does) puts the drift into the ratio. Used by scripts/bench.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

extern char** environ;

namespace {

// Wall time of one run in seconds, or a negative value when it could not run or failed.
double time_run(const std::vector<char*>& argv) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  const auto start = std::chrono::steady_clock::now();
  pid_t pid = 0;
  const int error = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (error != 0) return -1;
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return -1;
  }
  const auto end = std::chrono::steady_clock::now();
  if (!WIFEXITED(status) || WEXITSTATUS(status) > 1) return -1;  // 1: "nothing found"
  return std::chrono::duration<double>(end - start).count();
}

double quantile(std::vector<double> values, double q) {
  std::sort(values.begin(), values.end());
  const double at = q * static_cast<double>(values.size() - 1);
  const auto low = static_cast<std::size_t>(at);
  const std::size_t high = std::min(low + 1, values.size() - 1);
  return values[low] + (values[high] - values[low]) * (at - static_cast<double>(low));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 5) {
    std::fputs("usage: paired_runs RUNS REFERENCE [ARG...] -- COMMAND [ARG...]\n", stderr);
    return 2;
  }
  const int runs = std::atoi(argv[1]);
  std::vector<char*> reference;
  std::vector<char*> command;
  int i = 2;
  for (; i < argc && std::strcmp(argv[i], "--") != 0; ++i) reference.push_back(argv[i]);
  for (++i; i < argc; ++i) command.push_back(argv[i]);
  if (runs < 1 || reference.empty() || command.empty()) {
    std::fputs("paired_runs: need a positive RUNS, a reference and a command\n", stderr);
    return 2;
  }
  reference.push_back(nullptr);
  command.push_back(nullptr);
  std::vector<double> ratios;
  std::vector<double> reference_times;
  std::vector<double> command_times;
  const int warmup = 5;
  for (int run = 0; run < runs + warmup; ++run) {
    // Alternate which goes first, so neither always runs in the other's wake.
    const bool reference_first = run % 2 == 0;
    const double first = time_run(reference_first ? reference : command);
    const double second = time_run(reference_first ? command : reference);
    if (first < 0 || second < 0) {
      std::fprintf(stderr, "paired_runs: '%s' or '%s' failed to run\n", reference[0], command[0]);
      return 2;
    }
    if (run < warmup) continue;
    const double reference_time = reference_first ? first : second;
    const double command_time = reference_first ? second : first;
    reference_times.push_back(reference_time);
    command_times.push_back(command_time);
    ratios.push_back(command_time / reference_time);
  }
  std::printf("%.3f %.3f %.3f %.3f %.3f\n", quantile(ratios, 0.5), quantile(ratios, 0.25),
              quantile(ratios, 0.75), quantile(reference_times, 0.5) * 1000,
              quantile(command_times, 0.5) * 1000);
  return 0;
}

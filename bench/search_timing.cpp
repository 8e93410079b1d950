// search_timing FILE [QUERY...]: how long search takes on facts loaded from FILE, measured
// inside one process so that loading (seconds for 50,000 records, and moving by a second
// between runs on a shared machine) does not hide it. Loads FILE as `--no-default --facts`
// would, then times, each as the median of several runs: building the search index once
// (what the first search after loading pays), and each query through the built index
// (ranking, the hits' snippets included; printing excluded). Times are the process's CPU
// time, not wall time: on a loaded machine wall time counts the other programs' turns.
//   awk -v n=50000 -f bench/generate_facts.awk > facts-50000.toml
//   build/bench/bench_search_timing facts-50000.toml "report 4242" "arrivals ministry"
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

#include "load/sources.hpp"
#include "query/index.hpp"
#include "query/search.hpp"

namespace {

// CPU time of this process, in milliseconds.
double cpu_ms() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

double ms_since(double start) {
  return cpu_ms() - start;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace nkfacts;
  if (argc < 2) {
    std::fputs("usage: bench_search_timing FILE [QUERY...]\n", stderr);
    return 2;
  }
  const auto start = cpu_ms();
  load::SourceOptions options;
  options.cli_paths = {argv[1]};
  const auto loaded = load::load_sources(options);
  const double load_ms = ms_since(start);
  const auto& facts = loaded.facts;
  fmt::print("loaded {} records in {:.0f} ms of CPU time\n", facts.record_count(), load_ms);

  constexpr int k_runs = 7;
  std::vector<double> index_ms;
  std::unique_ptr<model::SearchIndex> index;
  for (int run = 0; run < k_runs; ++run) {
    const auto at = cpu_ms();
    index = query::build_search_index(facts);
    index_ms.push_back(ms_since(at));
  }
  fmt::print("index: {} terms, {} postings, built in {:.1f} ms (median of {})\n",
             index->terms.size(), index->postings.size(), median(index_ms), k_runs);

  std::vector<std::string> queries(argv + 2, argv + argc);
  if (queries.empty()) queries = {"report 4242", "arrivals ministry", "xyzzy"};
  for (const auto& text : queries) {
    std::vector<double> times;
    std::size_t hits = 0;
    for (int run = 0; run < k_runs; ++run) {
      const auto at = cpu_ms();
      const auto result = query::search(facts, *index, text);
      if (result.hits.empty()) {
        for (const auto& word : result.unmatched) query::suggest(*index, word);
      }
      times.push_back(ms_since(at));
      hits = result.hits.size();
    }
    fmt::print("search '{}': {} hits in {:.1f} ms (median of {})\n", text, hits, median(times),
               k_runs);
  }
  return 0;
}

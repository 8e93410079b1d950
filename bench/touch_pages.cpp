// touch_pages N: writes one byte to each of N fresh pages of memory and exits. scripts/bench
// runs it with 0 and with 200 pages, paired, to measure what a page touched for the first
// time costs on this machine: in a virtual machine it can cost more than the instructions
// of a whole nkfacts command, which is why start-up is also counted in page faults.
#include <sys/mman.h>

#include <cstddef>
#include <cstdlib>

int main(int argc, char** argv) {
  const long pages = argc > 1 ? std::atol(argv[1]) : 0;
  if (pages <= 0) return 0;
  const std::size_t size = static_cast<std::size_t>(pages) * 4096;
  void* memory = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (memory == MAP_FAILED) return 1;
  auto* bytes = static_cast<volatile char*>(memory);
  for (std::size_t at = 0; at < size; at += 4096) bytes[at] = 1;
  return 0;
}

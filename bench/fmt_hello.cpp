// Reference floor for start-up: a statically linked C++ program that prints one line with
// fmt and exits. nkfacts' commands on the embedded facts are measured against it.
#include <fmt/format.h>

int main() {
  fmt::print("{} {}\n", "nkfacts", 1);
  return 0;
}

// A fixture for tests/function_length_test.sh: one function over the limit, one data table
// over it that is exempt, and braces inside comments and strings that must not count.
#include <string>
#include <vector>

namespace fixture {

int too_long(int x) {
  int y = x;
  y += 1;
  y += 2;
  y += 3;
  y += 4;
  y += 5;
  y += 6;
  y += 7;
  y += 8;
  return y;  // "}" in a comment
}

// A data table: one row per thing.
std::vector<std::string> table() {
  return {
      "a",
      "b",
      "c",
      "d",
      "e",
      "f",
      "g",
      "h",
      "{",
  };
}

int short_enough(int x) { return x + 1; }

}  // namespace fixture

// toml++'s implementation, compiled in exactly this one translation unit; every other file
// sees only its declarations (TOML_HEADER_ONLY=0), which keeps builds lean and lets the
// release binary link statically without Debian's shared libtomlplusplus.
#define TOML_IMPLEMENTATION
#include <toml++/impl/preprocessor.h>

// toml++ 3.3's parser states what it expects of the next character with
// TOML_ASSERT_ASSUME, and some malformed input breaks those expectations: fuzzing found
// "[[~" and "x =[ [[[}" (upstream fixed the first in its pull request 301, after 3.3).
// The parser then goes on to report an ordinary parse error, which is all nkfacts needs.
// But a debug build aborts on the check, and a clang release build turns it into
// __builtin_assume, which lets the optimiser rely on something false. GCC 12 release
// builds compile it to nothing; here it is nothing with every compiler. The parser's own
// bounds and error checks stay, and the fuzzer runs this code under ASan and UBSan.
#undef TOML_ASSERT_ASSUME
#define TOML_ASSERT_ASSUME(expr) static_assert(true)

#include <toml++/toml.h>

// toml++'s implementation, compiled in exactly this one translation unit; every other file
// sees only its declarations (TOML_HEADER_ONLY=0), which keeps builds lean and lets the
// release binary link statically without Debian's shared libtomlplusplus.
#define TOML_IMPLEMENTATION
#include <toml++/toml.h>

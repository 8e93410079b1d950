// toml++ is for load/ alone.
#include <toml++/toml.h>
#include "util/text.hpp"

// Shell completion scripts (bash, zsh, fish), generated from the command table so they
// never fall behind. Record ids come from `nkfacts list` when completing, so user facts are
// included.
#pragma once

#include "cli/parse.hpp"
#include "cli/table.hpp"

namespace nkfacts::cli {

int run_completion(const Invocation& invocation, commands::Context& context, const Session&);

}  // namespace nkfacts::cli

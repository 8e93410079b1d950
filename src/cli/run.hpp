// From the words of a command line and the environment to one answer: parse against the
// command table, decide colour and width, load the facts a command needs, run it, and
// collect what goes to stdout and stderr with the exit status. Writing is main's.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cli/parse.hpp"
#include "cli/settings.hpp"
#include "cli/table.hpp"
#include "render/terminal.hpp"

namespace nkfacts::cli {

struct Outcome {
  std::string out;
  std::string err;
  int status = 0;
};

// `args` are the words after the program's name. `session` gives the conversation with the
// user, the writer of a long answer's first parts and the fresh seed.
Outcome run(const std::vector<std::string_view>& args, const Environment& environment,
            Session session);

// The one shape of every message nkfacts writes about a problem it will not go past:
// "nkfacts: MESSAGE", for a usage error the usage line, and "hint: HINT".
std::string format_usage_error(const UsageError& error, const render::Terminal& terminal);

}  // namespace nkfacts::cli

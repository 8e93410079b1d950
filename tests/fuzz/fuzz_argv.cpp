// libFuzzer target: any bytes as a command line, through the parser that the command table
// drives (CLI11 underneath): options, values, numbers at their limits, "--", grouped short
// options, unknown words. The input is split into words at NUL bytes. Whatever the words,
// the parser must answer with an invocation or a usage error, never crash or hang, and:
//   - an error is in the project's words: no CLI11 text, no raw control character, a
//     quoted word cut short (a pasted paragraph is not echoed whole);
//   - an accepted integer option is within the range the table gives it.
// Built with -DNKFACTS_FUZZ=ON (clang); run by scripts/fuzz argv.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "cli/parse.hpp"
#include "cli/table.hpp"

using namespace nkfacts;

namespace {

[[noreturn]] void finding(const char* what) {
  __builtin_printf("fuzz_argv: %s\n", what);
  std::abort();
}

bool has_raw_control(std::string_view text) {
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F) return true;
  }
  return false;
}

// CLI11's phrases count outside the quotes only: a quoted word is the user's (escaped, so
// it may not match the input byte for byte), whatever it says.
void check_message(std::string_view message) {
  if (has_raw_control(message)) finding("a raw control character in a message");
  std::string text(message);
  const auto open = text.find('\'');
  const auto close = text.rfind('\'');
  if (open != std::string::npos && close > open) text.erase(open, close - open + 1);
  for (const std::string_view foreign :
       {"could not convert", "excludes", "The following argument", "required but received",
        "was given a disallowed", "Expected", "ValidationError", "ArgumentMismatch"}) {
    if (text.find(foreign) != std::string::npos) finding("CLI11's own text in a message");
  }
}

const cli::Option* option_named(std::string_view name, const cli::Command* command) {
  for (const auto& option : cli::global_options()) {
    if (option.name == name) return &option;
  }
  if (command) {
    for (const auto& option : command->options) {
      if (option.name == name) return &option;
    }
  }
  return nullptr;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::vector<std::string_view> args;
  std::size_t start = 0;
  while (start <= bytes.size() && args.size() < 64) {
    auto end = bytes.find('\0', start);
    if (end == std::string_view::npos) end = bytes.size();
    args.push_back(bytes.substr(start, end - start));
    start = end + 1;
  }
  const auto parsed = cli::parse(args);
  if (parsed.error) {
    if (parsed.error->message.empty()) finding("a usage error without a message");
    check_message(parsed.error->message);
    check_message(parsed.error->hint);
    // A quoted word is at most 60 bytes and an ellipsis; the rest of a message is short.
    if (parsed.error->message.size() > 400) finding("a message that echoes a whole word");
    return 0;
  }
  const auto& invocation = parsed.invocation;
  if (invocation.help) return 0;
  for (const auto& [name, value] : invocation.values) {
    const cli::Option* option = option_named(name, invocation.command);
    if (!option) finding("a value for an option the table does not have");
    if (option->value == cli::Value::integer) {
      const auto number = cli::parse_integer(value, option->min, option->max);
      if (!number) finding("an integer option accepted out of its range");
    }
    if (option->value == cli::Value::choice && option->choices) {
      bool known = false;
      for (const auto& choice : option->choices()) known = known || choice == value;
      if (!known) finding("a choice accepted that the table does not list");
    }
  }
  return 0;
}

// Exit statuses, grep-style (docs/cli.md, section 5).
#pragma once

namespace nkfacts::exit_status {

inline constexpr int answered = 0;       // something was printed; `check` found no error
inline constexpr int nothing_found = 1;  // no match, unknown id, empty selection
inline constexpr int usage_error = 2;    // bad command line
inline constexpr int data_error = 2;     // invalid fact data or an I/O error

}  // namespace nkfacts::exit_status

#!/usr/bin/env bash
# Regression guard for start-up cost (issue: every subcommand on the embedded facts in at
# most 1.5 million instructions). Counts each command's instructions with callgrind, which
# is exact and repeatable, unlike wall time, and fails any command above the ceiling. No
# timing is asserted anywhere; scripts/bench measures speed against a reference.
# Only the static release binary is held to the target: a dynamic build spends about two
# million instructions in the dynamic loader before main.
#   perf_instructions.sh NKFACTS STATIC(ON|OFF) BUILD_TYPE [CEILING]
set -u
nkfacts=$1
ceiling=${4:-1500000}
if [[ ${2^^} != ON || $3 != Release ]]; then
  echo "not the static release build (NKFACTS_STATIC=$2, CMAKE_BUILD_TYPE=$3); skipping"
  exit 77
fi
if ! command -v valgrind >/dev/null; then
  echo "valgrind is not installed; skipping"
  exit 77
fi
# The same list scripts/bench measures.
mapfile -t commands < <(grep -v '^#' "$(dirname "$0")/../bench/startup-commands")
status=0
for command in "${commands[@]}"; do
  # shellcheck disable=SC2086  # each entry is a command line split into words
  count=$(env -i PATH=/usr/bin:/bin LC_ALL=C.UTF-8 COLUMNS=80 NO_COLOR=1 \
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$nkfacts" $command 2>&1 >/dev/null |
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p')
  if [[ -z $count ]]; then
    echo "nkfacts $command: could not read callgrind's instruction count"
    status=1
    continue
  fi
  verdict=ok
  if [[ $count -gt $ceiling ]]; then
    verdict="OVER the ceiling of $ceiling"
    status=1
  fi
  printf 'nkfacts %-24s %9d instructions  %s\n' "$command" "$count" "$verdict"
done
exit $status

#!/usr/bin/env bash
# Regression guard for start-up cost: counts the instructions of `nkfacts stats` on the
# embedded facts with callgrind (exact and repeatable, unlike wall time) and fails above a
# generous ceiling. No timing is asserted anywhere; scripts/bench measures speed.
#   perf_instructions.sh NKFACTS [CEILING]
set -u
ceiling=${2:-3000000}
if ! command -v valgrind >/dev/null; then
  echo "valgrind is not installed; skipping"
  exit 77
fi
count=$(env -i PATH=/usr/bin:/bin LC_ALL=C.UTF-8 COLUMNS=80 NO_COLOR=1 \
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$1" stats 2>&1 >/dev/null |
  sed -n 's/.*Collected : \([0-9]*\).*/\1/p')
if [[ -z $count ]]; then
  echo "could not read callgrind's instruction count"
  exit 1
fi
echo "nkfacts stats: $count instructions (ceiling $ceiling)"
[[ $count -le $ceiling ]]

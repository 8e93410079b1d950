#!/usr/bin/env bash
# No function in src/ is longer than 80 lines unless it is marked as a data table
# (scripts/check-function-length), and the check does fail on a fixture with a long one.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
check=$here/../scripts/check-function-length
fail=0

if ! out=$(python3 "$check" "$here/../src" 2>&1); then
  echo "FAIL: functions over 80 lines in src/ (split them by meaning, see docs/ARCHITECTURE.md):"
  echo "$out"
  fail=1
fi

out=$(python3 "$check" --max 8 "$here/data/function-length" 2>&1)
status=$?
expected='long.cpp:8: too_long is 12 lines long (at most 8)'
if [[ $status -ne 1 ]]; then
  echo "FAIL: the fixture gave status $status, expected 1"; fail=1
fi
if [[ $out != "$expected" ]]; then
  echo "FAIL: unexpected report on the fixture:"; diff <(echo "$expected") <(echo "$out"); fail=1
fi
[[ $fail -eq 0 ]] && echo "function-length: 2 passed, 0 failed"
exit $fail

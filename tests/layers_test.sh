#!/usr/bin/env bash
# The layer check passes on src/ and fails, naming each file and line, on a fixture tree
# holding one wrong-way include per rule it enforces.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
check=$here/../scripts/check-layers
fail=0

if ! out=$("$check" "$here/../src" 2>&1); then
  echo "FAIL: src/ breaks the layering:"; echo "$out"; fail=1
fi

out=$("$check" "$here/data/layers/src" 2>&1)
status=$?
expected='load/wrong.cpp:2: wrong-way include: load/ may not see render/ (it may see: model util)
model/wrong.cpp:2: <toml++/...> belongs to load/ only
render/wrong.cpp:3: wrong-way include: render/ may not see query/ (it may see: model util)
util/wrong.hpp:2: wrong-way include: util/ may not see model/ (it may see: nothing of ours)'
if [[ $status -ne 1 ]]; then
  echo "FAIL: wrong-way includes gave status $status, expected 1"; fail=1
fi
if [[ $out != "$expected" ]]; then
  echo "FAIL: unexpected report:"; diff <(echo "$expected") <(echo "$out"); fail=1
fi
[[ $fail -eq 0 ]] && echo "layers: 2 passed, 0 failed"
exit $fail

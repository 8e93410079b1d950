#!/usr/bin/env bash
# Fails when a file listed in tests/format-files strays from .clang-format, naming the file
# and clang-format's complaint (fix it with `clang-format -i FILE`). Skipped (77) when
# clang-format is not installed.
#   format_test.sh [CLANG_FORMAT]
set -u
clang_format=${1:-clang-format}
root=$(cd "$(dirname "$0")/.." && pwd)
if ! command -v "$clang_format" >/dev/null; then
  echo "$clang_format is not installed; skipping"
  exit 77
fi
cd "$root" || exit 2
status=0
checked=0
while IFS= read -r file || [[ -n $file ]]; do
  [[ -z $file || $file == \#* ]] && continue
  if [[ ! -f $file ]]; then
    echo "$file: listed in tests/format-files but missing"
    status=1
    continue
  fi
  checked=$((checked + 1))
  "$clang_format" --dry-run --Werror "$file" || status=1
done <tests/format-files
echo "$checked files checked against .clang-format"
exit $status

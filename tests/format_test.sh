#!/usr/bin/env bash
# Every C++ source of the project is laid out as .clang-format says: the check CI runs, so
# layout is never a review comment. Skips (77) where clang-format is not installed.
# To fix a failure: clang-format -i FILE (or the whole list this prints).
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
command -v clang-format >/dev/null || { echo "clang-format not installed: skipped"; exit 77; }
cd "$root"
mapfile -t files < <(git ls-files 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp' \
                                  'bench/*.cpp' 2>/dev/null || find src tests bench -name '*.[ch]pp')
bad=()
for file in "${files[@]}"; do
  clang-format --dry-run --Werror "$file" >/dev/null 2>&1 || bad+=("$file")
done
if [[ ${#bad[@]} -gt 0 ]]; then
  echo "not formatted as .clang-format says (clang-format -i to fix):"
  printf '  %s\n' "${bad[@]}"
  echo "format: 0 passed, 1 failed"
  exit 1
fi
echo "format: ${#files[@]} files checked"

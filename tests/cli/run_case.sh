#!/usr/bin/env bash
# Runs one end-to-end case against the built binary and compares stdout, stderr and the
# exit status with the expected files, in a cleaned environment (STYLE.md, Tests).
#
#   run_case.sh NKFACTS CASE_DIR [--update]
#
# A case directory holds either `args` (one argument per line) or `script` (bash, with
# nkfacts on PATH), and optionally `env` (KEY=VALUE lines) and `stdin`. Expected results:
# expected.stdout, expected.stderr, expected.status. --update rewrites them; read the diff
# before committing.
set -u
binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
case_dir=$(cd "$2" && pwd)
update=${3:-}
root=$(cd "$case_dir/../../../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/bin"
ln -s "$binary" "$work/bin/nkfacts"

environment=(PATH="$work/bin:/usr/bin:/bin" LC_ALL=C.UTF-8 COLUMNS=80 NO_COLOR=1 TERM=dumb
             HOME="$work")
if [[ -f $case_dir/env ]]; then
  while IFS= read -r line || [[ -n $line ]]; do
    [[ -n $line ]] && environment+=("$line")
  done <"$case_dir/env"
fi
stdin=/dev/null
[[ -f $case_dir/stdin ]] && stdin=$case_dir/stdin

cd "$root" || exit 2
if [[ -f $case_dir/script ]]; then
  env -i "${environment[@]}" bash "$case_dir/script" <"$stdin" >"$work/stdout" 2>"$work/stderr"
else
  args=()
  if [[ -f $case_dir/args ]]; then
    while IFS= read -r line || [[ -n $line ]]; do args+=("$line"); done <"$case_dir/args"
  fi
  env -i "${environment[@]}" nkfacts "${args[@]}" <"$stdin" >"$work/stdout" 2>"$work/stderr"
fi
echo $? >"$work/status"

if [[ $update == --update ]]; then
  cp "$work/stdout" "$case_dir/expected.stdout"
  cp "$work/stderr" "$case_dir/expected.stderr"
  cp "$work/status" "$case_dir/expected.status"
  exit 0
fi
failed=0
for stream in stdout stderr status; do
  if ! diff -u "$case_dir/expected.$stream" "$work/$stream" >"$work/diff"; then
    echo "--- $stream differs from $case_dir/expected.$stream:"
    cat "$work/diff"
    failed=1
  fi
done
exit $failed

#!/usr/bin/env bash
# Hostile and broken input (tests/data/hostile/, plus inputs generated here that are too
# big to commit). For every file:
#   - `nkfacts check FILE` gives the status in EXPECTED and its report contains the text
#     given there;
#   - `nkfacts --facts FILE list` ends with status 0, 1 or 2 (never a crash or a signal),
#     within the time limit, and writes nothing to stdout when it fails;
#   - no raw escape character (ESC) or BEL from the file reaches stdout or stderr.
#   hostile_test.sh NKFACTS
set -u
binary=$(realpath "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
dir=$root/tests/data/hostile
work=$(mktemp -d)
trap 'chmod -R u+rwx "$work"; rm -rf "$work"' EXIT
export LC_ALL=C.UTF-8 COLUMNS=80 NO_COLOR=1 TERM=dumb
unset NKFACTS_PATH
failures=0
checked=0
# Time limits are for the release build; a sanitizer build runs 3 to 10 times slower, so
# CMake sets NKFACTS_TIME_SCALE there and every limit here is multiplied by it.
scale=${NKFACTS_TIME_SCALE:-1}
seconds() { echo $(($1 * scale)); }
fail() { echo "FAILED: $*"; failures=$((failures + 1)); }

run() { # status stdout-file stderr-file args...
  local out=$1 err=$2
  shift 2
  timeout "$(seconds "${time_limit:-60}")" "$binary" "$@" >"$out" 2>"$err"
}

# expect_check FILE STATUS TEXT: the check report and the list behaviour of one input.
expect_check() {
  local file=$1 want=$2 text=$3 status
  checked=$((checked + 1))
  run "$work/out" "$work/err" check "$file"
  status=$?
  [[ $status -eq $want ]] || fail "check $file: status $status, expected $want"
  grep -qF -- "$text" "$work/out" || {
    fail "check $file: report lacks '$text'"
    head -n 5 "$work/out"
  }
  run "$work/out" "$work/err" --facts "$file" list
  status=$?
  if [[ $status -gt 2 ]]; then
    fail "list with $file: status $status (crash, signal or time-out)"
    head -n 5 "$work/err"
  fi
  if [[ $status -eq 2 && -s $work/out ]]; then fail "list with $file: output on stdout after an error"; fi
  if [[ $status -eq 2 && ! -s $work/err ]]; then fail "list with $file: no message on stderr"; fi
  if grep -q $'[\x1b\x07]' "$work/out" "$work/err"; then fail "$file: a raw control character reached the terminal"; fi
}

while IFS=$'\t' read -r name status text; do
  [[ -z $name || $name == \#* ]] && continue
  expect_check "$dir/$name" "$status" "$text"
done <"$dir/EXPECTED"
count=$(find "$dir" -name '*.toml' | wc -l)
listed=$(grep -c '\.toml' "$dir/EXPECTED")
[[ $count -eq $listed ]] || fail "$count files in $dir but $listed in EXPECTED"

# Generated inputs.
head_ref='[[reference]]\nid = "r"\nkind = "book"\npublisher = "p"\n'
{ printf "$head_ref"; printf 'title = "'; head -c 10485760 /dev/zero | tr '\0' 'a'; printf '"\n'; } >"$work/ten-megabyte-string.toml"
expect_check "$work/ten-megabyte-string.toml" 2 "'title' is 10485760 bytes long; the limit is 1048576"

# One byte over the 64 MiB file limit (sparse, so it costs no disk): read to the limit,
# then refused, whether it is a file or standard input.
truncate -s $((64 * 1024 * 1024 + 1)) "$work/over-the-file-limit.toml"
expect_check "$work/over-the-file-limit.toml" 2 "larger than the limit of 67108864 bytes"
checked=$((checked + 1))
run "$work/out" "$work/err" check - <"$work/over-the-file-limit.toml"
status=$?
[[ $status -eq 2 ]] || fail "over-limit standard input: status $status, expected 2"
grep -qF "standard input: cannot read: larger than the limit of 67108864 bytes" "$work/out" ||
  fail "over-limit standard input: report lacks the limit"
rm -f "$work/over-the-file-limit.toml"

awk 'BEGIN { print "[[reference]]\nid = \"r\"\nkind = \"book\"\ntitle = \"t\"\npublisher = \"p\"";
             for (i = 1; i < 100000; i++)
               printf "[[event]]\nid = \"e-%d\"\ndate = 2020\ntitle = \"t\"\nsummary = \"s\"\nsources = [\"r\"]\n", i }' \
  >"$work/hundred-thousand-records.toml"
expect_check "$work/hundred-thousand-records.toml" 0 "0 errors, 0 warnings in 1 file (100000 records)"

mkdir "$work/loop"
ln -s loop.toml "$work/loop/loop.toml"
expect_check "$work/loop" 2 "cannot read: a loop of symbolic links"
# A loop named directly is a loop too, not "no such file".
expect_check "$work/loop/loop.toml" 2 "loop.toml: a loop of symbolic links"

# A FIFO is never opened for a blocking read: named, it is an error; in a directory
# (given with --facts or in NKFACTS_PATH) it is skipped with a warning. Before, each of
# these waited for a writer for ever.
mkfifo "$work/fifo.toml"
expect_check "$work/fifo.toml" 2 "fifo.toml: cannot read: a FIFO (named pipe), not a fact file"
mkdir "$work/with-fifo"
cp "$dir/../good/override.toml" "$work/with-fifo/plain.toml"
mkfifo "$work/with-fifo/pipe.toml"
expect_check "$work/with-fifo" 0 "pipe.toml: a FIFO (named pipe), not a fact file; skipped"
checked=$((checked + 1))
NKFACTS_PATH=$work/with-fifo timeout "$(seconds 10)" "$binary" list >"$work/out" 2>"$work/err"
status=$?
[[ $status -eq 0 ]] || fail "NKFACTS_PATH with a FIFO: status $status, expected 0"
grep -qF "pipe.toml: a FIFO (named pipe), not a fact file; skipped" "$work/err" ||
  fail "NKFACTS_PATH with a FIFO: no warning"

# A relative path through ".." is read as the shell shows it, from a directory reached
# through a symbolic link (the system alone would look beside the link's target).
mkdir -p "$work/real/inner"
ln -s real/inner "$work/linked"
cp "$dir/../good/override.toml" "$work/beside.toml"
checked=$((checked + 1))
(cd "$work/linked" && PWD=$work/linked timeout "$(seconds 10)" "$binary" check ../beside.toml) >"$work/out" 2>"$work/err"
status=$?
[[ $status -eq 0 ]] || fail "check ../beside.toml through a link: status $status, expected 0"

# Loading is linear in files: 2,000 files of 40 records took 30 seconds when the id index
# was rebuilt after every file.
mkdir "$work/many"
awk -v dir="$work/many" 'BEGIN {
  for (f = 0; f < 2000; f++) {
    file = sprintf("%s/f%05d.toml", dir, f)
    if (f == 0) print "[[reference]]\nid = \"r\"\nkind = \"book\"\ntitle = \"t\"\npublisher = \"p\"" >file
    for (i = 0; i < 40; i++)
      printf "[[event]]\nid = \"e-%d-%d\"\ndate = 2020\ntitle = \"t\"\nsummary = \"s\"\nsources = [\"r\"]\n", f, i >file
    close(file)
  }
}'
checked=$((checked + 1))
# (check, not --version: --version loads no facts.)
timeout "$(seconds 20)" "$binary" --no-default check "$work/many" >"$work/out" 2>"$work/err"
status=$?
[[ $status -eq 0 ]] || fail "2,000 files of 40 records: status $status (124: over 20 seconds)"
grep -qF "80001 records" "$work/out" || fail "2,000 files of 40 records: not all loaded"
rm -rf "$work/many"

mkdir -p "$work/dir-as-file/odd.toml"
expect_check "$work/dir-as-file" 2 "cannot read: Is a directory"

cp "$dir/../good/override.toml" "$work/plain.toml"
expect_check "$work/plain.toml/" 2 "plain.toml/: Not a directory"

if [[ $(id -u) -ne 0 ]]; then
  cp "$dir/../good/override.toml" "$work/unreadable.toml"
  chmod 000 "$work/unreadable.toml"
  expect_check "$work/unreadable.toml" 2 "Permission denied"
else
  echo "note: running as root, so the unreadable-file case cannot be made"
fi

# "Did you mean" is bounded: a figure citing a 100,000-byte id one byte off a reference's
# took 25 seconds to report, and `show` of a very long unknown id over 10.
long_id=$(head -c 100000 /dev/zero | tr '\0' 'r')
{
  printf '[[reference]]\nid = "%s"\nkind = "book"\ntitle = "t"\npublisher = "p"\n' "${long_id}a"
  printf '[[figure]]\nid = "f"\nlabel = "l"\nvalue = 1\nunit = "people"\nas_of = 2020\nsources = ["%s"]\n' "${long_id}b"
} >"$work/long-unknown-id.toml"
time_limit=10 expect_check "$work/long-unknown-id.toml" 2 "hint: no reference has this id"
checked=$((checked + 1))
timeout "$(seconds 10)" "$binary" show "$(head -c 100000 /dev/zero | tr '\0' 'x')" >"$work/out" 2>"$work/err"
status=$?
[[ $status -eq 1 || $status -eq 2 ]] || fail "show of a 100,000-byte id: status $status (124: over 10 seconds)"

# Quiz answers are read buffered, a line kept to 1,024 bytes (an 8 MB line took over 10 s,
# a byte a system call), and shown back escaped: no ESC, NUL or invalid UTF-8 reaches the
# terminal.
checked=$((checked + 1))
{ head -c 8000000 /dev/zero | tr '\0' 'a'; printf '\n\033]0;owned\007\000\377x\nq\n'; } |
  timeout "$(seconds 10)" "$binary" quiz --seed 1 --count 1 >"$work/out" 2>"$work/err"
status=$?
[[ $status -eq 0 ]] || fail "quiz with an 8 MB answer line: status $status (124: over 10 seconds)"
if LC_ALL=C grep -qP '[\x00\x1b\x07\xff]' "$work/out"; then fail "quiz: raw bytes of an answer echoed"; fi
grep -qF '\x1b]0;owned\x07\x00\xffx' "$work/out" || fail "quiz: the answer is not shown escaped"

# A 60 MB file of one huge array, or of one huge inline table, took 1.8 GB inside the TOML
# parser before failing with no position: the limits are counted on the text first.
{ printf 'x = ['; head -c 30000000 /dev/zero | tr '\0' '1' | sed 's/1/1,/g'; printf '1]\n'; } >"$work/huge-array.toml"
time_limit=30 expect_check "$work/huge-array.toml" 2 "huge-array.toml:1:5: error: this array holds more than 10,000 elements"
{ printf 'x = {'; awk 'BEGIN { for (i = 0; i < 3000000; i++) printf "k%d = 1, ", i }'; printf 'z = 1}\n'; } >"$work/huge-inline-table.toml"
time_limit=30 expect_check "$work/huge-inline-table.toml" 2 "huge-inline-table.toml:1:5: error: this inline table holds more than 1,000 keys"
# Arrays each under the limit add up: 3,000 of 10,000 elements (60 MB) took 2.2 GB.
awk 'BEGIN { for (k = 0; k < 3000; k++) { printf "k%d = [1", k; for (i = 1; i < 9999; i++) printf ",1"; print "]" } }' >"$work/many-arrays.toml"
time_limit=30 expect_check "$work/many-arrays.toml" 2 "error: this file holds more than 4,000,000 values"
rm -f "$work/huge-array.toml" "$work/huge-inline-table.toml" "$work/many-arrays.toml"

# A misspelt key megabytes long was echoed whole: quoted input is cut to 60 bytes.
{ printf '[[reference]]\nid = "r"\nkind = "book"\ntitle = "t"\npublisher = "p"\n'; head -c 2000000 /dev/zero | tr '\0' 'k'; printf ' = 1\n'; } >"$work/long-key.toml"
expect_check "$work/long-key.toml" 2 "unknown key '$(head -c 60 /dev/zero | tr '\0' 'k')… (2000000 bytes)' in reference"
[[ $(wc -c <"$work/out") -lt 2000 ]] || fail "check of a 2 MB key: the report echoes it"

# -o markdown tables escape HTML in every cell and footnote (only | and line breaks were).
for command in routes cite timeline list; do
  checked=$((checked + 1))
  run "$work/out" "$work/err" --no-default --facts "$dir/markup-in-table-cells.toml" -o markdown $command
  if grep -qiE '<(script|img|b)\b' "$work/out"; then fail "-o markdown $command: live HTML in a table"; fi
  grep -qF '&lt;script&gt;' "$work/out" || [[ $command == routes ]] ||
    fail "-o markdown $command: the markup is not shown as text"
done

echo "$checked inputs checked"
[[ $failures -eq 0 ]] || { echo "$failures failure(s)"; exit 1; }
echo ok

#!/usr/bin/env bash
# The stamp tool (tools/ko_stamp.cpp, run by scripts/ko-stamp): on a file with a stale and a
# missing stamp it changes only ko.stamp lines (one rewritten, one inserted after its id),
# after which `check` has no stamp warning left, and a second run changes nothing.
#   ko_stamp_test.sh NKFACTS_KO_STAMP NKFACTS DATA_DIR
set -u
tool=$1
nkfacts=$2
data=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAILED: $*"; failures=$((failures + 1)); }

cp "$data/ko/stamps.toml" "$work/stamps.toml"
"$tool" "$work/stamps.toml" >"$work/out" || fail "the tool exits non-zero: $(cat "$work/out")"
grep -qx "$work/stamps.toml: 2 stamp(s) written" "$work/out" || fail "not 2 stamps: $(cat "$work/out")"
# Only ko.stamp lines differ: one replaced (- and +), one added (+).
changed=$(diff "$data/ko/stamps.toml" "$work/stamps.toml" | grep '^[<>]' | sort)
expected=$(printf '< ko.stamp = "1b722d64"\n> ko.stamp = "4cd6b7e2"\n> ko.stamp = "e5377f06"\n')
[[ $changed == "$expected" ]] || fail "other lines changed:"$'\n'"$changed"
# The new stamp goes right after the id.
grep -A1 '^id = "unstamped"' "$work/stamps.toml" | grep -qx 'ko.stamp = "4cd6b7e2"' ||
  fail "the inserted stamp is not right after the id"
env -i PATH=/usr/bin:/bin LC_ALL=C.UTF-8 "$nkfacts" --no-default check "$work/stamps.toml" \
  >"$work/check" 2>&1
grep -q 'ko.stamp' "$work/check" && fail "check still warns: $(cat "$work/check")"
cp "$work/stamps.toml" "$work/again.toml"
"$tool" "$work/again.toml" >"$work/out2" || fail "the second run exits non-zero"
[[ -s $work/out2 ]] && fail "the second run wrote: $(cat "$work/out2")"
cmp -s "$work/stamps.toml" "$work/again.toml" || fail "the second run changed the file"
# A file that does not load is left alone, with status 1.
printf '[[figure]]\nid = "x"\nko.label = "x"\nbad = \n' >"$work/broken.toml"
cp "$work/broken.toml" "$work/broken.orig"
"$tool" "$work/broken.toml" >/dev/null 2>&1 && fail "a broken file gives status 0"
cmp -s "$work/broken.toml" "$work/broken.orig" || fail "a broken file was changed"

[[ $failures -eq 0 ]] && echo "ko-stamp: all checks passed"
exit $((failures > 0))

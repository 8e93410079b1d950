#!/usr/bin/env bash
# tests/embed_test.sh NKFACTS-EMBED DATA-DIR: the build step that compiles facts/ into the
# binary (src/tools/embed_facts.cpp) refuses a broken fact file with its file:line:column,
# as the program does at run time, so a mistake in facts/ fails the build where it is.
set -u
embed=$(realpath "$1") data=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAILED: $*"; failures=$((failures + 1)); }

# expect_refused FILE TEXT: status 1, TEXT on stderr, and no generated file.
expect_refused() {
  local file=$1 text=$2 status
  "$embed" "$work/out.cpp" "$file" >"$work/stdout" 2>"$work/stderr"
  status=$?
  [[ $status -eq 1 ]] || fail "$file: status $status, expected 1"
  grep -qF -- "$text" "$work/stderr" || { fail "$file: stderr lacks '$text'"; cat "$work/stderr"; }
  grep -qF "the embedded facts must load without errors or warnings" "$work/stderr" ||
    fail "$file: no closing message"
  [[ ! -e $work/out.cpp ]] || fail "$file: code was generated anyway"
  rm -f "$work/out.cpp"
}

cd "$data/.." || exit 2  # so that paths print as data/hostile/...
expect_refused data/hostile/syntax-error.toml "nkfacts: data/hostile/syntax-error.toml:4:18: error while parsing"
expect_refused data/hostile/duplicate-id.toml 'nkfacts: data/hostile/duplicate-id.toml:8:6: duplicate id "r"'

# A warning is enough: the embedded facts must be clean.
cat >"$work/warning.toml" <<'TOML'
[[reference]]
id = "page"
kind = "web"
title = "A page"
publisher = "Someone"
TOML
expect_refused "$work/warning.toml" "nkfacts: warning: $work/warning.toml:1:1: web reference \"page\" has no 'retrieved' date"

# A link to a record that is not there.
cat >"$work/figure.toml" <<'TOML'
[[figure]]
id = "count"
label = "A count"
summary = "How many."
value = 1
unit = "people"
as_of = 2025
sources = ["missing"]
TOML
expect_refused "$work/figure.toml" "nkfacts: $work/figure.toml:8:12: unknown reference \"missing\""

# And a clean file is turned into code.
cat >"$work/clean.toml" <<'TOML'
[[reference]]
id = "book"
kind = "book"
title = "A book"
publisher = "A publisher"
TOML
"$embed" "$work/out.cpp" "$work/clean.toml" 2>"$work/stderr" || fail "clean file: status $?"
grep -qF 'constexpr model::Reference k_references[]' "$work/out.cpp" 2>/dev/null ||
  fail "clean file: no constant records in the generated code"

if [[ $failures -gt 0 ]]; then
  echo "$failures failure(s)"
  exit 1
fi
echo "ok: broken fact files fail the embedding with their position"

#!/usr/bin/env bash
# Keeps the documentation honest (STYLE.md: every example runs as a test).
#
#   docs_test.sh NKFACTS readme      every ```console block of README.md: each "$ command"
#                                    is run and its output compared with the lines below it
#   docs_test.sh NKFACTS help        every example in `nkfacts help COMMAND` exits 0
#   docs_test.sh NKFACTS man         every command and option of --help is in the man page,
#                                    and every example in the man page exits 0
set -u
binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
mode=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/bin"
ln -s "$binary" "$work/bin/nkfacts"
export PATH="$work/bin:/usr/bin:/bin" LC_ALL=C.UTF-8 COLUMNS=80 NO_COLOR=1 TERM=dumb
unset NKFACTS_PATH FORCE_COLOR CLICOLOR_FORCE CLICOLOR
failures=0
fail() { echo "FAILED: $*"; failures=$((failures + 1)); }

# Runs each command line on stdin in a scratch directory that has a class-facts/ folder, as
# the examples assume; every one must exit 0.
run_examples() {
  local what=$1 command
  mkdir -p "$work/run/class-facts"
  cp "$root/tests/data/good/override.toml" "$work/run/class-facts/"
  while IFS= read -r command; do
    [[ -z $command ]] && continue
    if ! (cd "$work/run" && bash -c "$command" >/dev/null 2>"$work/stderr"); then
      fail "$what example exits non-zero: $command"
      cat "$work/stderr"
    fi
  done
}

case $mode in
  readme)
    # Split README.md's console blocks into commands and expected output.
    awk -v dir="$work" '
      /^```console$/ { inside = 1; next }
      /^```$/ && inside { inside = 0; next }
      inside && /^\$ / { n++; print substr($0, 3) > (dir "/cmd" n); printf "" > (dir "/exp" n); next }
      inside { print >> (dir "/exp" n) }
    ' "$root/README.md"
    count=0
    for cmd in "$work"/cmd*; do
      n=${cmd##*/cmd}
      count=$((count + 1))
      (cd "$root" && bash "$cmd") >"$work/out$n" 2>/dev/null
      if ! diff -u "$work/exp$n" "$work/out$n" >"$work/diff"; then
        fail "README example differs: $(cat "$cmd")"
        cat "$work/diff"
      fi
    done
    [[ $count -gt 0 ]] || fail "no console examples found in README.md"
    echo "$count README examples checked"
    ;;
  help)
    for command in $(nkfacts --help | awk '/^Commands:/ { on = 1; next } /^$/ { on = 0 } on { print $1 }'); do
      nkfacts help "$command" | awk '/^Examples:/ { on = 1; next } /^$/ { on = 0 } on' |
        sed 's/^ *//' | run_examples "'nkfacts help $command'"
    done
    nkfacts --help | awk '/^Examples:/ { on = 1; next } /^$/ { on = 0 } on' | sed 's/^ *//' |
      run_examples "'nkfacts --help'"
    ;;
  man)
    if command -v mandoc >/dev/null; then
      mandoc -Tlint -W warning "$root/man/nkfacts.1" || fail "mandoc -Tlint reports problems"
    fi
    page=$(sed 's/\\-/-/g; s/\\(en/-/g' "$root/man/nkfacts.1")
    for command in $(nkfacts --help | awk '/^Commands:/ { on = 1; next } /^$/ { on = 0 } on { print $1 }'); do
      grep -qE "^\.B[IR]? $command( |$)" <<<"$page" || fail "command '$command' is not in the man page's COMMANDS"
    done
    for option in $(nkfacts --help | grep -oE -- '(^| )--?[a-z][a-z-]*' | sort -u); do
      grep -qF -- "$option" <<<"$page" || fail "option '$option' of --help is not in the man page"
    done
    for command in routes dangers stats cite show list help; do
      for option in $(nkfacts help "$command" | grep -oE -- '(^| )--[a-z][a-z-]*' | sort -u); do
        grep -qF -- "$option" <<<"$page" || fail "option '$option' of '$command' is not in the man page"
      done
    done
    awk '/^\.SH EXAMPLES/ { on = 1; next } /^\.SH/ { on = 0 } on' <<<"$page" |
      grep '^\.B nkfacts' | sed 's/^\.B //' |
      run_examples "man page"
    ;;
  *) echo "usage: docs_test.sh NKFACTS readme|help|man"; exit 2 ;;
esac
[[ $failures -eq 0 ]] || { echo "$failures failure(s)"; exit 1; }
echo "ok"

#!/usr/bin/env bash
# Keeps the documentation honest (STYLE.md: every example runs as a test).
#
#   docs_test.sh NKFACTS readme      every ```console block of README.md: each "$ command"
#                                    is run and its output compared with the lines below it
#   docs_test.sh NKFACTS help        every example in `nkfacts help COMMAND` exits 0
#   docs_test.sh NKFACTS man         every command and option of --help is in the man page
#                                    and in its Korean translation (man/ko), every example in
#                                    both exits 0, and the Korean page renders as Hangul
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
    # The English page and its Korean translation: each must lint clean, name every command
    # and option, and have examples that run.
    for manpage in "$root/man/nkfacts.1" "$root/man/ko/nkfacts.1"; do
      name=${manpage#"$root/"}
      if command -v mandoc >/dev/null; then
        mandoc -Tlint -W warning "$manpage" || fail "mandoc -Tlint reports problems in $name"
      fi
      page=$(sed 's/\\-/-/g; s/\\(en/-/g' "$manpage")
      for command in $(nkfacts --help | awk '/^Commands:/ { on = 1; next } /^$/ { on = 0 } on { print $1 }'); do
        grep -qE "^\.B[IR]? $command( |$)" <<<"$page" || fail "command '$command' is not in the COMMANDS of $name"
      done
      for option in $(nkfacts --help | grep -oE -- '(^| )--?[a-z][a-z-]*' | sort -u); do
        grep -qF -- "$option" <<<"$page" || fail "option '$option' of --help is not in $name"
      done
      for command in routes dangers stats cite show list help; do
        for option in $(nkfacts help "$command" | grep -oE -- '(^| )--[a-z][a-z-]*' | sort -u); do
          grep -qF -- "$option" <<<"$page" || fail "option '$option' of '$command' is not in $name"
        done
      done
      # The examples section is EXAMPLES in English, 예시 in Korean.
      examples=$(awk '/^\.SH (EXAMPLES|예시)$/ { on = 1; next } /^\.SH/ { on = 0 } on' <<<"$page" |
        grep '^\.B nkfacts' | sed 's/^\.B //')
      [[ -n $examples ]] || fail "no examples found in $name"
      run_examples "$name" <<<"$examples"
    done
    # The Korean page must render as Hangul through man (man-db and groff), as a reader sees
    # it, wherever man renders the English page.
    if command -v man >/dev/null && MANWIDTH=80 man -l "$root/man/nkfacts.1" 2>/dev/null | grep -q '^NAME$'; then
      rendered=$(MANWIDTH=80 man -l "$root/man/ko/nkfacts.1" 2>&1)
      for heading in 이름 개요 설명 명령 옵션 '출력 형식' 파일 환경 '종료 상태' 예시 참고; do
        grep -q "^$heading\$" <<<"$rendered" || fail "man -l man/ko/nkfacts.1 does not show the heading '$heading'"
      done
      grep -q '^       nkfacts - 탈북민에 관한 사실을' <<<"$rendered" || fail "man -l man/ko/nkfacts.1 does not render Hangul"
    else
      echo "note: man cannot render pages here (man-db missing); the Korean page was not rendered"
    fi
    ;;
  *) echo "usage: docs_test.sh NKFACTS readme|help|man"; exit 2 ;;
esac
[[ $failures -eq 0 ]] || { echo "$failures failure(s)"; exit 1; }
echo "ok"

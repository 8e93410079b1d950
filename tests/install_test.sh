#!/usr/bin/env bash
# cmake --install into a temporary prefix, then use what was installed: the binary, the
# man pages (English and Korean), the fact files, and the bash completion loaded into a real
# bash (compgen). zsh and fish scripts are checked for syntax where those shells are installed.
#   install_test.sh BUILD_DIR
set -u
build=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
failures=0
fail() { echo "FAILED: $*"; failures=$((failures + 1)); }

cmake --install "$build" --prefix "$prefix" >"$work/install.log" 2>&1 || { cat "$work/install.log"; exit 1; }
for file in bin/nkfacts share/man/man1/nkfacts.1 share/man/ko/man1/nkfacts.1 \
            share/doc/nkfacts/README.md share/doc/nkfacts/LICENSE \
            share/nkfacts/facts/series.toml share/nkfacts/facts/README.md \
            share/bash-completion/completions/nkfacts share/zsh/vendor-completions/_nkfacts \
            share/fish/vendor_completions.d/nkfacts.fish; do
  [[ -f $prefix/$file ]] || fail "not installed: $file"
done
export PATH="$prefix/bin:/usr/bin:/bin" LC_ALL=C.UTF-8 NO_COLOR=1
unset NKFACTS_PATH
nkfacts --version | head -n 1 | grep -q '^nkfacts [0-9]' || fail "installed binary does not run"
# The installed fact files are the embedded ones: loading them in place of the embedded
# base gives the same records.
[[ $(nkfacts --no-default --facts "$prefix/share/nkfacts/facts" list | wc -l) -eq $(nkfacts list | wc -l) ]] ||
  fail "installed facts differ from the embedded ones"
if command -v man >/dev/null; then
  MANPATH=$prefix/share/man man -w nkfacts >/dev/null 2>&1 || fail "man cannot find the installed page"
  # In a Korean locale man finds the Korean page (-L: whether or not that locale is built).
  [[ $(MANPATH=$prefix/share/man man -L ko -w nkfacts 2>/dev/null) == "$prefix/share/man/ko/man1/nkfacts.1"* ]] ||
    fail "man -L ko does not find the installed Korean page"
fi

# Bash completion, as bash-completion would load it.
complete_words() { # words... -> the completions offered for the last word
  bash -c '
    source "$1"; shift
    COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
    _nkfacts
    printf "%s\n" "${COMPREPLY[@]}"' _ "$prefix/share/bash-completion/completions/nkfacts" "$@" | sort | tr '\n' ' '
}
expect() { # expected -- words...
  local want=$1
  shift
  local got
  got=$(complete_words "$@")
  [[ $got == "$want" ]] || fail "completing '$*': got '$got', expected '$want'"
}
expect "routes " nkfacts ro
expect "check cite claims completion " nkfacts c
expect "json jsonl " nkfacts --format j
expect "json jsonl " nkfacts routes -o j
expect "china-mongolia china-southeast-asia china-vietnam-cambodia " nkfacts routes china
expect "arrest-in-china arrest-in-transit " nkfacts dangers arrest
expect "hanawon-course-length hanawon-opens " nkfacts show hanawon
expect "reference route " nkfacts list r
expect "reference route " nkfacts search --kind r
expect "--from " nkfacts stats --fr
expect "zsh " nkfacts completion z

if command -v zsh >/dev/null; then zsh -n "$prefix/share/zsh/vendor-completions/_nkfacts" || fail "zsh script"; fi
if command -v fish >/dev/null; then fish --no-execute "$prefix/share/fish/vendor_completions.d/nkfacts.fish" || fail "fish script"; fi

[[ $failures -eq 0 ]] || { echo "$failures failure(s)"; exit 1; }
echo ok

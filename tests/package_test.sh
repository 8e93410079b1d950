#!/usr/bin/env bash
# Builds the Debian package with CPack and checks it: its control fields, and that it holds
# the binary, the man page, the completions and the fact files. With --install (CI, as
# root) it also installs it with dpkg -i, uses the installed tool, and removes it again.
#   package_test.sh BUILD_DIR [--install]
set -u
build=$(cd "$1" && pwd)
install=${2:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAILED: $*"; failures=$((failures + 1)); }
if ! command -v dpkg-deb >/dev/null || ! command -v dpkg-shlibdeps >/dev/null; then
  echo "dpkg-deb or dpkg-shlibdeps (package dpkg-dev) is missing; skipping"
  exit 77
fi
(cd "$work" && cpack --config "$build/CPackConfig.cmake" -G DEB >"$work/cpack.log" 2>&1) ||
  { cat "$work/cpack.log"; exit 1; }
deb=$(ls "$work"/*.deb 2>/dev/null | head -n 1)
[[ -n $deb ]] || { cat "$work/cpack.log"; echo "no .deb was made"; exit 1; }
info=$(dpkg-deb --info "$deb")
for field in "Package: nkfacts" "Section: utils" "Architecture: " "Maintainer: " "Description: offline, cited facts"; do
  grep -q "$field" <<<"$info" || fail "control field missing: $field"
done
contents=$(dpkg-deb --contents "$deb")
for file in ./usr/bin/nkfacts ./usr/share/man/man1/nkfacts.1 ./usr/share/man/ko/man1/nkfacts.1 \
            ./usr/share/bash-completion/completions/nkfacts ./usr/share/zsh/vendor-completions/_nkfacts \
            ./usr/share/fish/vendor_completions.d/nkfacts.fish ./usr/share/nkfacts/facts/series.toml \
            ./usr/share/doc/nkfacts/LICENSE; do
  grep -q " $file\$" <<<"$contents" || fail "not in the package: $file"
done
if [[ $install == --install ]]; then
  if [[ $(id -u) -ne 0 ]]; then
    echo "note: not root, so the package is not installed"
  else
    dpkg -i "$deb" >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log"; fail "dpkg -i failed"; }
    /usr/bin/nkfacts --version | grep -q '^nkfacts ' || fail "installed nkfacts does not run"
    /usr/bin/nkfacts stats --year 2009 | grep -q '2,914' || fail "installed nkfacts gives a wrong answer"
    [[ -f /usr/share/bash-completion/completions/nkfacts ]] || fail "completion not installed"
    dpkg -r nkfacts >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log"; fail "dpkg -r failed"; }
    [[ ! -e /usr/bin/nkfacts ]] || fail "dpkg -r left /usr/bin/nkfacts behind"
  fi
fi
echo "$(basename "$deb"): $(stat -c %s "$deb") bytes"
[[ $failures -eq 0 ]] || { echo "$failures failure(s)"; exit 1; }
echo ok

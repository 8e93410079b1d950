# Shared by scripts/run and scripts/test (sourced, not run): installs missing build
# dependencies from Debian's packages and configures/builds a tree, quietly unless
# something fails. Build output goes to BUILD_DIR/build.log.

NKFACTS_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
NKFACTS_PACKAGES=(g++ cmake ninja-build pkg-config libcli11-dev libfmt-dev libtomlplusplus-dev
                  catch2 libutf8proc-dev libstemmer-dev)

nkfacts_install_dependencies() {
  local missing=() package
  for package in "${NKFACTS_PACKAGES[@]}" "$@"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$package")
    fi
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  local runner=()
  if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
      runner=(sudo)
    else
      echo "nkfacts: missing build dependencies: ${missing[*]}" >&2
      echo "hint: install them with: sudo apt-get install ${missing[*]}" >&2
      return 2
    fi
  fi
  echo "nkfacts: installing build dependencies: ${missing[*]}" >&2
  if ! { "${runner[@]}" apt-get update -qq &&
         DEBIAN_FRONTEND=noninteractive "${runner[@]}" apt-get install -y -qq --no-install-recommends \
           "${missing[@]}"; } >"${TMPDIR:-/tmp}/nkfacts-apt.log" 2>&1; then
    cat "${TMPDIR:-/tmp}/nkfacts-apt.log" >&2
    echo "nkfacts: could not install ${missing[*]}" >&2
    return 2
  fi
}

# nkfacts_build BUILD_DIR [CMAKE_OPTION...]: configures once, then builds what is stale
# (only the target NKFACTS_TARGET when that is set).
nkfacts_build() {
  local dir=$1
  shift
  mkdir -p "$dir"
  if [[ ! -f $dir/CMakeCache.txt ]]; then
    if ! cmake -S "$NKFACTS_ROOT" -B "$dir" -G Ninja "$@" >"$dir/build.log" 2>&1; then
      cat "$dir/build.log" >&2
      echo "nkfacts: configuring $dir failed" >&2
      return 2
    fi
  fi
  local target=()
  [[ -n ${NKFACTS_TARGET:-} ]] && target=(--target "$NKFACTS_TARGET")
  if ! cmake --build "$dir" "${target[@]}" >"$dir/build.log" 2>&1; then
    cat "$dir/build.log" >&2
    echo "nkfacts: the build failed (log: $dir/build.log)" >&2
    return 2
  fi
}

#!/usr/bin/env bash
# The static release binary lays out the code the common commands run together
# (src/hot-code.ld, written by scripts/order-code; bench/README.md says why). Fails when a
# build lays out less than half of what the layout held when it was written: its function
# names no longer match the code, or the link lost the flags that give each function its
# own section. Either way start-up would quietly lose what the layout buys.
#   hot_code_test.sh NKFACTS STATIC(ON|OFF) BUILD_TYPE LAYOUT
set -u
nkfacts=$1
layout=$4
if [[ ${2^^} != ON || $3 != Release ]]; then
  echo "not the static release build (NKFACTS_STATIC=$2, CMAKE_BUILD_TYPE=$3); skipping"
  exit 77
fi
written=$(sed -n 's/.*Laid out when written: \([0-9]*\) bytes.*/\1/p' "$layout")
if [[ -z $written ]]; then
  echo "$layout does not say how much it laid out; run scripts/order-code"
  exit 1
fi
hex=$(readelf -SW "$nkfacts" | awk '{ for (i = 1; i < NF; i++) if ($i == ".text.hot.nkfacts") print $(i + 4) }')
laid=$((16#${hex:-0}))
echo "laid out together: $laid bytes (when the layout was written: $written)"
if ((laid * 2 < written)); then
  echo "less than half: run scripts/order-code and commit src/hot-code.ld"
  exit 1
fi

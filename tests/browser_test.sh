#!/usr/bin/env bash
# Prints every -o html page with headless Chromium, as a teacher would: each becomes a PDF
# (pdfinfo reads it), the fact sheet is exactly one page on A4 (in English and in Korean)
# and, with --paper letter, on US Letter, and no page makes the browser fetch anything:
# Chromium's network log holds no request but the browser's own (its update and account
# services). A screenshot of the sheet is kept for a person to look at.
#
# Usage: browser_test.sh NKFACTS SCREENSHOT_DIR    (skipped, 77, without chromium or pdfinfo)
set -u
binary=$1
shots=$2
here=$(cd "$(dirname "$0")" && pwd)
hostile=$here/data/html/hostile.toml
command -v chromium >/dev/null || { echo "browser: chromium is not installed; skipped"; exit 77; }
command -v pdfinfo >/dev/null || { echo "browser: pdfinfo (poppler-utils) is not installed; skipped"; exit 77; }
python=python3
[[ -x /usr/bin/python3 ]] && python=/usr/bin/python3

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAILED: $*"; failures=$((failures + 1)); }

# chromium FILE.html [extra flags...]: a fresh profile each time, no background services.
chrome() {
  local page=$1
  shift
  timeout 300 chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$(mktemp -d -p "$work")" \
    "$@" "file://$page" >"$work/chromium.log" 2>&1
}

# The hosts a request went to, one a line, but Chromium's own services.
fetched() {
  "$python" - "$1" <<'EOF'
import json, sys, urllib.parse
try:
    events = json.load(open(sys.argv[1]))["events"]
except (OSError, ValueError, KeyError):
    # Chromium may end before it closes the log's JSON; what was written is still read.
    text = open(sys.argv[1]).read().rstrip().rstrip(",")
    events = json.loads(text + "]}")["events"]
own = ("google.com", "googleapis.com", "gvt1.com", "gstatic.com", "chromium.org")
for event in events:
    url = event.get("params", {}).get("url")
    if not url or url.startswith(("file:", "data:", "about:", "chrome:")):
        continue
    host = urllib.parse.urlsplit(url).hostname or url
    if not any(host == d or host.endswith("." + d) for d in own):
        print(url)
EOF
}

pages=(
  "sheet-a4|handout --length sheet|1"
  "sheet-letter|--paper letter handout --length sheet|1"
  "sheet-ko|--lang ko handout --length sheet|1"
  "handout|handout|"
  "stats|stats|"
  "timeline|timeline|"
  "routes|routes|"
  "dangers|dangers|"
  "claims|claims|"
  "terms|terms|"
  "hostile-sheet|--no-default --facts $hostile handout --length sheet|1"
  "hostile-handout|--no-default --facts $hostile handout|"
)
for entry in "${pages[@]}"; do
  IFS='|' read -r name args pages_expected <<<"$entry"
  # shellcheck disable=SC2086  # the arguments are words
  if ! "$binary" -q -o html $args >"$work/$name.html"; then
    fail "$name: nkfacts -o html $args failed"
    continue
  fi
  chrome "$work/$name.html" --no-pdf-header-footer --print-to-pdf="$work/$name.pdf" \
    --log-net-log="$work/$name.net.json"
  if [[ ! -s $work/$name.pdf ]]; then
    fail "$name: chromium wrote no PDF: $(tail -n 3 "$work/chromium.log")"
    continue
  fi
  info=$(pdfinfo "$work/$name.pdf")
  count=$(awk '/^Pages:/ {print $2}' <<<"$info")
  size=$(awk -F': *' '/^Page size:/ {print $2}' <<<"$info")
  echo "$name: $count page(s), $size"
  case $name in
    *letter*) [[ $size == *letter* ]] || fail "$name: printed on '$size', not US Letter" ;;
    *) [[ $size == *A4* ]] || fail "$name: printed on '$size', not A4" ;;
  esac
  if [[ -n $pages_expected && $count != "$pages_expected" ]]; then
    fail "$name: $count printed pages, expected $pages_expected"
  fi
  if [[ -f $work/$name.net.json ]]; then
    requests=$(fetched "$work/$name.net.json")
    [[ -z $requests ]] || fail "$name: the browser fetched: $requests"
  else
    fail "$name: chromium wrote no network log"
  fi
done

# The sheet as a person sees it on screen, kept under the build directory.
mkdir -p "$shots"
chrome "$work/sheet-a4.html" --hide-scrollbars --window-size=900,1600 --screenshot="$shots/sheet.png"
if [[ -s $shots/sheet.png ]]; then
  echo "browser: screenshot of the sheet in $shots/sheet.png"
else
  fail "no screenshot of the sheet: $(tail -n 3 "$work/chromium.log")"
fi

echo "browser: ${#pages[@]} pages printed, $failures problems"
[[ $failures -eq 0 ]]

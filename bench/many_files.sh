#!/usr/bin/env bash
# Loading a directory of many small fact files (issue 18: 2,000 files of 40 records took
# 6.2 s when the id index was rebuilt after every file). Writes a Markdown section: the
# time of `nkfacts --no-default --facts DIR list` for FILES files and for half as many,
# and the ratio, which is about 2 when loading is linear in files and records.
#   bench/many_files.sh NKFACTS [FILES] [RECORDS_PER_FILE] [RUNS]
# scripts/bench runs it with 2,000 files of 40 records; a tiny size checks that it works.
set -uo pipefail
nkfacts=$1
files=${2:-2000}
records=${3:-40}
runs=${4:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A directory of `count` files, each with its own reference and `records` events citing it.
make_dir() { # dir count
  mkdir -p "$1"
  awk -v dir="$1" -v files="$2" -v records="$records" 'BEGIN {
    for (f = 0; f < files; f++) {
      file = sprintf("%s/f-%05d.toml", dir, f)
      printf "[[reference]]\nid = \"r-%d\"\nkind = \"book\"\ntitle = \"t\"\npublisher = \"p\"\n", f >file
      for (i = 0; i < records; i++)
        printf "[[event]]\nid = \"e-%d-%d\"\ndate = 2020\ntitle = \"t\"\nsummary = \"s\"\nsources = [\"r-%d\"]\n", f, i, f >file
      close(file)
    }
  }'
}
half=$((files / 2 > 0 ? files / 2 : 1))
make_dir "$work/all" "$files"
make_dir "$work/half" "$half"

# The median wall time of `runs` runs, in seconds; the listing must hold every record.
median_seconds() { # dir expected-lines
  local dir=$1 expected=$2 lines
  lines=$("$nkfacts" --no-default --facts "$dir" list | wc -l)
  if [[ $lines -ne $expected ]]; then
    echo "bench/many_files.sh: $dir lists $lines records, expected $expected" >&2
    exit 2
  fi
  for ((r = 0; r < runs; r++)); do
    /usr/bin/time -f %e "$nkfacts" --no-default --facts "$dir" list 2>&1 >/dev/null | tail -n 1
  done | sort -n | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'
}
all_s=$(median_seconds "$work/all" $((files * (records + 1))))
half_s=$(median_seconds "$work/half" $((half * (records + 1))))

echo "## Loading a directory of many files"
echo
echo "\`nkfacts --no-default --facts DIR list\`, each file a reference and $records events citing it"
echo "(median of $runs runs; loading must be linear in files and records)."
echo
echo "| files | records | time (s) |"
echo "|---:|---:|---:|"
echo "| $half | $((half * (records + 1))) | $half_s |"
echo "| $files | $((files * (records + 1))) | $all_s |"
echo
echo "Twice the files take $(awk -v a="$all_s" -v b="$half_s" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }')× the time (target: about 2×)."

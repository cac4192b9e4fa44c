#!/usr/bin/env bash
# Time `roster build` against the Python peer (benches/peer/report.py) on one
# portfolio, as whole processes.
#
#   benches/peer-pair.sh PORTFOLIO [SITES]        (SITES default: /dev/shm)
#
# The two run alternately, roster first, RUNS times each (default 3), each
# into an empty output folder under SITES/peer-pair/ (the last run's sites
# stay there to be looked at). Every run is timed by GNU time (Debian/Ubuntu:
# apt-get install time): wall, user and system seconds and peak resident
# memory. The table gives the median of each figure per tool and the ratio
# peer / roster. The peer needs the packages of benches/peer/requirements.txt
# (pip install -r benches/peer/requirements.txt); PYTHON=... picks the
# interpreter (default python3). roster is target/release/roster, built with
# `cargo build --release` only when it is missing.
set -euo pipefail
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: $0 PORTFOLIO [SITES]" >&2
  exit 2
fi
portfolio=$(cd "$1" && pwd)
sites=${2:-/dev/shm}
runs=${RUNS:-3}
python=${PYTHON:-python3}
cd "$(dirname "$0")/.."
root=$PWD
roster=$root/target/release/roster
peer=$root/benches/peer/report.py

if [ ! -x /usr/bin/time ]; then
  echo "error: GNU time is needed at /usr/bin/time (apt-get install time)" >&2
  exit 2
fi
if [ ! -f "$portfolio/roster.yaml" ]; then
  echo "error: $portfolio has no roster.yaml" >&2
  exit 2
fi
if [ ! -x "$roster" ]; then
  cargo build --release --quiet --bin roster
fi
if ! "$python" -c 'import pandas, matplotlib, jinja2, yaml, markdown' 2>/dev/null; then
  echo "error: the peer needs: pip install -r benches/peer/requirements.txt" >&2
  exit 2
fi

work=$sites/peer-pair
mkdir -p "$work"
results=$work/times.tsv
: > "$results"

mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

# run TOOL I: one timed build into an empty $work/TOOL; appends "TOOL wall user sys rss_kb"
run() {
  local tool=$1 i=$2 out=$work/$1 log=$work/$1.log
  rm -rf "$out"
  mkdir -p "$out"
  local cmd
  if [ "$tool" = roster ]; then
    cmd=("$roster" build "$portfolio" --output "$out")
  else
    cmd=("$python" "$peer" "$portfolio" "$out")
  fi
  if ! /usr/bin/time -f "%e %U %S %M" -o "$work/$tool.time" "${cmd[@]}" > "$log" 2>&1; then
    echo "error: $tool failed (run $i); its output is in $log" >&2
    tail -20 "$log" >&2
    exit 1
  fi
  read -r wall user sys rss < "$work/$tool.time"
  printf '%s\t%s\t%s\t%s\t%s\n' "$tool" "$wall" "$user" "$sys" "$rss" >> "$results"
  printf '  run %d  %-6s  wall %7.2f s  user %7.2f s  sys %6.2f s  max RSS %6.0f MB  (%s pages, %s files)\n' \
    "$i" "$tool" "$wall" "$user" "$sys" "$(mb "$rss")" \
    "$(find "$out" -name '*.html' | wc -l)" "$(find "$out" -type f | wc -l)"
}

echo "portfolio: $portfolio"
echo "sites:     $work"
echo "machine:   $(nproc) cores, $(uname -sm); roster $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $("$python" --version 2>&1)"
echo
for i in $(seq 1 "$runs"); do
  run roster "$i"
  run peer "$i"
done
echo

# median of column COL (2 wall, 3 user, 4 sys, 5 rss) for TOOL
median() {
  awk -F'\t' -v t="$1" -v c="$2" '$1 == t { print $c }' "$results" | sort -g |
    awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

printf '| median of %d | wall s | user s | sys s | max RSS MB |\n' "$runs"
printf '| --- | ---: | ---: | ---: | ---: |\n'
declare -A med
for tool in roster peer; do
  for col in 2 3 4 5; do
    med[$tool$col]=$(median "$tool" "$col")
  done
  printf '| %s | %.2f | %.2f | %.2f | %.0f |\n' "$tool" "${med[${tool}2]}" "${med[${tool}3]}" \
    "${med[${tool}4]}" "$(mb "${med[${tool}5]}")"
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f×", a / b; else print "n/a" }'; }
printf '| peer / roster | %s | %s | %s | %s |\n' "$(ratio "${med[peer2]}" "${med[roster2]}")" \
  "$(ratio "${med[peer3]}" "${med[roster3]}")" "$(ratio "${med[peer4]}" "${med[roster4]}")" \
  "$(ratio "${med[peer5]}" "${med[roster5]}")"

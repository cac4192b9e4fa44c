#!/usr/bin/env bash
# The cost of a build against the size of its input: whole builds at 1x, 2x,
# 4x and 8x the rows (posts, daily rows and orders), drawn per 100,000 rows
# with roster's own charts into docs/ (docs/performance.md shows them).
#
#   benches/scaling.sh [WORKDIR]        (default: target/scaling)
#
# The portfolios come from the project's generator (seed 42, 40 partnerships
# per client, 12 months; 6, 12, 24 and 48 clients, so the rows, and the pages,
# double each time) and are kept in WORKDIR. Each size is built RUNS times
# (default 3) after one untimed warm-up, each from an empty output folder in
# SITES (default /dev/shm, to leave the disk out); the medians of wall and CPU
# time and the largest peak memory (GNU time) go to WORKDIR/scaling.csv, and
# the charts to OUT (default docs/).
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-target/scaling}
runs=${RUNS:-3}
sites=${SITES:-/dev/shm}
out=${OUT:-docs}
if [ ! -x /usr/bin/time ]; then
  echo "error: GNU time is needed at /usr/bin/time (apt-get install time)" >&2
  exit 2
fi
cargo build --release --quiet --bin roster --example generate --example scaling
roster=$PWD/target/release/roster
mkdir -p "$work"
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
echo "scale,clients,rows,wall_s,cpu_s,peak_mb" > "$work/scaling.csv"
scale=1
for n in 6 12 24 48; do
  dir=$work/p$n
  if [ ! -f "$dir/roster.yaml" ]; then
    rm -rf "$dir"
    target/release/examples/generate --seed 42 --clients "$n" --partnerships 40 --months 12 --out "$dir" > "$work/p$n.txt"
  fi
  rows=$(sed -E 's/.* ([0-9]+) posts, ([0-9]+) daily rows, ([0-9]+) orders.*/\1 \2 \3/' "$work/p$n.txt" | awk '{ print $1 + $2 + $3 }')
  site=$sites/roster-scaling-$n
  : > "$work/runs.txt"
  for i in $(seq 0 "$runs"); do
    rm -rf "$site"
    /usr/bin/time -f '%e %U %S %M' -o "$work/time.txt" "$roster" build "$dir" --output "$site" > /dev/null 2> "$work/build.log" \
      || { cat "$work/build.log" >&2; exit 1; }
    [ "$i" -gt 0 ] && cat "$work/time.txt" >> "$work/runs.txt"
  done
  rm -rf "$site"
  wall=$(awk '{ print $1 }' "$work/runs.txt" | median)
  cpu=$(awk '{ print $2 + $3 }' "$work/runs.txt" | median)
  peak=$(awk '{ print $4 / 1024 }' "$work/runs.txt" | sort -g | tail -n1)
  echo "$scale,$n,$rows,$wall,$cpu,$peak" | tee -a "$work/scaling.csv"
  scale=$((scale * 2))
done
mkdir -p "$out"
target/release/examples/scaling "$work/scaling.csv" "$out"

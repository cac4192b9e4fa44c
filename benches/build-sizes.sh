#!/usr/bin/env bash
# Time `roster build` as a whole process at three portfolio sizes, and the
# `roster serve` rebuild after one client's CSV is saved at the largest.
#
#   benches/build-sizes.sh [WORKDIR]        (default: target/build-sizes)
#
# Portfolios come from the project's generator (seed 42, 40 partnerships per
# client, 12 months; 12, 25 and 50 clients) and are kept in WORKDIR between
# runs. Each build starts from an empty output folder and is run RUNS times
# (default 3) after one untimed warm-up; the table gives the fastest and the
# slowest wall time, the CPU time (user + system) of the fastest run and the
# largest peak resident memory, from GNU time (Debian/Ubuntu: apt-get install
# time). SITES=DIR writes the sites under DIR instead of WORKDIR, e.g.
# SITES=/dev/shm to leave the disk out. The serve step needs curl; SERVE=0
# skips it. docs/performance.md records the results.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-target/build-sizes}
runs=${RUNS:-3}
sizes=${SIZES:-"12 25 50"}
sites=${SITES:-$work}

if [ ! -x /usr/bin/time ]; then
  echo "error: GNU time is needed at /usr/bin/time (apt-get install time)" >&2
  exit 2
fi
cargo build --release --quiet --bin roster --example generate
roster=$PWD/target/release/roster
generate=$PWD/target/release/examples/generate
mkdir -p "$work"

echo "machine: $(nproc) cores, $(uname -sm); roster $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
echo
echo "| clients | posts | daily rows | orders | CSV MB | wall s (min-max of $runs) | CPU s | peak RSS MB | wall s per 100k rows |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for n in $sizes; do
  dir=$work/p$n
  if [ ! -f "$dir/roster.yaml" ]; then
    rm -rf "$dir"
    "$generate" --seed 42 --clients "$n" --partnerships 40 --months 12 --out "$dir" > "$work/p$n.txt"
  fi
  read -r posts daily orders < <(sed -E 's/.* ([0-9]+) posts, ([0-9]+) daily rows, ([0-9]+) orders.*/\1 \2 \3/' "$work/p$n.txt")
  mb=$(du -sm "$dir/clients" | cut -f1)
  out=$sites/roster-site$n
  walls=()
  cpus=()
  rss=0
  for i in $(seq 0 "$runs"); do
    rm -rf "$out"
    /usr/bin/time -f '%e %M %U %S' -o "$work/time.txt" "$roster" build "$dir" --output "$out" 2> "$work/build.log" \
      || { cat "$work/build.log" >&2; exit 1; }
    read -r wall kb user sys < "$work/time.txt"
    if [ "$i" -gt 0 ]; then # run 0 warms the page cache
      walls+=("$wall")
      cpus+=("$wall $(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')")
      rss=$(( kb > rss ? kb : rss ))
    fi
  done
  sorted=$(printf '%s\n' "${walls[@]}" | sort -g)
  min=$(head -n1 <<< "$sorted")
  max=$(tail -n1 <<< "$sorted")
  cpu=$(printf '%s\n' "${cpus[@]}" | sort -g | head -n1 | cut -d' ' -f2)
  rows=$((posts + daily + orders))
  per=$(awk -v w="$min" -v r="$rows" 'BEGIN { printf "%.3f", w / r * 100000 }')
  echo "| $n | $posts | $daily | $orders | $mb | $min-$max | $cpu | $((rss / 1024)) | $per |"
  rm -rf "$out"
done
echo
echo "last build: $(tail -n1 "$work/build.log")"

if [ "${SERVE:-1}" = 0 ]; then exit 0; fi
if ! command -v curl > /dev/null; then
  echo "(no curl: serve step skipped)"
  exit 0
fi
n=$(awk '{ print $NF }' <<< "$sizes")
dir=$work/p$n
log=$work/serve.log
"$roster" serve "$dir" --port 0 2> "$log" &
pid=$!
trap 'kill -INT $pid 2> /dev/null || true' EXIT
for _ in $(seq 200); do
  grep -q 'http://127.0.0.1:' "$log" && break
  sleep 0.1
done
port=$(grep -o 'http://127.0.0.1:[0-9]*' "$log" | head -n1 | sed 's/.*://')
client=$(ls "$dir/clients" | sed -n "$(( (n + 1) / 2 ))p")
csv=$(ls -S $(find "$dir/clients/$client/metrics" -name '*.csv') | head -n1)
echo
echo "serve, $n clients: saving $client's largest CSV ($(du -k "$csv" | cut -f1) kB) until the new site is served"
echo "| save | visible after ms | serve's own rebuild line |"
echo "| ---: | ---: | --- |"
for i in 1 2 3 4 5; do
  before=$(curl -s "http://127.0.0.1:$port/__roster/version")
  cp "$csv" "$work/edit.csv"
  start=$(date +%s%N)
  cat "$work/edit.csv" > "$csv" # a save: the same bytes, the whole rebuild
  while [ "$(curl -s "http://127.0.0.1:$port/__roster/version")" = "$before" ]; do
    if [ $(( $(date +%s%N) - start )) -gt 20000000000 ]; then
      echo "error: no rebuild within 20 s; see $log" >&2
      exit 1
    fi
  done
  end=$(date +%s%N)
  sleep 0.3
  echo "| $i | $(( (end - start) / 1000000 )) | $(grep rebuilt "$log" | tail -n1) |"
  sleep 0.5
done

#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# How many simulated units one floorline-server carries on this machine: for each fleet size,
# run the server and floorline-sim (one talk group per 10 units, a spurt every 10 s per group)
# for DURATION seconds and report server CPU, logins and what the units heard.
# Usage: tools/bench/capacity.sh [build-dir] [sizes...]   (default: build/release 200 500 1000)
set -euo pipefail
build=${1:-build/release}
shift || true
sizes=("${@:-200 500 1000}")
read -r -a sizes <<< "${sizes[*]}"
duration=${DURATION:-30}
tick=$(getconf CLK_TCK)
cpu_of() { awk -v t="$tick" '{ print ($14 + $15) / t }' "/proc/$1/stat"; }
printf '%-6s %-7s %-9s %-10s %-12s %-12s %-9s %-8s\n' units online spurts sent received lost \
  "srv-cpu%" "sim-cpu%"
for n in "${sizes[@]}"; do
  groups=$(( n / 10 < 3 ? 3 : n / 10 ))
  dir=$(mktemp -d)
  port=$(( 20000 + RANDOM % 20000 ))
  QT_LOGGING_RULES='floorline.*.info=false' "$build/server/floorline-server" \
    --demo-fleet "$n,$groups" --db "$dir/db.sqlite" --port "$port" --rtp-port $(( port + 1 )) \
    --rate-limit 1000 > "$dir/server.out" 2>&1 &
  server=$!
  sleep 1
  fp="$("$build/server/floorline-server" --db "$dir/db.sqlite" --fingerprint)"
  start=$(cpu_of "$server")
  QT_LOGGING_RULES='floorline.*.info=false' "$build/tools/sim/floorline-sim" \
    --server "wss://127.0.0.1:$port" --fingerprint "$fp" --units "$n" --groups "$groups" --talk-interval 10 \
    --duration "$duration" --stats-interval 0 --seed 7 > "$dir/sim.out" 2>&1 &
  sim=$!
  sleep $(( duration - 1 ))
  simcpu=$(cpu_of "$sim")
  end=$(cpu_of "$server")
  wait "$sim" || true
  kill "$server"; wait "$server" 2>/dev/null || true
  stats=$(tail -1 "$dir/sim.out")
  field() { echo "$stats" | sed -n "s/.*\"$1\":\([0-9]*\).*/\1/p"; }
  srv=$(awk -v a="$start" -v b="$end" -v d="$duration" 'BEGIN { printf "%.1f", (b - a) * 100 / (d - 1) }')
  simp=$(awk -v a="$simcpu" -v d="$duration" 'BEGIN { printf "%.1f", a * 100 / d }')
  printf '%-6s %-7s %-9s %-10s %-12s %-12s %-9s %-8s\n' "$n" "$(field online)" \
    "$(field spurts)" "$(field packetsSent)" "$(field packetsReceived)" "$(field packetsLost)" \
    "$srv" "$simp"
  rm -rf "$dir"
done

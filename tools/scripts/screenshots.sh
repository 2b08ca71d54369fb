#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Takes the documentation's screenshots of the console on its demo default, offscreen (no
# display needed): docs/screenshots/console-<size>[-de|-fr|-es].png at the default 1366x768,
# the 1024x600 minimum and 1920x1080, in English, German, French and Spanish.
# docs/screenshots/console.png and console-<lang>.png (README) are the 1366x768 ones.
# Usage: tools/scripts/screenshots.sh [build-dir]
set -euo pipefail
cd "$(dirname "$0")/../.."
build="${1:-build/release}"
mkdir -p docs/screenshots
export QT_QPA_PLATFORM=offscreen
# A fresh configuration: no window geometry or listening remembered from an earlier run.
config="$(mktemp -d)"
trap 'rm -rf "$config"' EXIT
languages=(en de fr es)
# The environment a user of `lang` runs the console in, and the file name suffix.
use_language() {
  case "$1" in
    en) suffix=""; locale=(env LANG=C.UTF-8 LC_ALL=C.UTF-8) ;;
    de) suffix="-de"; locale=(env LANG=de_DE.UTF-8 LC_ALL=de_DE.UTF-8) ;;
    fr) suffix="-fr"; locale=(env LANG=fr_FR.UTF-8 LC_ALL=fr_FR.UTF-8) ;;
    es) suffix="-es"; locale=(env LANG=es_ES.UTF-8 LC_ALL=es_ES.UTF-8) ;;
  esac
}
for size in 1366x768 1024x600 1920x1080; do
  for lang in "${languages[@]}"; do
    use_language "$lang"
    # Long enough for the simulated fleet to log in and several groups to be talking.
    XDG_CONFIG_HOME="$config" "${locale[@]}" "$build/app/floorline" --demo --no-audio \
      --window-size "$size" --screenshot "docs/screenshots/console-$size$suffix.png" \
      --screenshot-after 14
  done
done
cp docs/screenshots/console-1366x768.png docs/screenshots/console.png
for lang in de fr es; do
  cp "docs/screenshots/console-1366x768-$lang.png" "docs/screenshots/console-$lang.png"
done

# The supervisor's overview, on a server of its own whose fleet raises emergencies often
# enough to show one: several live sessions, queues, an emergency, and a dispatcher's console
# in the consoles list.
db="$(mktemp -d)"
trap 'kill $(jobs -p) 2> /dev/null || true; rm -rf "$config" "$db"' EXIT
port=$((17000 + RANDOM % 2000))
# The certificate the server makes on first start; the clients are given its fingerprint.
fp="$("$build/server/floorline-server" --db "$db/server.sqlite" --fingerprint)"
"$build/server/floorline-server" --db "$db/server.sqlite" --media-dir "$db/media" \
  --demo-fleet 60,12 --port "$port" --rtp-port "$((port + 1))" > /dev/null 2>&1 &
sleep 1
"$build/tools/sim/floorline-sim" --server "wss://127.0.0.1:$port" --fingerprint "$fp" --units 60 --groups 12 \
  --talk-interval 3 --emergency-share 0.06 --seed 7 --stats-interval 1000 > /dev/null 2>&1 &
XDG_CONFIG_HOME="$db/dispatcher" "$build/app/floorline" --server "wss://127.0.0.1:$port" \
  --fingerprint "$fp" --user dispatch-1 --password dispatch-1 --no-audio > /dev/null 2>&1 &
for lang in "${languages[@]}"; do
  use_language "$lang"
  XDG_CONFIG_HOME="$db/supervisor-$lang" "${locale[@]}" "$build/app/floorline" \
    --server "wss://127.0.0.1:$port" --fingerprint "$fp" --user supervisor --password supervisor --no-audio --window-size 1366x768 \
    --screenshot "docs/screenshots/supervisor$suffix.png" --screenshot-after 16
done

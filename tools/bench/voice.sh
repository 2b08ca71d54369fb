#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Runs every voice benchmark of docs/performance.md: mouth-to-ear on the virtual clock and
# through PortAudio on a private JACK dummy server (256 and 128 frames per period), late entry,
# impairment, and CPU. Usage: tools/bench/voice.sh [build-dir] [repeats]
set -euo pipefail
build="${1:-build/release}"
repeats="${2:-1}"
bench="$build/tools/bench"
here="$(cd "$(dirname "$0")/../.." && pwd)"

echo "== virtual clock (256-frame device periods)"
for frame in 20 10; do
  "$bench/floorline-voicelatency" --frame-ms "$frame"
  "$bench/floorline-voicelatency" --frame-ms "$frame" --jitter-ms 30 --loss 0.02 --spurts 12
done

for period in 256 128; do
  echo "== PortAudio on JACK dummy, $period frames per period"
  (
    export FLOORLINE_JACK_PERIOD="$period"
    # shellcheck source=../scripts/jack-dummy.sh
    source "$here/tools/scripts/jack-dummy.sh"
    for _ in $(seq 1 "$repeats"); do
      for frame in 20 10; do
        "$bench/floorline-voicelatency" --path jack --frame-ms "$frame" --late-entry 20 2>/dev/null
      done
      if [ "$period" = 256 ]; then
        "$bench/floorline-voicelatency" --path jack --frame-ms 20 --jitter-ms 30 --loss 0.02 \
          --spurts 12 2>/dev/null
      fi
    done
  )
done

echo "== CPU: one encoder, 16 decoders, mixing"
for frame in 20 10; do
  "$bench/floorline-voicecpu" --frame-ms "$frame"
done

#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Regenerates the simulator's speech clips: espeak-ng speaks each line, sox makes it 16 kHz mono
# 16-bit PCM (the Opus encoder takes 16 kHz input directly; RTP still counts at 48 kHz).
# Requires: espeak-ng sox. Output is deterministic for a given espeak-ng version.
set -euo pipefail
cd "$(dirname "$0")"
lines=(
  "Engine twelve on scene, two story residential, smoke showing."
  "Medic four en route to Harbour Road, E T A six minutes."
  "Patrol nine, traffic stop at Fifth and Main, plate to follow."
  "Dispatch, Ladder three is available and returning to quarters."
  "Rescue two requesting one more unit at the north gate."
  "Copy that, all units hold traffic on this channel."
)
voices=(en-us en-gb en-us+m3 en-gb+f2 en-us+m7 en-gb+m4)
for i in "${!lines[@]}"; do
  n=$((i + 1))
  espeak-ng -v "${voices[$i]}" -s 165 -w "/tmp/clip-$n.wav" "${lines[$i]}"
  sox "/tmp/clip-$n.wav" -r 16000 -c 1 -b 16 "clip-$n.wav" norm -3
  rm -f "/tmp/clip-$n.wav"
done
ls -l clip-*.wav

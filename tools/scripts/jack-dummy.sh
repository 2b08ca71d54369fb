#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Sourced by the test scripts: starts a private JACK server with the dummy driver (no sound card
# needed) so the real PortAudio path runs, exports JACK_DEFAULT_SERVER for the tests, and stops
# the server when the calling script exits.
JACK_DEFAULT_SERVER="floorline-test-$$"
export JACK_DEFAULT_SERVER
JACK_NO_AUDIO_RESERVATION=1 jackd --no-realtime -n "$JACK_DEFAULT_SERVER" -d dummy -r 48000 \
  -p "${FLOORLINE_JACK_PERIOD:-256}" > "${TMPDIR:-/tmp}/$JACK_DEFAULT_SERVER.log" 2>&1 &
floorline_jack_pid=$!
trap 'kill "$floorline_jack_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
  if jack_lsp > /dev/null 2>&1; then
    break
  fi
  sleep 0.2
done
if ! jack_lsp > /dev/null 2>&1; then
  echo "the JACK dummy server did not start:" >&2
  cat "${TMPDIR:-/tmp}/$JACK_DEFAULT_SERVER.log" >&2
  exit 1
fi

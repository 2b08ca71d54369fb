#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Sourced by the test scripts: starts a private JACK server with the dummy driver (no sound card
# needed) so the real PortAudio path runs, exports JACK_DEFAULT_SERVER for the tests, and stops
# the server when the calling script exits. tools/bench/voice.sh sources it once per period in
# a subshell, so several servers start one after the other from one script.

# $$ is the same in every subshell of a script: BASHPID (and a random suffix, against a reused
# pid) gives each server its own name.
JACK_DEFAULT_SERVER="floorline-test-$BASHPID-$RANDOM"
export JACK_DEFAULT_SERVER
# jack_lsp below, and any client, must never start a server of their own (the default command
# wants ALSA) while ours is still coming up: that one would hold our name.
export JACK_NO_START_SERVER=1
JACK_NO_AUDIO_RESERVATION=1 jackd --no-realtime -n "$JACK_DEFAULT_SERVER" -d dummy -r 48000 \
  -p "${FLOORLINE_JACK_PERIOD:-256}" > "${TMPDIR:-/tmp}/$JACK_DEFAULT_SERVER.log" 2>&1 &
floorline_jack_pid=$!

# Waits until jackd has really exited, so the next server starts on a clean slate; a jackd
# that hangs is killed after 10 s. (kill -0 cannot tell: our exited child stays a zombie until
# waited for.)
floorline_jack_stop() {
  kill "$floorline_jack_pid" 2> /dev/null || return 0
  (
    for _ in $(seq 1 100); do sleep 0.1; done
    kill -KILL "$floorline_jack_pid"
  ) > /dev/null 2>&1 &
  local guard=$!
  wait "$floorline_jack_pid" 2> /dev/null || true
  kill "$guard" 2> /dev/null || true
  wait "$guard" 2> /dev/null || true
}
trap floorline_jack_stop EXIT

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

#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds the libFuzzer targets (tests/fuzz, fuzz preset: clang with ASan + UBSan) and runs each
# for SECONDS (default 20) from its seed corpus, with the protocol dictionary for the JSON ones.
# Fails on the first crash, leak, sanitizer report or timeout; the input that did it is kept in
# build/fuzz/findings/. Prints how many inputs each target ran.
#   fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-20}"
shift || true
targets=("$@")
if [ "${#targets[@]}" -eq 0 ]; then
  targets=(fuzz_request fuzz_serverframe fuzz_rtp fuzz_srtp fuzz_pairinguri fuzz_fleet fuzz_httphead)
fi
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/floorline-ccache}"
cmake --preset fuzz > /dev/null
cmake --build --preset fuzz
findings=build/fuzz/findings
mkdir -p "$findings"
status=0
for t in "${targets[@]}"; do
  work="$(mktemp -d)" # what the run adds; the committed seeds stay as they are
  dict=()
  case "$t" in fuzz_request|fuzz_serverframe|fuzz_fleet) dict=(-dict=tests/fuzz/protocol.dict) ;; esac
  log="$findings/$t.log"
  if "build/fuzz/tests/fuzz/$t" "${dict[@]}" -max_total_time="$seconds" -timeout=5 \
      -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 -artifact_prefix="$findings/$t-" \
      "$work" "tests/fuzz/corpus/$t" > "$log" 2>&1; then
    runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")"
    printf '%-18s ok   %s inputs in %s s\n' "$t" "$runs" "$seconds"
  else
    printf '%-18s FAIL (see %s)\n' "$t" "$log"
    grep -E "ERROR|SUMMARY|runtime error" "$log" | head -5 || true
    status=1
  fi
  rm -rf "$work"
done
exit "$status"

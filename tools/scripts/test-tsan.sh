#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds the tests with ThreadSanitizer and runs those with more than one thread at work
# (the RTP relay thread beside the signaling thread). Suppressions: tests/tsan.supp.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash tools/scripts/setup-debian.sh
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/floorline-ccache}"
cmake --preset tsan
cmake --build --preset tsan
ctest --preset tsan --timeout 900 -L integration "$@"

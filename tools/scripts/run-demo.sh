#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Sets up, builds (release preset) and starts the console on its demo default: the reference
# server and a simulated fleet talking real speech run inside the console, which logs in as a
# dispatcher. Extra arguments go to floorline (try --help).
set -euo pipefail
cd "$(dirname "$0")/../.."
bash tools/scripts/setup-debian.sh
cmake --preset release
cmake --build --preset release --target floorline
exec build/release/app/floorline --demo "$@"

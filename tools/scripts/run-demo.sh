#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Sets up, builds (release preset) and runs the demo: the reference server with a generated fleet
# and the fleet simulator talking real speech on it. Ctrl+C stops both.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash tools/scripts/setup-debian.sh
cmake --preset release
cmake --build --preset release --target floorline-server floorline-sim
bin=build/release
db=$(mktemp -d)/server.sqlite
"$bin/server/floorline-server" --demo-fleet 60,12 --db "$db" --stats-interval 10 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
sleep 1
"$bin/tools/sim/floorline-sim" --server ws://127.0.0.1:7700 --units 60 --groups 12 "$@"

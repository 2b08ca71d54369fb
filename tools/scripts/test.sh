#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Sets up a Debian 12 machine, builds Floorline (dev preset: warnings are errors) and runs every
# test. This is README's test command and what CI runs.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash tools/scripts/setup-debian.sh
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/floorline-ccache}"
cmake --preset dev
cmake --build --preset dev
export QT_QPA_PLATFORM=offscreen
# shellcheck source=tools/scripts/jack-dummy.sh
source tools/scripts/jack-dummy.sh
ctest --preset dev --timeout 600 "$@"

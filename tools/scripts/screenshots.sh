#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Takes the documentation's screenshots of the console on its demo default, offscreen (no
# display needed): docs/screenshots/*.png. Usage: tools/scripts/screenshots.sh [build-dir]
set -euo pipefail
cd "$(dirname "$0")/../.."
build="${1:-build/release}"
mkdir -p docs/screenshots
export QT_QPA_PLATFORM=offscreen
# Long enough for the simulated fleet to log in and several groups to be talking.
"$build/app/floorline" --demo --no-audio --screenshot docs/screenshots/console.png \
  --screenshot-after 12
# The same console in German (i18n/floorline_de.ts).
LANG=de_DE.UTF-8 LC_ALL=de_DE.UTF-8 "$build/app/floorline" --demo --no-audio \
  --screenshot docs/screenshots/console-de.png --screenshot-after 12

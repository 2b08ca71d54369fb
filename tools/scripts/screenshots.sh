#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Takes the documentation's screenshots of the console on its demo default, offscreen (no
# display needed): docs/screenshots/console-<size>[-de].png at the default 1366x768, the
# 1024x600 minimum and 1920x1080, in English and German. docs/screenshots/console.png and
# console-de.png (README) are the 1366x768 ones.
# Usage: tools/scripts/screenshots.sh [build-dir]
set -euo pipefail
cd "$(dirname "$0")/../.."
build="${1:-build/release}"
mkdir -p docs/screenshots
export QT_QPA_PLATFORM=offscreen
# A fresh configuration: no window geometry or listening remembered from an earlier run.
config="$(mktemp -d)"
trap 'rm -rf "$config"' EXIT
for size in 1366x768 1024x600 1920x1080; do
  for lang in en de; do
    suffix=""
    locale=(env LANG=C.UTF-8 LC_ALL=C.UTF-8)
    if [ "$lang" = de ]; then suffix="-de"; locale=(env LANG=de_DE.UTF-8 LC_ALL=de_DE.UTF-8); fi
    # Long enough for the simulated fleet to log in and several groups to be talking.
    XDG_CONFIG_HOME="$config" "${locale[@]}" "$build/app/floorline" --demo --no-audio \
      --window-size "$size" --screenshot "docs/screenshots/console-$size$suffix.png" \
      --screenshot-after 14
  done
done
cp docs/screenshots/console-1366x768.png docs/screenshots/console.png
cp docs/screenshots/console-1366x768-de.png docs/screenshots/console-de.png

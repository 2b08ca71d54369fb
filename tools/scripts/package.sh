#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds the Debian packages (debian/) from a copy of this tree and checks them with lintian.
# The .deb files land in build/packages/ (override with OUT=dir); lintian's output is
# build/packages/lintian.txt, and any error or warning fails the script.
#   tools/scripts/package.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"
out="${OUT:-$root/build/packages}"
export DEBIAN_FRONTEND=noninteractive
need=(debhelper lintian dpkg-dev fakeroot)
missing=()
for p in "${need[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
if [ "${#missing[@]}" -gt 0 ]; then
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
# Always the same place, so that ccache finds what the last package build compiled.
work="${TMPDIR:-/tmp}/floorline-package"
rm -rf "$work"
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT
# The tree as committed plus what is changed in it, without build output.
mkdir "$work/floorline"
git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' f; do
  [ -e "$f" ] && printf '%s\0' "$f"
done | tar --null -T - -cf - | tar -C "$work/floorline" -xf -
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/floorline-ccache}" CCACHE_BASEDIR="$work"
(cd "$work/floorline" && dpkg-checkbuilddeps && dpkg-buildpackage -b -uc -us -j"$(nproc)")
mkdir -p "$out"
rm -f "$out"/*.deb "$out"/*.changes "$out"/*.buildinfo
mv "$work"/*.deb "$work"/*.changes "$work"/*.buildinfo "$out"/
ls -l "$out"/*.deb
lintian --fail-on error,warning --display-info "$out"/*.changes | tee "$out/lintian.txt"
echo "lintian: $(grep -cE '^[EW]: ' "$out/lintian.txt" || true) errors and warnings"

#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# What a desktop and a package manager read besides the programs: the desktop entry and the
# AppStream metainfo validate, the manual pages render without a warning, and the version is
# the same in CMake, debian/changelog and the metainfo's newest release.
#   check-installation.sh <source dir> <build dir>
set -euo pipefail
src="$1"
build="$2"
id=org.floorline.Floorline
desktop-file-validate "$src/installer/linux/$id.desktop"
appstreamcli validate --no-net "$src/installer/linux/$id.metainfo.xml"
pages=("$build"/installer/man/*.1)
[ -e "${pages[0]}" ] || { echo "no manual pages in $build/installer/man (help2man missing?)"; exit 1; }
for page in "${pages[@]}"; do
  warnings="$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null || true)"
  [ -z "$warnings" ] || { echo "$page: $warnings"; exit 1; }
done
cmake_version="$(sed -n 's/^project(Floorline VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")"
deb_version="$(sed -n '1s/^floorline (\([^)-]*\).*/\1/p' "$src/debian/changelog")"
meta_version="$(grep -o '<release version="[^"]*"' "$src/installer/linux/$id.metainfo.xml" \
  | head -1 | cut -d'"' -f2)"
if [ "$cmake_version" != "$deb_version" ] || [ "$cmake_version" != "$meta_version" ]; then
  echo "versions differ: CMake $cmake_version, debian/changelog $deb_version, metainfo $meta_version"
  exit 1
fi
echo "desktop entry, metainfo and $(ls "$build"/installer/man/*.1 | wc -l) manual pages valid; version $cmake_version"

#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# What of the Windows build can be checked on Debian: the workflow (.github/workflows/
# windows.yml) is valid YAML whose every step has a name and which has each step the build
# needs; the installer script compiles with Debian's makensis against a staged tree shaped as
# windeployqt leaves it; the Windows-only C++ sources compile with MinGW against Debian's Qt
# headers (syntax and types only: nothing links or runs). Neither MSVC nor the installer
# itself runs here.
#   check-windows.sh <source dir>
set -euo pipefail
src="$1"
qt=/usr/include/x86_64-linux-gnu/qt6
for f in core/input/rawinputbuttons.cpp; do
  # Qt's Linux headers under MinGW warn about their own dllimport attributes: not ours.
  x86_64-w64-mingw32-g++-posix -std=c++20 -fsyntax-only -Wall -Wextra -Werror -Wno-attributes \
    -DUNICODE -D_UNICODE -I"$qt" -I"$qt/QtCore" -I"$src" -I"$src/core/input" "$src/$f"
  echo "compiles for Windows (MinGW, syntax): $f"
done
/usr/bin/python3 - "$src/.github/workflows/windows.yml" <<'PY'
import sys
import yaml
with open(sys.argv[1]) as f:
    flow = yaml.safe_load(f)
steps = flow["jobs"]["build"]["steps"]
unnamed = [i for i, s in enumerate(steps) if not s.get("name")]
assert not unnamed, "steps without a name: %s" % unnamed
for s in steps:
    assert ("uses" in s) != ("run" in s), "step %r must either use an action or run" % s["name"]
needed = ["Check out", "MSVC developer environment", "Install Qt 6.4.2",
          "Install libraries with vcpkg", "Configure", "Build", "Unit tests",
          "Stage with windeployqt", "Make the installer (NSIS)", "Upload the installer"]
names = [s["name"] for s in steps]
assert names == needed, "steps %s, expected %s" % (names, needed)
print("workflow: %d named steps" % len(steps))
PY
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
for f in floorline.exe floorline-server.exe floorline-sim.exe floorline-latch.exe Qt6Core.dll \
         Qt6Quick.dll opus.dll portaudio.dll; do
  printf 'MZ' > "$stage/$f"
done
mkdir -p "$stage/qml/QtQuick/Controls" "$stage/tls" "$stage/multimedia" "$stage/platforms"
printf 'module QtQuick.Controls\n' > "$stage/qml/QtQuick/Controls/qmldir"
printf 'MZ' > "$stage/tls/qopensslbackend.dll"
printf 'MZ' > "$stage/platforms/qwindows.dll"
cp "$src/LICENSE" "$stage/LICENSE.txt"
version="$(sed -n 's/^project(Floorline VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")"
makensis -V2 -WX -DSTAGE="$stage" -DVERSION="$version" -DOUTFILE="$stage/floorline-$version-setup.exe" \
  "$src/installer/windows/floorline.nsi"
[ "$(head -c 2 "$stage/floorline-$version-setup.exe")" = MZ ]
echo "installer script compiles: $(stat -c %s "$stage/floorline-$version-setup.exe") bytes for version $version"

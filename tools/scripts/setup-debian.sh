#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs everything Floorline needs to build, test and run on Debian 12 (bookworm).
set -euo pipefail
packages=(
  build-essential cmake ninja-build ccache pkg-config git
  qt6-base-dev qt6-websockets-dev libqt6sql6-sqlite
  qt6-declarative-dev qt6-tools-dev qt6-l10n-tools
  qml6-module-qt-labs-qmlmodels qml6-module-qttest xvfb xauth
  libopus-dev libspeexdsp-dev portaudio19-dev jackd2
  espeak-ng sox
  help2man librsvg2-bin # manual pages from --help, PNG icons from the SVG (installer/)
  desktop-file-utils appstream man-db # the test check_installation validates what installer/ installs
  nsis python3-yaml # the test check_windows: the installer script compiles, the workflow parses
  g++-mingw-w64-x86-64-posix # … and the Windows-only sources compile (syntax, against Qt's headers)
  libqrencode-dev zbar-tools # pairing QR codes; the tests scan them as a phone would
  libsodium-dev # argon2id password hashes (the server)
  libsrtp2-dev # SRTP on voice (AES-128-GCM)
  libogg-dev # the server records every talk spurt as Ogg Opus (RFC 7845)
  opus-tools # opusdec: the recording tests decode with a decoder of their own
  libxcb1-dev libxcb-xkb-dev # global push-to-talk keys: the X server's key grab (core/input)
  gstreamer1.0-tools # gst-launch-1.0: the plain-RTP interop test (tst_serversrtp)
  libssl-dev # self-signed TLS certificates (the server); Qt's TLS backend uses OpenSSL too
  clang libclang-rt-14-dev # the libFuzzer targets (tools/scripts/fuzz.sh)
  # Videos pushed to the console: Qt Multimedia on GStreamer (MP4/H.264, WebM)
  gstreamer1.0-plugins-base gstreamer1.0-plugins-good
  gstreamer1.0-libav
  python3 # tools/scripts/check-translations.sh reads the .ts XML with it
  # The desktop tests (tests/desktop): the real window under Xvfb, X11 input through XTest,
  # the accessibility tree over AT-SPI, another X client to take the focus, screenshots
  xdotool x11-xserver-utils x11-utils xterm imagemagick dbus dbus-x11 at-spi2-core
  python3-pyatspi gir1.2-atspi-2.0
  # The phone page test (tests/browser): Debian's Chromium driven by puppeteer-core on Node.js
  chromium nodejs
)
# Every QML module the console loads at run time, derived from ui/ (qml-runtime-deps.py).
while read -r p; do
  p="${p%%#*}"
  [ -n "${p// /}" ] && packages+=("${p// /}")
done < "$(dirname "$0")/qml-packages.txt"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
# npm comes with Node.js where it was installed from NodeSource; Debian packages it apart.
if ! command -v npm >/dev/null; then
  $SUDO apt-get install -y -q --no-install-recommends npm
fi
# puppeteer-core for tests/browser, at the versions package-lock.json pins (no browser download:
# the test drives /usr/bin/chromium).
npm ci --prefix "$(dirname "$0")/../../tests/browser" --no-audit --no-fund --loglevel=error

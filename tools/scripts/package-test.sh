#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs the packages of build/packages/ (tools/scripts/package.sh) with apt into a clean
# Debian 12 root made from Debian's archive, so that apt resolves every dependency from there,
# and uses them as an operator and a dispatcher would: floorline --version, the server started
# as its systemd unit starts it (its user, its configuration file, TLS on a certificate made on
# the first start), the console offscreen on its demo for 10 s with a screenshot. Then removes
# the packages and checks that only configuration and data are left, and that purging takes
# those too. Needs root (mmdebstrap's root mode). The screenshot is build/packages/clean-root.png.
#   tools/scripts/package-test.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${OUT:-$PWD/build/packages}"
ls "$out"/floorline_*.deb "$out"/floorline-server_*.deb >/dev/null
export DEBIAN_FRONTEND=noninteractive
dpkg-query -W -f='${Status}' mmdebstrap 2>/dev/null | grep -q "install ok installed" \
  || apt-get install -y -q --no-install-recommends mmdebstrap
# The same archive this machine installs from.
mirror="$(sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -1)"
mirror="${mirror:-http://deb.debian.org/debian}"
root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT
rm -f "$out/clean-root.png" "$out/clean-root.log"
mmdebstrap --variant=apt --mode=root --quiet \
  --customize-hook="mkdir -p \"\$1/tmp/debs\"" \
  --customize-hook="copy-in $(ls "$out"/floorline_*.deb "$out"/floorline-server_*.deb | tr '\n' ' ') /tmp/debs/" \
  --customize-hook="upload tools/scripts/package-test-inside.sh /tmp/inside.sh" \
  --customize-hook='chroot "$1" bash /tmp/inside.sh' \
  --customize-hook="download /tmp/clean-root.png $out/clean-root.png" \
  --customize-hook="download /tmp/console.log $out/clean-root.log" \
  bookworm "$root/fs" "$mirror"
# The screenshot must show the live demo, not an empty window: many colours, and the console
# logged in with talkers on screen.
grep -q "link Online" "$out/clean-root.log" || { echo "the console never came online"; exit 1; }
colours="$(identify -format '%k' "$out/clean-root.png")"
echo "screenshot: $(identify -format '%wx%h' "$out/clean-root.png"), $colours colours"
[ "$colours" -gt 500 ] || { echo "the screenshot looks empty"; exit 1; }
echo "package test passed"

#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Runs inside the clean Debian root of package-test.sh: install, use, remove, purge.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
snapshot() { find / -xdev \( -path /proc -o -path /sys -o -path /dev -o -path /tmp -o -path /run \
  -o -path /var/cache -o -path /var/lib/apt -o -path /var/lib/dpkg -o -path /var/log \) -prune \
  -o -print | sort; }
apt-get update -q
echo "== install (apt resolves every dependency from the archive)"
apt-get install -y -q /tmp/debs/*.deb
dpkg -L floorline floorline-server | sort -u > /tmp/owned.txt
echo "== floorline --version"
floorline --version
echo "== the server, as its unit starts it"
id _floorline
unit=/lib/systemd/system/floorline-server.service
[ -f "$unit" ] || unit=/usr/lib/systemd/system/floorline-server.service
# systemd would make the state directory (StateDirectory=, 0700) and read the configuration
# file (EnvironmentFile=); then it runs ExecStart as User=.
install -d -m 0700 -o _floorline -g _floorline /var/lib/floorline-server
set -a
# shellcheck disable=SC1091
. /etc/floorline/server.conf
set +a
exec_start="$(sed -n 's/^ExecStart=//p' "$unit")"
runuser -u _floorline -- bash -c "exec $exec_start" > /tmp/server.log 2>&1 &
server=$!
for _ in $(seq 100); do grep -q "signaling on wss://" /tmp/server.log && break; sleep 0.1; done
cat /tmp/server.log
grep -q "signaling on wss://127.0.0.1:7700" /tmp/server.log
ls -l /var/lib/floorline-server /var/lib/floorline-server/server-tls
[ "$(stat -c %a /var/lib/floorline-server/server.sqlite)" = 600 ]
runuser -u _floorline -- floorline-server --db /var/lib/floorline-server/server.sqlite --fingerprint
kill "$server"; wait "$server" || true
echo "== the console on its demo, offscreen, 10 s"
QT_QPA_PLATFORM=offscreen floorline --no-audio --screenshot /tmp/clean-root.png \
  --screenshot-after 10 > /tmp/console.log 2>&1 || { cat /tmp/console.log; exit 1; }
grep -c . /tmp/console.log
echo "== remove: configuration and data stay, nothing else of ours"
apt-get remove -y -q floorline floorline-server
left=0
while read -r path; do
  [ -e "$path" ] || continue
  [ -d "$path" ] && continue # a directory other packages share (/usr/bin, …)
  case "$path" in
    /etc/floorline/*) ;; # conffiles
    *) echo "left behind after remove: $path"; left=1 ;;
  esac
done < /tmp/owned.txt
ls -l /etc/floorline
[ -d /var/lib/floorline-server ] # the server's data is kept
echo "== purge: configuration and data go too"
dpkg --purge floorline floorline-server # apt no longer knows packages installed from files
for gone in /etc/floorline /var/lib/floorline-server; do
  [ ! -e "$gone" ] || { echo "left behind after purge: $gone"; left=1; }
done
# Nothing of ours anywhere but the dispatcher's own settings in their home (never a
# package's to remove).
if snapshot | grep -i floorline | grep -vE '^/root/\.(config|local/share|cache)/Floorline'; then
  echo "(left behind after purge)"
  left=1
fi
exit "$left"

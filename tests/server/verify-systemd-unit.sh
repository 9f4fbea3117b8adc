#!/bin/sh
# Checks data/systemd/gestiona-server.service (as configured by meson):
#   tests/server/verify-systemd-unit.sh UNIT GESTIONA_SERVER
# With systemd-analyze: `systemd-analyze verify` on a copy whose ExecStart is the built
# server (verify wants the program to exist). Without it: the sections and keys that matter
# are there. Prints TAP.
set -eu
unit=$1
server=$(realpath "$2")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "1..2"

n=0
for key in '^\[Unit\]' '^\[Service\]' '^\[Install\]' '^ExecStart=/' '^Restart=on-failure' '^LimitNOFILE=' \
           '^User=gestiona' '^NoNewPrivileges=yes' '^ProtectSystem=strict' '^PrivateTmp=yes'; do
  grep -q "$key" "$unit" || { echo "# missing: $key"; n=$((n + 1)); }
done
[ "$n" -eq 0 ] && echo "ok 1 /server/X3/16.2/systemd-unit-keys" || echo "not ok 1 /server/X3/16.2/systemd-unit-keys"

if command -v systemd-analyze >/dev/null 2>&1; then
  sed "s|^ExecStart=[^ ]*|ExecStart=$server|" "$unit" >"$tmp/gestiona-server.service"
  if out=$(SYSTEMD_LOG_LEVEL=warning systemd-analyze verify --man=no "$tmp/gestiona-server.service" 2>&1) \
     && ! printf '%s' "$out" | grep -q .; then
    echo "ok 2 /server/X3/16.2/systemd-unit-verify"
  else
    printf '%s\n' "$out" | sed 's/^/# /'
    echo "not ok 2 /server/X3/16.2/systemd-unit-verify"
  fi
else
  echo "ok 2 /server/X3/16.2/systemd-unit-verify # SKIP systemd-analyze is not installed"
fi

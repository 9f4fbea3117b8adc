#!/bin/sh
# Runs a test program with a private, unlocked GNOME Keyring (the Secret Service), inside the
# session bus of `dbus-run-session -- sh tests/keyring-env.sh PROGRAM [ARGS...]`. HOME and the
# XDG folders point to a temporary folder, so the user's own keyring is never touched; the
# daemon leaves with the bus. Sets GESTIONA_TEST_KEYRING=1 for the program.
set -eu

if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
  echo "keyring-env: no session bus; run me under dbus-run-session" >&2
  exit 1
fi
if ! command -v gnome-keyring-daemon >/dev/null; then
  echo "keyring-env: gnome-keyring-daemon is missing: install gnome-keyring (build-aux/deps does)" >&2
  exit 1
fi

tmp=$(mktemp -d /tmp/gestiona-keyring.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" \
       XDG_CACHE_HOME="$tmp/cache" XDG_RUNTIME_DIR="$tmp/run"
mkdir -m 700 "$XDG_RUNTIME_DIR"

# --unlock reads the new login keyring's password on stdin and creates it unlocked. The daemon
# may warn (no fd limit, no PAM): that must not abort it (G_DEBUG of the tests).
printf 'gestiona-test' | env -u G_DEBUG gnome-keyring-daemon --unlock --components=secrets >"$tmp/keyring.env" \
  || { echo "keyring-env: gnome-keyring-daemon did not start" >&2; exit 1; }

export GESTIONA_TEST_KEYRING=1
"$@"

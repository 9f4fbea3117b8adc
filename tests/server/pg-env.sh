#!/bin/bash
# Runs a test program against a throwaway PostgreSQL 15 and gestiona-server.
#
#   tests/server/pg-env.sh GESTIONA_SERVER TEST_PROGRAM [ARGS...]
#
# Starts PostgreSQL in a temporary folder (as the postgres user when run as root: initdb
# refuses root), on a unix socket there and 127.0.0.1 on a free port; creates the owner role
# gestiona_owner and the database; runs `gestiona-server admin migrate` as the owner (which
# creates the app role gestiona_app); starts `gestiona-server serve` on another free port as
# gestiona_app; runs the test program with GESTIONA_TEST_SERVER_URL, GESTIONA_SERVER,
# GESTIONA_SERVER_PG, GESTIONA_SERVER_ADMIN_PG and GESTIONA_SERVER_MAX_BODY set; and stops
# everything, even when something fails. The test program's exit status is the script's.
set -u

server_bin=$(realpath "$1")
shift
test_bin=$1
shift

pg_bindir=/usr/lib/postgresql/15/bin
if [ ! -x "$pg_bindir/initdb" ]; then
  echo "pg-env: PostgreSQL 15 is missing: install postgresql-15 (build-aux/deps does)" >&2
  exit 1
fi

# GESTIONA_PG_PARENT: where the cluster lives (bench-sync puts it in /dev/shm: on a dealer's
# desktop no database server writes to the same disk as the desktop's own saves).
pg_parent="${GESTIONA_PG_PARENT:-/tmp}"
[ -d "$pg_parent" ] && [ -w "$pg_parent" ] || pg_parent=/tmp
tmp=$(mktemp -d "$pg_parent/gestiona-pg.XXXXXX")
server_pid=""
run_pg=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres: "$tmp"
  run_pg=(runuser -u postgres --)
fi

cleanup() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null
    wait "$server_pid" 2>/dev/null
  fi
  if [ -f "$tmp/data/postmaster.pid" ]; then
    "${run_pg[@]}" "$pg_bindir/pg_ctl" -D "$tmp/data" -m immediate stop >/dev/null 2>&1
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

fail() {
  echo "pg-env: $*" >&2
  for log in "$tmp/pg.log" "$tmp/server.log"; do
    [ -f "$log" ] && { echo "--- $log" >&2; tail -n 40 "$log" >&2; }
  done
  exit 1
}

pg_port=$(free_port)
"${run_pg[@]}" "$pg_bindir/initdb" -D "$tmp/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
  --no-sync >"$tmp/initdb.log" 2>&1 || { cat "$tmp/initdb.log" >&2; fail "initdb failed"; }
"${run_pg[@]}" "$pg_bindir/pg_ctl" -D "$tmp/data" -w -t 60 -l "$tmp/pg.log" \
  -o "-p $pg_port -k $tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60" \
  start >/dev/null || fail "PostgreSQL did not start"

psql=("$pg_bindir/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -U postgres)
"${psql[@]}" -d postgres -c "CREATE ROLE gestiona_owner LOGIN CREATEROLE" \
  -c "CREATE DATABASE gestiona OWNER gestiona_owner" >&2 || fail "could not create the database"

export GESTIONA_SERVER_ADMIN_PG="host=127.0.0.1 port=$pg_port dbname=gestiona user=gestiona_owner"
export GESTIONA_SERVER_PG="host=127.0.0.1 port=$pg_port dbname=gestiona user=gestiona_app"
export GESTIONA_SERVER_MAX_BODY=${GESTIONA_SERVER_MAX_BODY:-262144}
export GESTIONA_SERVER_WORKERS=${GESTIONA_SERVER_WORKERS:-4}
export GESTIONA_SERVER="$server_bin"
# The tests compare the English messages.
export LC_ALL=C.UTF-8 LANGUAGE=

"$server_bin" admin migrate >&2 || fail "migrate failed"

# A configuration file, so that a system /etc/gestiona/server.conf plays no part; the
# environment overrides it (GESTIONA_SERVER_LISTEN below).
http_port=$(free_port)
printf '[server]\nlisten = 127.0.0.1:1\nworkers = 4\n' >"$tmp/server.conf"
# The server logs database failures as warnings: they must not abort it (G_DEBUG of the tests).
GESTIONA_SERVER_LISTEN="127.0.0.1:$http_port" env -u G_DEBUG "$server_bin" --config "$tmp/server.conf" serve \
  >"$tmp/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$http_port") 2>/dev/null; then
    break
  fi
  kill -0 "$server_pid" 2>/dev/null || fail "gestiona-server exited"
  sleep 0.1
done
(exec 3<>"/dev/tcp/127.0.0.1/$http_port") 2>/dev/null || fail "gestiona-server does not answer"

export GESTIONA_TEST_SERVER_URL="http://127.0.0.1:$http_port"
"$test_bin" "$@"
rc=$?
if [ "$rc" -ne 0 ]; then
  echo "--- gestiona-server log" >&2
  tail -n 60 "$tmp/server.log" >&2
fi
exit "$rc"

#!/bin/bash
# Runs a test program against several gestiona-server processes behind nginx, on one
# throwaway PostgreSQL 15 (X3, issue 16: scale of the Conauto side).
#
#   tests/server/nginx-env.sh [--servers N] [--direct] GESTIONA_SERVER TEST_PROGRAM [ARGS...]
#
# tests/server/pg-env.sh starts PostgreSQL and the first server and runs this script again
# inside (--inner), which starts N - 1 more servers (N = 2 by default) on other loopback ports
# with the same settings, and nginx (Debian package nginx-light) as root, in the foreground,
# with a configuration written into a temporary folder from data/nginx/gestiona-server.conf:
# its upstream lists the test's servers, it listens on 127.0.0.1 on a free port with plain
# HTTP (no TLS in the test) and its body limit is the servers' max_body. The test program runs
# with GESTIONA_TEST_SERVER_URL pointing at nginx and the variables of pg-env.sh, plus
# GESTIONA_TEST_SERVER_PIDS (the servers' process ids, for memory figures),
# GESTIONA_TEST_SERVER_URLS (each server's own address) and GESTIONA_TEST_NGINX_PID. --direct
# (one server only) starts no nginx: the test talks to the server itself, with the same
# variables, so a benchmark compares both set-ups. Everything stops when the program ends,
# whatever happens; its exit status is the script's.
set -u

here=$(dirname "$(realpath "$0")")

if [ "${1:-}" != "--inner" ]; then
  servers=2
  direct=0
  while [ $# -gt 0 ]; do
    case "$1" in
      --servers) servers=$2; shift 2 ;;
      --direct) direct=1; shift ;;
      *) break ;;
    esac
  done
  if [ $# -lt 2 ]; then
    echo "usage: nginx-env.sh [--servers N] [--direct] GESTIONA_SERVER TEST_PROGRAM [ARGS...]" >&2
    exit 2
  fi
  if ! [ "$servers" -ge 1 ] 2>/dev/null || { [ "$direct" -eq 1 ] && [ "$servers" -ne 1 ]; }; then
    echo "nginx-env: --servers takes a number ≥ 1, and --direct only one server" >&2
    exit 2
  fi
  server_bin=$1
  shift
  exec bash "$here/pg-env.sh" "$server_bin" bash "$(realpath "$0")" --inner "$servers" "$direct" "$@"
fi

# Inside pg-env.sh: PostgreSQL and the first server run; GESTIONA_* are set.
shift
servers=$1
direct=$2
shift 2
server_bin=$GESTIONA_SERVER
first_url=$GESTIONA_TEST_SERVER_URL

tmp=$(mktemp -d /tmp/gestiona-nginx.XXXXXX)
extra_pids=()
nginx_pid=""

cleanup() {
  if [ -n "$nginx_pid" ]; then
    kill -QUIT "$nginx_pid" 2>/dev/null
    for _ in $(seq 1 50); do
      kill -0 "$nginx_pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "$nginx_pid" 2>/dev/null
    wait "$nginx_pid" 2>/dev/null
  fi
  for pid in "${extra_pids[@]}"; do
    kill "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
  done
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

fail() {
  echo "nginx-env: $*" >&2
  for log in "$tmp"/server-*.log "$tmp/nginx-error.log"; do
    [ -f "$log" ] && { echo "--- $log" >&2; tail -n 40 "$log" >&2; }
  done
  exit 1
}

wait_port() {
  local port=$1 pid=$2 what=$3
  for _ in $(seq 1 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
    kill -0 "$pid" 2>/dev/null || fail "$what exited"
    sleep 0.1
  done
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || fail "$what does not answer on port $port"
}

# The first server is pg-env.sh's child, as this script is: the sibling running server_bin.
first_pid=""
server_real=$(realpath "$server_bin")
for stat in /proc/[0-9]*/stat; do
  pid=${stat#/proc/}
  pid=${pid%/stat}
  line=$(cat "$stat" 2>/dev/null) || continue
  line=${line##*) }                 # after the command name, which may hold spaces
  read -r -a fields <<<"$line"
  if [ "${fields[1]:-}" = "$PPID" ] && [ "$(readlink "/proc/$pid/exe" 2>/dev/null)" = "$server_real" ]; then
    first_pid=$pid
  fi
done
[ -n "$first_pid" ] || fail "could not find pg-env.sh's gestiona-server"

pids=("$first_pid")
urls=("$first_url")
printf '[server]\nlisten = 127.0.0.1:1\nworkers = %s\n' "${GESTIONA_SERVER_WORKERS:-4}" >"$tmp/server.conf"
for i in $(seq 2 "$servers"); do
  port=$(free_port)
  GESTIONA_SERVER_LISTEN="127.0.0.1:$port" env -u G_DEBUG "$server_bin" --config "$tmp/server.conf" serve \
    >"$tmp/server-$i.log" 2>&1 &
  extra_pids+=("$!")
  wait_port "$port" "$!" "gestiona-server $i"
  pids+=("$!")
  urls+=("http://127.0.0.1:$port")
done

export GESTIONA_TEST_SERVER_PIDS="${pids[*]}"
export GESTIONA_TEST_SERVER_URLS="${urls[*]}"

if [ "$direct" -eq 0 ]; then
  nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
  [ -x "$nginx_bin" ] || fail "nginx is missing: install nginx-light (build-aux/deps does)"
  nginx_port=$(free_port)
  mkdir -p "$tmp/nginx"
  # The shipped example, for a test: its upstream lists our servers; the HTTPS server listens
  # on 127.0.0.1 in plain HTTP; the redirect from port 80 goes; the body limit is the servers'.
  python3 - "$here/../../data/nginx/gestiona-server.conf" "$tmp/nginx/site.conf" "$nginx_port" \
    "${GESTIONA_SERVER_MAX_BODY}" "${urls[@]}" <<'EOF' || fail "could not adapt data/nginx/gestiona-server.conf"
import re, sys
src, dst, port, max_body, urls = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:]
text = open(src).read()
# Blocks at the top level: upstream {...} and server {...} (no nested braces but location).
out, depth, block = [], 0, []
for line in text.splitlines():
    stripped = line.strip()
    if depth == 0 and not stripped.startswith(("upstream", "server")):
        continue
    block.append(line)
    depth += line.count("{") - line.count("}")
    if depth == 0 and block:
        out.append(block)
        block = []
result = []
seen_upstream_server = False
for block in out:
    joined = "\n".join(block)
    if block[0].strip().startswith("server") and re.search(r"^\s*return 301", joined, re.M):
        continue                              # the redirect from port 80
    lines = []
    for line in block:
        s = line.strip()
        if block[0].strip().startswith("upstream") and re.match(r"server\s", s):
            if not seen_upstream_server:
                seen_upstream_server = True
                params = " ".join(s.rstrip(";").split()[2:])
                for url in urls:
                    lines.append("    server %s %s;" % (url.split("//")[1], params))
            continue
        if s.startswith("listen"):
            if "[::]" not in s:
                lines.append("    listen 127.0.0.1:%s;" % port)
            continue
        if s.startswith(("ssl_", "add_header Strict-Transport-Security")):
            continue
        if s.startswith("client_max_body_size") and line.startswith("    client"):
            line = "    client_max_body_size %s;" % max_body
        lines.append(line)
    result.append("\n".join(lines))
if not seen_upstream_server or "listen 127.0.0.1" not in "\n".join(result):
    sys.exit("no upstream servers or listen line found")
open(dst, "w").write("\n\n".join(result) + "\n")
EOF
  user_line=""
  [ "$(id -u)" -eq 0 ] && user_line="user root;"
  cat >"$tmp/nginx/nginx.conf" <<EOF
$user_line
worker_processes 2;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx-error.log warn;
events {
    worker_connections 2048;
}
http {
    # Which server answered each request: counted per server when the program ends.
    log_format upstreams '\$upstream_addr \$status';
    access_log $tmp/nginx-access.log upstreams;
    client_body_temp_path $tmp/nginx/client-body;
    proxy_temp_path $tmp/nginx/proxy;
    fastcgi_temp_path $tmp/nginx/fastcgi;
    uwsgi_temp_path $tmp/nginx/uwsgi;
    scgi_temp_path $tmp/nginx/scgi;
    include $tmp/nginx/site.conf;
}
EOF
  "$nginx_bin" -e "$tmp/nginx-error.log" -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" -g 'daemon off;' \
    >"$tmp/nginx.out" 2>&1 &
  nginx_pid=$!
  wait_port "$nginx_port" "$nginx_pid" "nginx"
  export GESTIONA_TEST_NGINX_PID=$nginx_pid
  export GESTIONA_TEST_SERVER_URL="http://127.0.0.1:$nginx_port"
fi

"$@"
rc=$?
if [ -s "$tmp/nginx-access.log" ]; then
  # "127.0.0.1:P1 200" lines; a retried request lists "A, B": each counts for the last.
  summary=$(sed 's/.*, //' "$tmp/nginx-access.log" | awk '{ n[$1]++ } END { for (u in n) printf " %s %d", u, n[u] }')
  echo "nginx-env: requests per server:$summary" >&2
fi
if [ "$rc" -ne 0 ]; then
  for log in "$tmp"/server-*.log "$tmp/nginx-error.log"; do
    [ -s "$log" ] && { echo "--- $log" >&2; tail -n 40 "$log" >&2; }
  done
fi
exit "$rc"

#!/usr/bin/env bash
# Starts (or stops) the PostgreSQL and Redis servers the test suite runs against, on loopback,
# with throw-away data under .services/. Prints the environment the tests read.
#   scripts/test-services.sh start|stop|env
# Ports: CHATCOUNCIL_TEST_PG_PORT / CHATCOUNCIL_TEST_REDIS_PORT if set, else the ones this checkout used last
# (.services/ports), else 55432 / 56379; a port another program holds (another checkout's servers) moves to the
# next free one, and the choice is written to .services/ports for stop and env.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
state="$root/.services"
pg_port=55432
redis_port=56379
[ -f "$state/ports" ] && read -r pg_port redis_port < "$state/ports"
pg_port="${CHATCOUNCIL_TEST_PG_PORT:-$pg_port}"
redis_port="${CHATCOUNCIL_TEST_REDIS_PORT:-$redis_port}"

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { local port=$1; while listening "$port"; do port=$((port + 1)); done; echo "$port"; }

pg_bin() {
  for d in /usr/lib/postgresql/*/bin; do [ -x "$d/pg_ctl" ] && { echo "$d"; return; }; done
  dirname "$(command -v pg_ctl)"
}

as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

start_pg() {
  local bin data="$state/pg"
  bin="$(pg_bin)"
  mkdir -p "$state"
  if [ ! -f "$data/PG_VERSION" ]; then
    rm -rf "$data"; mkdir -p "$data"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$data" "$state"
    as_postgres "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 >/dev/null
  fi
  if as_postgres "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    pg_port="$(sed -n 4p "$data/postmaster.pid")"
  else
    [ -n "${CHATCOUNCIL_TEST_PG_PORT:-}" ] || pg_port="$(free_port "$pg_port")"
    as_postgres "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w \
      -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $data -c fsync=off -c max_connections=200" start >/dev/null
  fi
}

ours_redis() { [ "$(redis-cli -p "$redis_port" config get dir 2>/dev/null | sed -n 2p)" = "$state/redis" ]; }

start_redis() {
  mkdir -p "$state/redis"
  if ! ours_redis; then
    [ -n "${CHATCOUNCIL_TEST_REDIS_PORT:-}" ] || redis_port="$(free_port "$redis_port")"
    redis-server --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no \
      --dir "$state/redis" --daemonize yes --logfile "$state/redis/redis.log" >/dev/null
    for _ in $(seq 50); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done
  fi
}

print_env() {
  echo "export CHATCOUNCIL_TEST_POSTGRES='Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres'"
  echo "export CHATCOUNCIL_TEST_REDIS='127.0.0.1:$redis_port'"
}

case "${1:-start}" in
  start) start_pg; start_redis; echo "$pg_port $redis_port" > "$state/ports"; print_env ;;
  env) print_env ;;
  stop)
    [ -d "$state/pg" ] && as_postgres "$(pg_bin)/pg_ctl" -D "$state/pg" -m fast stop >/dev/null 2>&1 || true
    if ours_redis; then redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true; fi ;;
  *) echo "usage: $0 start|stop|env" >&2; exit 2 ;;
esac

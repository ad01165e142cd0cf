#!/usr/bin/env bash
# A throw-away local PostgreSQL 15 + PostGIS cluster for tests and benchmarks.
#
#   scripts/postgres.sh start   # prints the URL: export PK_TEST_PG_URL=$(scripts/postgres.sh start)
#   scripts/postgres.sh stop    # stops it (data kept for a fast restart)
#   scripts/postgres.sh clean   # stops it and deletes the cluster
#   scripts/postgres.sh url     # prints the URL of the running cluster
#
# The cluster lives in $PK_PG_DIR (default build/pg), listens only on a unix socket in that
# directory (no TCP, so no port clashes with other clusters), and runs as the `postgres` user
# when started by root. Durability is switched off (fsync=off): it is for tests only.
# Idempotent: start reuses a running cluster, clears a stale postmaster.pid, and creates the
# database `pk_test` with the postgis and rum extensions once.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
base=${PK_PG_DIR:-$repo/build/pg}
data=$base/data
sock=$base/sock
log=$base/server.log
db=pk_test
port=${PK_PG_PORT:-55432}

say() { echo "postgres.sh: $*" >&2; }
die() { say "$*"; exit 1; }

bindir=""
for d in /usr/lib/postgresql/15/bin $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -Vr); do
  if [ -x "$d/pg_ctl" ]; then bindir=$d; break; fi
done
[ -n "$bindir" ] || die "PostgreSQL is not installed (apt-get install -y postgresql postgis)"

if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || die "running as root but there is no 'postgres' user to run the server"
  as_pg() { runuser -u postgres -- "$@"; }
  owner=postgres
else
  as_pg() { "$@"; }
  owner=$(id -un)
fi

url() {
  local enc=${sock//\//%2F}
  echo "postgresql://postgres@/${db}?host=${enc}&port=${port}"
}

# Running = a pid file AND a server that answers on our socket (a postmaster killed with -9 can
# leave a pid file, or a zombie that `pg_ctl status` still counts as alive).
running() { [ -f "$data/postmaster.pid" ] && as_pg "$bindir/pg_isready" -q -h "$sock" -p "$port" >/dev/null 2>&1; }

psql_pg() { as_pg "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h "$sock" -p "$port" -U postgres "$@"; }

start() {
  mkdir -p "$base" "$sock"
  chown "$owner" "$base" "$sock"
  chmod 700 "$sock"
  if [ -f "$base/port" ]; then port=$(cat "$base/port"); fi
  if [ ! -f "$data/PG_VERSION" ]; then
    rm -rf "$data"
    mkdir -p "$data" && chown "$owner" "$data" && chmod 700 "$data"
    say "initdb in $data"
    as_pg "$bindir/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >"$base/initdb.log" 2>&1 ||
      as_pg "$bindir/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --no-locale --no-sync >"$base/initdb.log" 2>&1 ||
      die "initdb failed, see $base/initdb.log"
  fi
  if running; then
    say "already running ($data)"
  else
    # A postmaster.pid whose process is gone (kill -9, reboot) blocks start: remove it.
    if [ -f "$data/postmaster.pid" ]; then
      pid=$(head -1 "$data/postmaster.pid")
      state=$(awk '/^State:/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
      if [ -z "$state" ] || [ "$state" = Z ]; then
        say "removing stale postmaster.pid ($pid)"
        rm -f "$data/postmaster.pid"
      else
        as_pg "$bindir/pg_ctl" -D "$data" -m fast -w -t 20 stop >/dev/null 2>&1 || true  # alive but not answering
      fi
    fi
    local tries=0
    until as_pg "$bindir/pg_ctl" -D "$data" -l "$log" -w -t 60 -o \
        "-k $sock -p $port -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" \
        start >/dev/null 2>&1; do
      tries=$((tries + 1))
      [ $tries -lt 5 ] || die "could not start the server, see $log"
      port=$((port + 1))  # the socket name is taken (another cluster in this dir?): next port
      say "retrying on port $port"
    done
    echo "$port" >"$base/port"
    say "started on socket $sock port $port"
  fi
  if ! psql_pg -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$db'" | grep -q 1; then
    psql_pg -d postgres -c "CREATE DATABASE $db" >/dev/null
  fi
  psql_pg -d "$db" -c "CREATE EXTENSION IF NOT EXISTS postgis" >/dev/null 2>&1 ||
    say "warning: CREATE EXTENSION postgis failed (is the postgis package installed?)"
  # RUM (word + date in one index) for date-sorted text queries; in public, so dropping a test's
  # schema never drops it. Without it the store keeps its GIN index and plan.
  psql_pg -d "$db" -c "CREATE EXTENSION IF NOT EXISTS rum SCHEMA public" >/dev/null 2>&1 ||
    say "warning: CREATE EXTENSION rum failed (is postgresql-15-rum installed?); text queries use GIN"
  url | tee "$base/url"
}

stop() {
  if [ -f "$base/port" ]; then port=$(cat "$base/port"); fi
  if running; then
    as_pg "$bindir/pg_ctl" -D "$data" -m fast -w stop >/dev/null && say "stopped"
  else
    say "not running"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  clean) stop; rm -rf "$base" ;;
  url) [ -f "$base/port" ] && port=$(cat "$base/port"); running || die "not running"; url ;;
  *) echo "usage: $0 start|stop|clean|url" >&2; exit 2 ;;
esac

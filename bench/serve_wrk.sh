#!/bin/sh
# /api/clusters latency under load: fills a store with the store engineer's generator (unless
# PK_BENCH_DB names one), starts `pressekarte serve --read-only` on it, times the first
# /api/clusters (the server loads the cluster index in the background from its start), then
# runs wrk (64 connections) per zoom, once on one view (answered from the response cache) and
# once with a new random view per request (bench/serve_wrk_views.lua: clustered and serialised
# every time).
#   bench/serve_wrk.sh [BUILD_DIR] [ARTICLES]      e.g. bench/serve_wrk.sh build-serve 1000000
# Environment: PK_BENCH_DB, PK_BENCH_PORT (18080), PK_BENCH_DURATION (10s), PK_BENCH_THREADS
# (server's ready workers; default the server's), PK_BENCH_CONNECTIONS (64), PK_BENCH_FIRST_ONLY
# (set: stop after the first-request timings, no wrk), PK_BENCH_SNAPSHOT (the server's map start
# snapshot file, serve --map-snapshot; default none).
set -eu
BUILD=${1:-build}
COUNT=${2:-100000}
DB=${PK_BENCH_DB:-$BUILD/serve-bench-$COUNT.db}
PORT=${PK_BENCH_PORT:-18080}
DURATION=${PK_BENCH_DURATION:-10s}
CONN=${PK_BENCH_CONNECTIONS:-64}
BIN=$BUILD/pressekarte
[ -x "$BIN" ] || BIN=$BUILD/src/cli/pressekarte
HERE=$(cd "$(dirname "$0")" && pwd)
if [ ! -f "$DB" ]; then
  "$BUILD/bench/generate_articles" --db "$DB" --count "$COUNT"
fi
THREADS_ARG=""
[ -n "${PK_BENCH_THREADS:-}" ] && THREADS_ARG="--threads $PK_BENCH_THREADS"
start=$(date +%s.%N)
# shellcheck disable=SC2086
"$BIN" serve --db "$DB" --port "$PORT" --read-only --map-snapshot "${PK_BENCH_SNAPSHOT:--}" $THREADS_ARG &
PID=$!
trap 'kill $PID 2>/dev/null' EXIT INT TERM
for i in $(seq 1 600); do
  curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  kill -0 $PID 2>/dev/null || { echo "serve exited" >&2; exit 1; }
  sleep 0.1
done
echo "server up after $(echo "$(date +%s.%N) - $start" | bc) s"
# Views of 1280×800 px around Fulda (9.68, 50.55) per zoom; $2 shifts the centre east by that
# many tenths of a view width.
view() {
  awk -v z="$1" -v s="${2:-0}" 'function c(v, m) { return v < -m ? -m : (v > m ? m : v) }
    BEGIN { w = 1280/2/256*360/2^z; h = w*800/1280*0.64; x = 9.68 + s*w/5;
    printf "%.5f,%.5f,%.5f,%.5f", c(x-w, 180), c(50.55-h, 85), c(x+w, 180), c(50.55+h, 85) }'
}
t0=$(date +%s.%N)
curl -fs "http://127.0.0.1:$PORT/api/clusters?zoom=3&bbox=$(view 3)" >/dev/null
t1=$(date +%s.%N)
echo "first /api/clusters right after start (waits for the background index load): $(echo "$t1 - $t0" | bc) s"
echo "server start to first clusters: $(echo "$t1 - $start" | bc) s"
curl -fs "http://127.0.0.1:$PORT/metrics" | grep -E "^pk_cluster_table_load_seconds|^pk_cluster_index_full|^pk_map_snapshot_in_use|^pk_store_articles" || true
# The first answer may come from the quick table (Store::quick_focus_points); wrk measures the
# full one.
for i in $(seq 1 1200); do
  curl -fs "http://127.0.0.1:$PORT/metrics" | grep -q "^pk_cluster_index_full 0" || break
  sleep 0.1
done
echo "server start to full cluster index: $(echo "$(date +%s.%N) - $start" | bc) s"
[ -n "${PK_BENCH_FIRST_ONLY:-}" ] && exit 0
OUT=$(mktemp)
SUMMARY=$(mktemp)
trap 'kill $PID 2>/dev/null; rm -f "$OUT" "$SUMMARY"' EXIT INT TERM
# One summary line per run: p50 and p99 in ms (wrk prints us, ms or s) and requests/s.
summarise() {
  awk -v z="$1" -v what="$2" 'function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0;
      if (v ~ /s$/) return v * 1000; return v }
    $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) } $1 == "Requests/sec:" { rps = $2 }
    /Non-2xx/ { bad = $NF }
    END { printf "| %2d | %-11s | %8.2f | %8.2f | %8.0f |%s\n", z, what, p50, p99, rps, bad ? " non-2xx: " bad : "" }' "$OUT" >>"$SUMMARY"
}
for z in 3 6 10 14; do
  echo "== zoom $z, one view"
  wrk -t2 -c"$CONN" -d"$DURATION" --latency "http://127.0.0.1:$PORT/api/clusters?zoom=$z&bbox=$(view "$z")" >"$OUT"
  grep -E "Latency|50%|90%|99%|Requests/sec|Non-2xx|Socket errors" "$OUT" || true
  summarise "$z" "one view"
  echo "== zoom $z, a new random view per request (no response cache)"
  PK_ZOOM=$z wrk -t2 -c"$CONN" -d"$DURATION" --latency -s "$HERE/serve_wrk_views.lua" "http://127.0.0.1:$PORT" >"$OUT"
  grep -E "Latency|50%|90%|99%|Requests/sec|Non-2xx|Socket errors" "$OUT" || true
  summarise "$z" "random view"
done
echo "== summary, wrk -c$CONN -d$DURATION, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| zoom | views | p50 ms | p99 ms | req/s |"
echo "|---:|---|---:|---:|---:|"
cat "$SUMMARY"

#!/bin/sh
# /api/clusters latency under load: fills a store with the store engineer's generator, starts
# `pressekarte serve` on it, warms the cluster index, then runs wrk (64 connections) per zoom.
#   bench/serve_wrk.sh [BUILD_DIR] [ARTICLES]      e.g. bench/serve_wrk.sh build-serve 1000000
set -eu
BUILD=${1:-build}
COUNT=${2:-100000}
DB=${PK_BENCH_DB:-$BUILD/serve-bench-$COUNT.db}
PORT=${PK_BENCH_PORT:-18080}
DURATION=${PK_BENCH_DURATION:-10s}
BIN=$BUILD/pressekarte
[ -x "$BIN" ] || BIN=$BUILD/src/cli/pressekarte
if [ ! -f "$DB" ]; then
  "$BUILD/bench/generate_articles" --db "$DB" --count "$COUNT"
fi
"$BIN" serve --db "$DB" --port "$PORT" --threads "${PK_BENCH_THREADS:-8}" &
PID=$!
trap 'kill $PID 2>/dev/null' EXIT INT TERM
for i in $(seq 1 600); do
  curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  sleep 0.5
done
# Views of 1280×800 px around Fulda (9.68, 50.55) per zoom.
view() {
  awk -v z="$1" 'function c(v, m) { return v < -m ? -m : (v > m ? m : v) }
    BEGIN { w = 1280/2/256*360/2^z; h = w*800/1280*0.64;
    printf "%.5f,%.5f,%.5f,%.5f", c(9.68-w, 180), c(50.55-h, 85), c(9.68+w, 180), c(50.55+h, 85) }'
}
echo "warming the cluster index (first build loads every article)…"
start=$(date +%s.%N)
curl -fs "http://127.0.0.1:$PORT/api/clusters?zoom=3&bbox=$(view 3)" >/dev/null
echo "first /api/clusters (index build): $(echo "$(date +%s.%N) - $start" | bc) s"
for z in 3 6 10 14; do
  echo "== zoom $z"
  wrk -t4 -c64 -d"$DURATION" --latency "http://127.0.0.1:$PORT/api/clusters?zoom=$z&bbox=$(view "$z")" |
    grep -E "Latency|50%|90%|99%|Requests/sec"
done

#!/usr/bin/env bash
# Whole-pipeline throughput: read → extract → geoparse → stories → SQLite, through the CLI.
# Copies the sample corpus N times (each copy a distinct article: its headline gets a number)
# and times one `pressekarte ingest` of all of it into a fresh database, then a second run of
# the same input (all "already stored": the idempotence path).
#   [PK_JOBS=N] bench/pipeline_throughput.sh [BUILD_DIR] [COPIES]   defaults: build 20 (≈ 3,200 articles);
#   PK_JOBS is passed as `ingest -j N` (default: one worker per core);
#   PK_INPUT=html reads COPIES×15 real pages from ../shared's trafilatura_eval instead
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
copies=${2:-20}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
n=0
if [[ ${PK_INPUT:-crawl} == html ]]; then
  # Real web pages instead: the first COPIES×15 pages of ../shared's trafilatura_eval (HTML
  # extraction dominates here, so this shows what the -j workers buy).
  mkdir -p "$work/in"
  while IFS= read -r -d '' f; do
    gzip -dc "$f" >"$work/in/$n.html" 2>/dev/null || continue
    n=$((n + 1))
    ((n >= copies * 15)) && break
  done < <(find ../shared/eval/extraction/trafilatura_eval/eval -name '*.gz' -print0 | sort -z)
  ((n > 0)) || { echo "PK_INPUT=html needs ../shared/eval/extraction/trafilatura_eval" >&2; exit 2; }
else
  for ((c = 0; c < copies; c++)); do
    mkdir -p "$work/in/$c"
    for f in samples/crawl/*.txt; do
      # Line 2 is the headline in the crawl-text format.
      awk -v c="$c" 'NR == 2 { print $0 " (" c ")"; next } { print }' "$f" >"$work/in/$c/$(basename "$f")"
      n=$((n + 1))
    done
  done
fi
bytes=$(du -sb "$work/in" | cut -f1)
t0=$(date +%s.%N)
"$build"/pressekarte --quiet ingest ${PK_JOBS:+-j "$PK_JOBS"} --db "$work/pk.db" "$work/in"
t1=$(date +%s.%N)
"$build"/pressekarte --quiet ingest ${PK_JOBS:+-j "$PK_JOBS"} --db "$work/pk.db" "$work/in"
t2=$(date +%s.%N)
python3 - "$n" "$bytes" "$t0" "$t1" "$t2" <<'PY'
import sys
n, b, t0, t1, t2 = int(sys.argv[1]), int(sys.argv[2]), *map(float, sys.argv[3:])
print(f"articles: {n}, input {b/1e6:.1f} MB")
print(f"first ingest : {t1-t0:.2f} s wall  {n/(t1-t0):,.0f} articles/s  {b/1e6/(t1-t0):.2f} MB/s")
print(f"re-ingest    : {t2-t1:.2f} s wall  {n/(t2-t1):,.0f} articles/s (all already stored)")
PY

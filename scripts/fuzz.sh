#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (build-fuzz/) and runs each for a while.
#   scripts/fuzz.sh [--seconds N] [TARGET…]   default: 10 s each, every target in fuzz/
# Longer runs: scripts/fuzz.sh --seconds 600 html_fuzz. New crashes land in build-fuzz/crashes/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=10
targets=()
while (($#)); do
  case $1 in
    --seconds) seconds=$2; shift 2 ;;
    -h|--help) sed -n '2,4p' "$0"; exit 0 ;;
    *) targets+=("$1"); shift ;;
  esac
done
if ((${#targets[@]} == 0)); then
  for f in fuzz/*_fuzz.cc; do [[ -e $f ]] && targets+=("$(basename "$f" .cc)"); done
fi
((${#targets[@]})) || { echo "[fuzz] no fuzz targets"; exit 0; }
if [[ ! -f build-fuzz/CMakeCache.txt ]]; then
  CXX=clang++ cmake -S . -B build-fuzz -DPK_FUZZ=ON -DPK_BENCH=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build build-fuzz -j"$(nproc)" --target "${targets[@]}" >build-fuzz/build.log 2>&1 || {
  tail -40 build-fuzz/build.log >&2; echo "[fuzz] build failed" >&2; exit 1; }
mkdir -p build-fuzz/crashes
failed=0
for t in "${targets[@]}"; do
  corpus=build-fuzz/corpus/$t
  mkdir -p "$corpus"
  seeds=()
  [[ -d fuzz/corpus/$t ]] && seeds=(fuzz/corpus/$t)
  echo "[fuzz] $t for ${seconds}s" >&2
  if ! build-fuzz/fuzz/"$t" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 \
        -artifact_prefix=build-fuzz/crashes/"$t"- "$corpus" "${seeds[@]}" >build-fuzz/"$t".log 2>&1; then
    echo "[fuzz] $t FOUND A CRASH: see build-fuzz/$t.log and build-fuzz/crashes/" >&2
    tail -30 build-fuzz/"$t".log >&2
    failed=1
  fi
done
exit $failed

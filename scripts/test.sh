#!/usr/bin/env bash
# Every test: set up and build, start a throw-away PostgreSQL+PostGIS, run all CTest suites
# (unit, golden, db, postgres, browser), replay and briefly run the fuzzers, then stop PostgreSQL.
#   scripts/test.sh              everything
#   PK_TEST_LABELS=fast scripts/test.sh   only tests with that CTest label
#   PK_FUZZ_SECONDS=0 ...        skip the short libFuzzer runs
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

pg_started=0
cleanup() { if ((pg_started)); then scripts/postgres.sh stop >/dev/null 2>&1 || true; fi; }
trap cleanup EXIT
if [[ -x scripts/postgres.sh ]]; then
  if url=$(scripts/postgres.sh start); then
    export PK_TEST_PG_URL=$url
    pg_started=1
    echo "[test] PostgreSQL+PostGIS for tests: $PK_TEST_PG_URL" >&2
  else
    echo "[test] could not start PostgreSQL: the postgres tests will fail" >&2
  fi
fi

export PRESSEKARTE_GAZETTEER=$PWD/build/gazetteer.bin
label_args=()
[[ -n "${PK_TEST_LABELS:-}" ]] && label_args=(-L "$PK_TEST_LABELS")
ctest --test-dir build --output-on-failure -j"$(nproc)" "${label_args[@]}"

if [[ "${PK_FUZZ_SECONDS:-10}" != 0 && -x scripts/fuzz.sh ]]; then
  scripts/fuzz.sh --seconds "${PK_FUZZ_SECONDS:-10}"
fi

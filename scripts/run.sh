#!/usr/bin/env bash
# The main job: set up, ingest the bundled sample corpus, serve the map on http://localhost:8080.
#   scripts/run.sh [--port N] [--db PATH]   (Ctrl-C stops the server)
set -euo pipefail
cd "$(dirname "$0")/.."
port=8080
db=${PRESSEKARTE_DATA:-data}/pressekarte.db
while (($#)); do
  case $1 in
    --port) port=$2; shift 2 ;;
    --db) db=$2; shift 2 ;;
    -h|--help) sed -n '2,3p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
scripts/setup.sh
mkdir -p "$(dirname "$db")"
echo "[run] ingesting the sample corpus (samples/) into $db" >&2
# Exit 1 means "some inputs skipped with a warning": the map is still worth serving.
build/pressekarte ingest --db "$db" samples/crawl samples/feeds || [[ $? == 1 ]]
echo "[run] serving the map on http://localhost:$port (Ctrl-C to stop)" >&2
exec build/pressekarte serve --db "$db" --port "$port"

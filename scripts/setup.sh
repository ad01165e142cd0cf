#!/usr/bin/env bash
# Installs everything Pressekarte needs on Debian 12 (as root), builds it and the gazetteer.
# Idempotent: a second run only checks, rebuilds what changed, and is fast.
#
#   scripts/setup.sh            install + build (Release-like RelWithDebInfo) into build/
#   PK_SKIP_APT=1 ...           skip the Debian package check (e.g. no root)
set -euo pipefail
cd "$(dirname "$0")/.."
log() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }

APT_PACKAGES=(
  build-essential cmake pkg-config git
  libsqlite3-dev sqlite3 libpq-dev postgresql postgresql-15-postgis-3 postgresql-15-rum
  libgumbo-dev libxml2-dev libpugixml-dev libcpp-httplib-dev libssl-dev nlohmann-json3-dev libcli11-dev
  libfmt-dev libspdlog-dev libmarisa-dev libstemmer-dev libuchardet-dev libcld2-dev
  libzstd-dev zlib1g-dev libgtest-dev libgmock-dev libbenchmark-dev
  wngerman wamerican hunspell-de-de
  clang libclang-rt-14-dev
  chromium nodejs npm wrk python3
)

if [[ "${PK_SKIP_APT:-0}" != 1 ]]; then
  missing=()
  for p in "${APT_PACKAGES[@]}"; do
    # node/npm may come from elsewhere on the image; only install them when absent.
    if [[ $p == nodejs && -x "$(command -v node)" ]] || [[ $p == npm && -x "$(command -v npm)" ]]; then continue; fi
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if ((${#missing[@]})); then
    log "installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    log "Debian packages: all present"
  fi
fi

# Data and web packages (GeoNames cities500, country names, Leaflet, Natural Earth, playwright-core).
if [[ ! -d node_modules || package-lock.json -nt node_modules/.package-lock.json ]]; then
  log "installing npm packages (package-lock.json)"
  npm ci --no-audit --no-fund --loglevel=error
else
  log "npm packages: up to date"
fi
# German Länder borders for the offline basemap, derived from the npm data (see the script).
laender=node_modules/.pressekarte/de-laender.json
if [[ ! -f $laender || src/serve/make_laender.mjs -nt $laender || node_modules/.package-lock.json -nt $laender ]]; then
  node --no-warnings src/serve/make_laender.mjs "$laender"
fi

jobs=$(nproc 2>/dev/null || echo 2)
if [[ ! -f build/CMakeCache.txt ]]; then
  log "configuring build/"
  cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
log "building (make -j$jobs)"
if ! cmake --build build -j"$jobs" >build/build.log 2>&1; then
  grep -E 'error|Error' -A3 build/build.log | head -60 >&2
  echo "[setup] build failed (full log: build/build.log)" >&2
  exit 1
fi

# The gazetteer: rebuilt when missing or when its builder, its data tables, the name folding or the npm data changed.
gaz=build/gazetteer.bin
if [[ ! -f $gaz || -n "$(find src/geo src/util/text.cc node_modules/.package-lock.json -newer "$gaz" \
        \( -name 'gazetteer*' -o -path 'src/geo/data/*' -o -name 'text.cc' -o -name '.package-lock.json' \) -print -quit)" ]]; then
  log "building the gazetteer (GeoNames cities500, CC BY 4.0) → $gaz"
  build/pressekarte gazetteer build --out "$gaz"
else
  log "gazetteer: up to date ($gaz)"
fi
log "ready: build/pressekarte"

#!/usr/bin/env bash
# What a reader's browser loads and waits for, page by page (bench/pages.mjs): script and
# WebAssembly bytes per page, time to interactive on a throttled phone against FullCalendar 6,
# and with --lighthouse Lighthouse's mobile scores. Builds the release site, serves it on
# loopback with the demo content, and installs bench/'s npm packages from package-lock.json.
#
# Usage: bench/pages.sh [--runs 3] [--lighthouse]   (figures go to BENCHMARKS.md by hand)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/server.sh
if [ -z "${BENCH_NO_BUILD:-}" ]; then
  cargo leptos build --release --split --precompress
fi
if [ ! -f bench/node_modules/.package-lock.json ] || [ bench/package-lock.json -nt bench/node_modules/.package-lock.json ]; then
  (cd bench && npm ci --no-audit --no-fund --silent)
fi
port=${BENCH_PORT:-3100}
start_server "$port" DATABASE_URL="sqlite:$work/notikumi.db" NOTIKUMI_DEMO=1 NOTIKUMI_MEDIA_DIR="$work/media" NOTIKUMI_BUILDS_DIR="$work/builds"
node bench/pages.mjs --url "http://127.0.0.1:$port" "$@"

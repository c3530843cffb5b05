#!/usr/bin/env bash
# What a reader's browser loads and waits for, page by page (bench/pages.mjs): script and
# WebAssembly bytes per page, time to interactive on a throttled phone against FullCalendar 6,
# and with --lighthouse Lighthouse's mobile scores. Builds the release site, serves it on
# loopback with the demo content, and installs bench/'s npm packages from package-lock.json.
#
# Usage: bench/pages.sh [--runs 3] [--lighthouse]   (figures go to BENCHMARKS.md by hand)
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/notikumi/target}
if [ -z "${BENCH_NO_BUILD:-}" ]; then
  cargo leptos build --release --split --precompress
fi
if [ ! -f bench/node_modules/.package-lock.json ] || [ bench/package-lock.json -nt bench/node_modules/.package-lock.json ]; then
  (cd bench && npm ci --no-audit --no-fund --silent)
fi
bin="$CARGO_TARGET_DIR/release/notikumi"
port=${BENCH_PORT:-3100}
work=$(mktemp -d)
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

DATABASE_URL="sqlite:$work/notikumi.db" NOTIKUMI_DEMO=1 NOTIKUMI_MEDIA_DIR="$work/media" \
  LEPTOS_SITE_ADDR="127.0.0.1:$port" LEPTOS_SITE_ROOT=target/site LEPTOS_OUTPUT_NAME=notikumi \
  LEPTOS_SITE_PKG_DIR=pkg RUST_LOG=warn "$bin" &
server_pid=$!
for _ in $(seq 100); do
  curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break
  sleep 0.1
done
node bench/pages.mjs --url "http://127.0.0.1:$port" "$@"

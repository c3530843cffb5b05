#!/usr/bin/env bash
# Benchmark: the month page (/calendar/2031/05, server-rendered) and the event API for the
# same month, with 10, 1,000 and 10,000 events in the month, and with 1,000 in the month plus
# 1,000,000 elsewhere in the database. The month must not get slower as the database grows.
#
# Usage: bench/month.sh   (from the repository root; builds the release server first)
# Figures go to BENCHMARKS.md by hand, with the date and machine.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/server.sh
cargo build --release --locked -p server --bin notikumi
port=${BENCH_PORT:-3100}

run_case() {
  local name=$1 in_month=$2 outside=$3
  local db="sqlite:$work/$name.db"
  # Only generated events (no demo content). Outside events are spread over 2000–2030.
  DATABASE_URL="$db" "$bin" generate-events --count "$in_month" --from 2031-05-01 --to 2031-05-31 --title "Mēneša notikums" >/dev/null
  if [ "$outside" -gt 0 ]; then
    DATABASE_URL="$db" "$bin" generate-events --count "$outside" --from 2000-01-01 --to 2030-12-31 --title "Arhīva notikums" >/dev/null
  fi
  # Every request rendered: these figures are the cost of the query and the page, not of
  # the page cache (bench/throughput.sh measures that).
  start_server "$port" DATABASE_URL="$db" NOTIKUMI_PAGE_CACHE_MB=0 NOTIKUMI_DEMO=0
  printf '%-34s page: ' "$name ($in_month in month, $outside outside)"
  python3 bench/measure.py "http://127.0.0.1:$port/calendar/2031/05" 30
  printf '%-34s  api: ' ""
  python3 bench/measure.py "http://127.0.0.1:$port/api/events?start=2031-05-01&end=2031-06-01" 30
  stop_server
}

run_case small 10 0
run_case busy 1000 0
run_case crowded 10000 0
run_case large-database 1000 1000000

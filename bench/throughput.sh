#!/usr/bin/env bash
# Reader throughput against nginx serving the very same bytes from files, side by side in one
# run: the month page, an article and the events API, with wrk at 1, 16 and 64 connections.
# Builds the release site (unless BENCH_NO_BUILD=1), serves it on loopback with the demo
# content, saves each answer to a file for nginx and for hyper alone (no code around it: the
# ceiling for writing pages from memory through hyper), and prints the Markdown table for
# BENCHMARKS.md with the server's peak memory (VmHWM) after the runs.
#
# Needs Debian's wrk and nginx (apt-get install wrk nginx-light; installed here when missing
# and run as root). Usage: [BENCH_ROUNDS=3] bench/throughput.sh [seconds per run, default 10]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/server.sh
seconds=${1:-10}

have_nginx() { command -v nginx >/dev/null || [ -x /usr/sbin/nginx ]; }
if ! command -v wrk >/dev/null || ! have_nginx; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get install -y --no-install-recommends wrk nginx-light >/dev/null
  else
    echo "needs wrk and nginx: apt-get install wrk nginx-light" >&2
    exit 1
  fi
fi
nginx=$(command -v nginx || echo /usr/sbin/nginx)

if [ -z "${BENCH_NO_BUILD:-}" ]; then
  cargo leptos build --release --split --precompress
fi
# hyper alone (server/examples/bytes_server.rs): the ceiling for any server writing pages from
# memory through hyper on this machine.
hyper_alone="$CARGO_TARGET_DIR/release/examples/bytes_server"
if [ -z "${BENCH_NO_BUILD:-}" ] || [ ! -x "$hyper_alone" ]; then
  cargo build --release --locked -p server --example bytes_server
fi
port=${BENCH_PORT:-3100}
nginx_port=$((port + 1))
hyper_port=$((port + 2))
start_server "$port" DATABASE_URL="sqlite:$work/notikumi.db" NOTIKUMI_DEMO=1 NOTIKUMI_MEDIA_DIR="$work/media" NOTIKUMI_BUILDS_DIR="$work/builds"

article=$(curl -sf "http://127.0.0.1:$port/news" | grep -o 'href="/news/[a-z0-9-]*-[a-z0-9-]*"' | head -n 1 | cut -d'"' -f2)
declare -A paths=(
  [month]="/calendar/2020/08"
  [article]="$article"
  [events]="/api/events?start=2020-08-01&end=2020-09-01"
)
names=(month article events)

# The same bytes, from files, for nginx.
mkdir -p "$work/www" "$work/nginx"
for name in "${names[@]}"; do
  curl -sf "http://127.0.0.1:$port${paths[$name]}" -o "$work/www/$name"
done
cat > "$work/nginx/nginx.conf" <<EOF
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  client_body_temp_path $work/nginx;
  proxy_temp_path $work/nginx;
  fastcgi_temp_path $work/nginx;
  uwsgi_temp_path $work/nginx;
  scgi_temp_path $work/nginx;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/www;
    default_type text/html;
  }
}
EOF
"$nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log"
hyper_pid=
trap '[ -z "$hyper_pid" ] || kill "$hyper_pid" 2>/dev/null || true; "$nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" -s stop 2>/dev/null || true; cleanup' EXIT
sleep 0.3

# Each row is the median of ROUNDS runs of each server, taken in turns: nginx's own figure
# moves by a third from one run to the next on this shared 2-core machine.
rounds=${BENCH_ROUNDS:-3}
[ "$rounds" -ge 1 ] || { echo "BENCH_ROUNDS must be 1 or more" >&2; exit 1; }

# median: the middle of the numbers on standard input (the lower middle one for an even
# count). Requests a second and p99 are each the median of their own runs.
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# run URL CONNECTIONS: "requests/s p99-ms"
run() {
  local threads=$(($2 < 2 ? 1 : 2))
  wrk -t"$threads" -c"$2" -d"${seconds}s" --latency "$1" | awk '
    /Requests\/sec:/ { rps = $2 }
    /^ +99%/ { v = $2; if (v ~ /us$/) ms = v / 1000; else if (v ~ /ms$/) ms = v + 0; else ms = v * 1000 }
    END { printf "%d %.2f\n", rps, ms }'
}

echo "## Throughput against nginx, same bytes ($(nproc) cores, wrk ${seconds} s per run, median of $rounds, $(date -u +%F))"
echo
echo "| page | connections | Notikumi req/s | nginx req/s | ratio | hyper alone req/s | Notikumi p99 | nginx p99 |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for name in "${names[@]}"; do
  "$hyper_alone" "$work/www/$name" "127.0.0.1:$hyper_port" &
  hyper_pid=$!
  for _ in $(seq 50); do
    curl -sf "http://127.0.0.1:$hyper_port/" -o /dev/null && break
    sleep 0.1
  done
  for connections in 1 16 64; do
    runs_ours=() runs_theirs=() runs_hyper=()
    for _ in $(seq "$rounds"); do
      runs_ours+=("$(run "http://127.0.0.1:$port${paths[$name]}" "$connections")")
      runs_theirs+=("$(run "http://127.0.0.1:$nginx_port/$name" "$connections")")
      runs_hyper+=("$(run "http://127.0.0.1:$hyper_port/" "$connections")")
    done
    hyper=$(printf '%s\n' "${runs_hyper[@]}" | cut -d' ' -f1 | median)
    ours=$(printf '%s\n' "${runs_ours[@]}" | cut -d' ' -f1 | median)
    ours_p99=$(printf '%s\n' "${runs_ours[@]}" | cut -d' ' -f2 | median)
    theirs=$(printf '%s\n' "${runs_theirs[@]}" | cut -d' ' -f1 | median)
    theirs_p99=$(printf '%s\n' "${runs_theirs[@]}" | cut -d' ' -f2 | median)
    ratio=$(awk -v a="$ours" -v b="$theirs" 'BEGIN { printf "%.2f", a / b }')
    echo "| $name (${paths[$name]}) | $connections | $ours | $theirs | ${ratio}× | $hyper | ${ours_p99} ms | ${theirs_p99} ms |"
  done
  kill "$hyper_pid"
  wait "$hyper_pid" 2>/dev/null || true
  hyper_pid=
done
echo
echo "Server peak memory: $(awk '/VmHWM/ { printf "%.0f MiB", $2 / 1024 }' "/proc/$server_pid/status")"

# Sourced by the bench scripts: the release binary, a scratch folder removed on exit, and a
# server started on loopback and waited for. Set BENCH_PORT to choose the port.
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/notikumi/target}
bin="$CARGO_TARGET_DIR/release/notikumi"
work=$(mktemp -d)
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# start_server PORT [VARIABLE=VALUE ...]: serves the built site (target/site) with the given
# environment (DATABASE_URL at least) and returns once it answers /readyz.
start_server() {
  local port=$1
  shift
  env "$@" LEPTOS_SITE_ADDR="127.0.0.1:$port" LEPTOS_SITE_ROOT=target/site \
    LEPTOS_OUTPUT_NAME=notikumi LEPTOS_SITE_PKG_DIR=pkg RUST_LOG=warn "$bin" &
  server_pid=$!
  for _ in $(seq 100); do
    curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && return 0
    sleep 0.1
  done
  echo "the server on port $port did not become ready" >&2
  return 1
}

stop_server() {
  kill "$server_pid"
  wait "$server_pid" 2>/dev/null || true
  server_pid=
}

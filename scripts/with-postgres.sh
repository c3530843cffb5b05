#!/usr/bin/env bash
# Runs a command with TEST_DATABASE_URL pointing at PostgreSQL: the server already named in
# TEST_DATABASE_URL, or else a private throwaway cluster (Debian's initdb/pg_ctl, a temporary
# folder, a free port on 127.0.0.1) that is stopped and deleted afterwards.
set -euo pipefail

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  exec "$@"
fi

fail() { printf 'with-postgres: %s\n' "$*" >&2; exit 1; }

if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then
  bindir=$(dirname "$(readlink -f "$(command -v pg_ctl)")")
else
  bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
fi
[ -n "$bindir" ] && [ -x "$bindir/initdb" ] \
  || fail "PostgreSQL is missing: run scripts/install-tools.sh test (or apt-get install postgresql)"

dir=
stop() {
  [ -n "$dir" ] || return 0
  "${as_owner[@]}" "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT
as_owner=()

dir=$(mktemp -d "${TMPDIR:-/tmp}/notikumi-pg.XXXXXX")
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

# PostgreSQL refuses to run as root; as root, run the cluster as an unprivileged user.
if [ "$(id -u)" = 0 ]; then
  owner=postgres
  id "$owner" >/dev/null 2>&1 || owner=nobody
  chown "$owner" "$dir"
  as_owner=(runuser -u "$owner" --)
fi

"${as_owner[@]}" "$bindir/initdb" -D "$dir/data" -U notikumi --auth=trust -E UTF8 --locale=C.UTF-8 \
  >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; fail "initdb failed"; }
"${as_owner[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start \
  >/dev/null || { cat "$dir/server.log" >&2; fail "PostgreSQL did not start"; }

export TEST_DATABASE_URL="postgres://notikumi@127.0.0.1:$port/postgres"
"$@"

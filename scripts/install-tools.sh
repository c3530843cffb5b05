#!/usr/bin/env bash
# Installs what `make run` and `make test` need, at pinned versions, skipping whatever is
# already there (a second run takes seconds). Usage: install-tools.sh [run|test]
#   run:  wasm target, cargo-leptos, wasm-bindgen-cli, wasm-opt
#   test: all of the above, plus Chromium, PostgreSQL and the end2end npm packages
set -euo pipefail

# cargo-leptos 0.3.11 needs rustc 1.96; 0.3.10 is the newest that builds with 1.95.
CARGO_LEPTOS_VERSION=0.3.10
# npm's binaryen ships wasm-opt; Debian's binaryen 108 produces wasm that never hydrates.
BINARYEN_VERSION=132.0.0
WASM_OPT_MIN=116

here=$(cd "$(dirname "$0")/.." && pwd)
tools_dir=${NOTIKUMI_TOOLS_DIR:-$HOME/.cache/notikumi/tools}
mode=${1:-test}

say() { printf '==> %s\n' "$*"; }
fail() { printf 'install-tools: %s\n' "$*" >&2; exit 1; }

apt_install() {
  if [ "$(id -u)" != 0 ]; then
    fail "missing $*: install it with 'sudo apt-get install $*' and run again"
  fi
  if [ -z "${apt_updated:-}" ]; then
    apt-get update -qq || fail "apt-get update failed; cannot install $*"
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null \
    || fail "apt-get install $* failed"
}

command -v cargo >/dev/null || fail "cargo is missing: install Rust with rustup (https://rustup.rs)"
command -v npm >/dev/null || apt_install nodejs npm
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
[ "$node_major" -ge 20 ] \
  || fail "Node.js $node_major is too old: Playwright needs Node.js 20 or newer (Debian 13's nodejs, or NodeSource on Debian 12)"

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown || fail "rustup could not add wasm32-unknown-unknown"
fi

if ! cargo leptos --version 2>/dev/null | grep -q " $CARGO_LEPTOS_VERSION\$"; then
  say "building cargo-leptos $CARGO_LEPTOS_VERSION (once per machine, ~18 min on 2 cores)"
  cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked --features no_downloads \
    || fail "cargo install cargo-leptos $CARGO_LEPTOS_VERSION failed"
fi

# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$here/Cargo.lock")
[ -n "$bindgen_version" ] || fail "no wasm-bindgen version found in Cargo.lock"
if ! wasm-bindgen --version 2>/dev/null | grep -q " $bindgen_version\$"; then
  say "installing wasm-bindgen-cli $bindgen_version (~3 min)"
  # Not --locked: one of its locked dependency versions is no longer in the registry.
  cargo install wasm-bindgen-cli --version "=$bindgen_version" --force \
    || fail "cargo install wasm-bindgen-cli $bindgen_version failed"
fi

binaryen_bin="$tools_dir/binaryen/node_modules/.bin"
# `wasm-opt --version` prints "wasm-opt version 132 (version_132)": compare the major version.
if ! "$binaryen_bin/wasm-opt" --version 2>/dev/null | grep -q "version ${BINARYEN_VERSION%%.*} "; then
  say "installing wasm-opt from npm binaryen@$BINARYEN_VERSION"
  mkdir -p "$tools_dir/binaryen"
  npm install --prefix "$tools_dir/binaryen" --no-audit --no-fund --silent \
    "binaryen@$BINARYEN_VERSION" || fail "npm install binaryen@$BINARYEN_VERSION failed"
fi
wasm_opt_version=$("$binaryen_bin/wasm-opt" --version | grep -o 'version [0-9]*' | grep -o '[0-9]*')
[ "${wasm_opt_version:-0}" -ge "$WASM_OPT_MIN" ] \
  || fail "wasm-opt $wasm_opt_version is too old (need $WASM_OPT_MIN or newer)"

[ "$mode" = run ] && exit 0

if ! command -v chromium >/dev/null; then
  say "installing Debian's chromium for the browser tests"
  apt_install chromium
fi

# deploy/check.sh reads the deployment examples with the tools that use them.
if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
  say "installing Debian's nginx-light to check deploy/nginx.conf"
  apt_install nginx-light
fi
command -v systemd-analyze >/dev/null || apt_install systemd
command -v openssl >/dev/null || apt_install openssl

# The PostgreSQL test cluster picks its free port with Python.
command -v python3 >/dev/null || apt_install python3

if ! command -v initdb >/dev/null && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  say "installing Debian's PostgreSQL for the storage tests"
  apt_install postgresql
fi

stamp="$here/end2end/node_modules/.package-lock.json"
if [ ! -f "$stamp" ] || [ "$here/end2end/package-lock.json" -nt "$stamp" ]; then
  say "installing the end2end npm packages from package-lock.json"
  (cd "$here/end2end" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --silent) \
    || fail "npm ci in end2end failed"
fi

# The shared target directory keeps only recent builds of this workspace's own crates.
"$here/scripts/prune-target.sh"

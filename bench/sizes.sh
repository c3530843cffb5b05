#!/usr/bin/env bash
# Prints the release sizes of the site's .wasm, .js and .css: raw, gzip -9 and brotli.
# Run through `make sizes`, which builds first.
set -euo pipefail
cd "$(dirname "$0")/.."
pkg=target/site/pkg
printf '%-22s %10s %10s %10s\n' file raw gzip brotli
for file in "$pkg"/notikumi.wasm "$pkg"/notikumi.js "$pkg"/notikumi.css; do
  [ -f "$file" ] || { echo "missing $file: run 'make release-build' first" >&2; exit 1; }
  raw=$(stat -c %s "$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  if command -v brotli >/dev/null; then br=$(brotli -c -q 11 "$file" | wc -c); else br=n/a; fi
  printf '%-22s %10s %10s %10s\n' "$(basename "$file")" "$raw" "$gz" "$br"
done

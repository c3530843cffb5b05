#!/usr/bin/env bash
# Prints the release sizes of what browsers download, raw, gzip -9 and brotli: the readers'
# build (notikumi.wasm, .js, .css and the split loader, with the search field's chunks that
# load when the box is first focused) and the editors' build, which pages rendered for a
# signed-in editor load instead (its editors' chunks load when editing starts).
# Run through `make sizes`, which builds first.
set -euo pipefail
cd "$(dirname "$0")/.."
pkg=target/site/pkg
[ -f "$pkg/notikumi.wasm" ] || { echo "missing $pkg/notikumi.wasm: run 'make release-build' first" >&2; exit 1; }

row() {
  local file=$1 raw gz br
  raw=$(stat -c %s "$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  # The release build's own brotli file (`--precompress`, quality 11) is what browsers get.
  if [ -f "$file.br" ]; then br=$(stat -c %s "$file.br")
  elif command -v brotli >/dev/null; then br=$(brotli -c -q 11 "$file" | wc -c)
  else br=n/a; fi
  printf '%-48s %10s %10s %10s\n' "$(basename "$file")" "$raw" "$gz" "$br"
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  [ "$br" = n/a ] || total_br=$((total_br + br))
}

# One group of files: a row each, then the group's total.
group() {
  local title=$1 file
  shift
  total_raw=0; total_gz=0; total_br=0
  for file in "$@"; do
    [ -f "$file" ] && row "$file"
  done
  printf '%-48s %10s %10s %10s\n' "$title" "$total_raw" "$total_gz" "$total_br"
}

printf '%-48s %10s %10s %10s\n' file raw gzip brotli
group "readers download (total)" "$pkg"/notikumi.wasm "$pkg"/notikumi.js "$pkg"/notikumi.css "$pkg"/__wasm_split*.js
group "the search field's chunks (total)" "$pkg"/split_*.wasm "$pkg"/chunk_*.wasm
editors=$pkg/editors/pkg
group "editors' pages download (total)" "$editors"/notikumi.wasm "$editors"/notikumi.js "$editors"/__wasm_split*.js
group "editors' chunks, loaded when used (total)" "$editors"/split_*.wasm "$editors"/chunk_*.wasm

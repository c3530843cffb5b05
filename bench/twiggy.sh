#!/usr/bin/env bash
# What the reader's WebAssembly is made of: the split main module (what every reader loads),
# optimised like the release build (wasm-opt -Oz) but keeping its function names, then
# `twiggy top` and the same bytes summed by crate. It reads the last front end cargo-leptos
# built, which after `make release-build` is the editors' build: build the readers' alone
# first with `cargo leptos build --release --split --precompress --project notikumi`, which
# empties target/site of the editors' build: put it back afterwards with the same command and
# `--project notikumi-editors` (it empties only its own folder). Needs
# twiggy (`cargo install twiggy --version 0.8.0 --locked`).
#
# Usage: bench/twiggy.sh [rows]   (figures go to BENCHMARKS.md by hand)
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/notikumi/target}
rows=${1:-20}
module="$CARGO_TARGET_DIR/front/wasm32-unknown-unknown/wasm-release/frontend_split.wasm"
[ -f "$module" ] || { echo "missing $module: run 'make release-build' first" >&2; exit 1; }
command -v twiggy >/dev/null || { echo "twiggy is missing: cargo install twiggy --version 0.8.0 --locked" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
wasm-opt -Oz -g --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$module" -o "$work/reader.wasm" 2>/dev/null
echo "## twiggy top $rows (names kept; the name sections themselves are left out)"
twiggy top -n "$((rows + 3))" "$work/reader.wasm" | grep -v 'subsection\|custom section'
twiggy top -n 1000000 -f csv "$work/reader.wasm" > "$work/top.csv"
echo
echo "## Code and data by crate"
python3 - "$work/top.csv" <<'PY'
import collections, csv, re, sys

by_crate = collections.Counter()
for row in csv.DictReader(open(sys.argv[1])):
    name, size = row["Name"], int(row["ShallowSize"])
    if "subsection" in name or "custom section" in name:
        continue
    if name.startswith("data segment"):
        crate = "(data: strings, tables)"
    else:
        # `crate::path::fn`, or `<Type as crate::Trait>::fn` for trait impls.
        found = re.match(r"^<?&?(?:dyn |mut )*([a-z_0-9]+)(?:\[[0-9a-f]+\])?::", name) or re.search(
            r" as ([a-z_0-9]+)(?:\[[0-9a-f]+\])?::", name
        )
        crate = found.group(1) if found else "(unnamed)"
    by_crate[crate] += size
total = sum(by_crate.values())
print(f"| crate | bytes | share |\n| --- | ---: | ---: |")
for crate, size in by_crate.most_common(15):
    print(f"| {crate} | {size:,} | {100 * size / total:.1f}% |")
print(f"| **all code and data** | **{total:,}** | |")
PY

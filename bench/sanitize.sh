#!/usr/bin/env bash
# Benchmark: cleaning an editor's body (`SafeHtml::sanitize`: ammonia's allow-list, then the
# body's shape on the parsed tree), bodies of 2, 20 and 200 kB, release build, median of 21.
#
# Usage: bench/sanitize.sh   (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run --release --locked -p server --example sanitize_bench

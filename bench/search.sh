#!/usr/bin/env bash
# Benchmark: search and news-list latency over 100,000 articles (plus the demo content),
# SQLite, release build. Times the /search page (server-rendered, ten results with snippets)
# for a common two-word query without diacritics, a rare word, a prefix, and a word that
# matches nothing; then the news list and an archive year (each with the archive's month
# index), plain and narrowed to a category no article is in.
#
# Usage: bench/search.sh   (from the repository root; builds the release server first)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/server.sh
cargo build --release --locked -p server --bin notikumi
port=${BENCH_PORT:-3101}
count=${BENCH_ARTICLES:-100000}

db="sqlite:$work/search.db"
start=$(date +%s)
DATABASE_URL="$db" "$bin" generate-articles --count "$count" --from 2000-01-01 --to 2026-11-01
echo "generated in $(( $(date +%s) - start )) s"
# Every request rendered: these figures are the cost of the query and the page, not of
# the page cache (bench/throughput.sh measures that).
start_server "$port" DATABASE_URL="$db" NOTIKUMI_PAGE_CACHE_MB=0
for query in "cilveku+tirdzniec" "moldov" "statist" "neatrodamsvards"; do
  printf '%-22s ' "q=$query"
  python3 bench/measure.py "http://127.0.0.1:$port/search?q=$query" 30
done
for path in "/news" "/news/2015" "/news?category=nav-tadas" "/news/2015?category=nav-tadas"; do
  printf '%-22s ' "$path"
  python3 bench/measure.py "http://127.0.0.1:$port$path" 30
done

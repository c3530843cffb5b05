#!/usr/bin/env bash
# `make soak`: a release server on loopback for SOAK_SECONDS (default 300) while readers load
# pages in a loop and an editor saves a draft every 100 ms. It fails on any 5xx or failed
# request, on a saved draft that is not there afterwards, or when the server's memory keeps
# growing (the last quarter of the run more than 10 % above the second quarter). Prints the
# counts and the RSS samples for RELIABILITY.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/server.sh

seconds=${SOAK_SECONDS:-300}
port=${BENCH_PORT:-3400}
base="http://127.0.0.1:$port"
db="sqlite:$work/soak.db"
password=pietiekami-gara-parole
article=lietuva-un-latvija-sniegs-atbalstu-moldovai-cina-pret-cilveku-tirdzniecibu

echo "$password" | DATABASE_URL=$db "$bin" user add soak@example.lv --role editor >/dev/null
start_server "$port" DATABASE_URL="$db" NOTIKUMI_DEMO=1 NOTIKUMI_PUBLIC_URL="$base" \
  NOTIKUMI_MEDIA_DIR="$work/media" NOTIKUMI_BUILDS_DIR="$work/builds"

cookie=$(curl -s -D - -o /dev/null -H "Origin: $base" -H 'Accept: application/json' \
  --data "email=soak@example.lv&password=$password" "$base/login" \
  | tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/p')
[ -n "$cookie" ] || { echo "soak: could not sign in" >&2; exit 1; }

call() { # call FUNCTION JSON -> body; status in $work/status
  curl -s -o "$work/body" -w '%{http_code}' -H "Origin: $base" -H "Cookie: $cookie" \
    -H 'Content-Type: application/json' --data "$2" "$base/api/editing/$1" >"$work/status" || true
  cat "$work/body"
}

editable=$(call get_editable_article "{\"slug\":\"$article\"}")
read -r id version < <(python3 -c 'import json,sys; a=json.load(sys.stdin); print(a["id"], a["version"])' <<<"$editable")

readers() {
  local n=0 bad=0 paths=(/ /calendar/2020/08 /news "/news/$article" /search?q=moldova /feed.xml
    /calendar.ics /api/events?start=2020-08-01\&end=2020-09-01 /en/calendar/2020/08)
  while [ ! -e "$work/stop" ]; do
    for path in "${paths[@]}"; do
      code=$(curl -s -o /dev/null -w '%{http_code}' "$base$path" || echo 000)
      n=$((n + 1))
      [ "$code" = 200 ] || { bad=$((bad + 1)); echo "reader: $path answered $code" >&2; }
    done
  done
  echo "$n $bad" >"$work/readers.$1"
}

for r in 1 2 3; do readers "$r" & done

saves=0 refused=0 last_draft=0 last_title=
rss=()
end=$((SECONDS + seconds))
next_sample=$SECONDS
while [ $SECONDS -lt $end ]; do
  title="Soak $saves"
  body=$(call save_draft "{\"save\":{\"id\":$id,\"base_version\":$version,\"draft_version\":$last_draft,\"fields\":{\"title\":\"$title\",\"lead\":\"\",\"body_html\":\"<p>$saves</p>\",\"contact\":\"\"}}}")
  if [ "$(cat "$work/status")" = 200 ]; then
    last_draft=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["draft_version"])' <<<"$body")
    last_title=$title
    saves=$((saves + 1))
  else
    refused=$((refused + 1))
    echo "save answered $(cat "$work/status"): $body" >&2
  fi
  if [ $SECONDS -ge $next_sample ]; then
    rss+=("$(awk '/VmRSS/ { print $2 }' "/proc/$server_pid/status")")
    next_sample=$((SECONDS + seconds / 20 + 1))
  fi
  sleep 0.1
done
touch "$work/stop"
wait $(jobs -p | grep -v "^$server_pid$") 2>/dev/null || true

stored=$(call get_editable_article "{\"slug\":\"$article\"}")
found=$(python3 -c 'import json,sys; d=json.load(sys.stdin)["draft"]; print(d["draft_version"], d["fields"]["title"])' <<<"$stored")
read_total=0 read_bad=0
for r in 1 2 3; do read -r n b <"$work/readers.$r"; read_total=$((read_total + n)); read_bad=$((read_bad + b)); done

echo "soak: ${seconds}s, $read_total page loads ($read_bad failed), $saves draft saves ($refused refused)"
echo "soak: last acknowledged draft $last_draft \"$last_title\"; stored: $found"
echo "soak: server RSS (kB) every ~$((seconds / 20 + 1))s: ${rss[*]}"
status=0
[ "$read_bad" = 0 ] || { echo "soak: readers saw failures" >&2; status=1; }
[ "$refused" = 0 ] || { echo "soak: saves were refused" >&2; status=1; }
[ "$found" = "$last_draft $last_title" ] || { echo "soak: the last acknowledged draft is not stored" >&2; status=1; }
count=${#rss[@]}
if [ "$count" -ge 4 ]; then
  second=${rss[$((count / 4))]} last=${rss[$((count - 1))]}
  if [ "$last" -gt $((second * 110 / 100)) ]; then
    echo "soak: memory kept growing ($second kB → $last kB)" >&2
    status=1
  fi
fi
exit $status

#!/usr/bin/env bash
# CRM API benchmark: requests per second and latency of contact read, create, update and
# search through the HTTP API, with no rate limit and then with the rate limiter active but
# never refusing (so its cost shows as the difference).
#   bench/crm.sh          (env: BENCH_DURATION=10s, BENCH_CONNECTIONS=32, SEED_CONTACTS=20000)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
DURATION=${BENCH_DURATION:-10s}
CONNS=${BENCH_CONNECTIONS:-32}
SEED=${SEED_CONTACTS:-20000}
JAR=${SPOOR_JAR:-$root/target/spoor.jar}
command -v wrk >/dev/null || { apt-get install -y -qq wrk || sudo apt-get install -y -qq wrk; }
[ -f "$JAR" ] || (cd "$root" && mvn -q -DskipTests package)

data="$(mktemp -d)"
token="crm-bench-token-$(date +%s)"
SPOOR_BOOTSTRAP_TOKEN="$token" java -jar "$JAR" serve --port 0 --host 127.0.0.1 --data "$data/store" \
  >"$data/out.log" 2>"$data/err.log" &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; rm -rf "$data"' EXIT
port=""
for _ in $(seq 1 300); do
  port="$(sed -n 's/^Spoor is listening on port \([0-9]*\).*/\1/p' "$data/out.log")"; [ -n "$port" ] && break; sleep 0.2
done
url="http://127.0.0.1:$port"
api() { curl -sf -H "Authorization: Bearer $token" -H "Content-Type: application/json" "$@"; }
limits() { api -X PATCH "$url/api/v1/portal" -d "{\"rateLimitSecondly\":$1,\"rateLimitDaily\":$2}" >/dev/null; }

limits 0 0
echo "[crm] seeding $SEED contacts" >&2
for ((i = 1; i <= SEED; i += 100)); do
  inputs=""
  for ((j = i; j < i + 100 && j <= SEED; j++)); do
    inputs+="${inputs:+,}{\"properties\":{\"email\":\"seed$j@example.com\",\"firstname\":\"Seed\"}}"
  done
  api -X POST "$url/crm/v3/objects/contacts/batch/create" -d "{\"inputs\":[$inputs]}" >/dev/null
done

run() {  # $1 op, $2 label
  CRM_OP=$1 CRM_TOKEN=$token CRM_SEED="$SEED" wrk -t2 -c"$CONNS" -d"$DURATION" --timeout 5s \
    -s "$here/wrk/crm.lua" "$url" | grep '^BENCH' | sed "s/^BENCH/$2 $1/"
}
echo "[crm] warming up" >&2
for op in read update; do run "$op" warmup >/dev/null; done
echo "| call | limiter | req/s | p50 | p99 | non-2xx |"
echo "|---|---|---:|---:|---:|---:|"
# the limiter on (never refusing), off, and on again: its cost is the difference, warm-up drift shows
for setting in "on 100000 1000000000000" "off 0 0" "on 100000 1000000000000"; do
  set -- $setting
  limits "$2" "$3"
  for op in ${CRM_OPS:-read create update search}; do
    line=$(run "$op" "$1")
    rps=$(sed 's/.* rps=\([0-9.]*\).*/\1/' <<<"$line"); p50=$(sed 's/.* p50_us=\([0-9]*\).*/\1/' <<<"$line")
    p99=$(sed 's/.* p99_us=\([0-9]*\).*/\1/' <<<"$line"); bad=$(sed 's/.* status_errors=\([0-9]*\).*/\1/' <<<"$line")
    awk -v op="$op" -v l="$1" -v r="$rps" -v a="$p50" -v b="$p99" -v e="$bad" \
      'BEGIN { printf "| %s | %s | %.0f | %.2f ms | %.2f ms | %s |\n", op, l, r, a / 1000, b / 1000, e }'
  done
done

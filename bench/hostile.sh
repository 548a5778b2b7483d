#!/usr/bin/env bash
# bench/hostile.sh - one minute of hostile traffic next to a normal load, in one run, at the
# default settings (no -Xmx: the JVM's own default heap).
#
#   1. starts Spoor on a fresh data dir (java $HOSTILE_JAVA_OPTS -jar target/spoor.jar serve);
#   2. for HOSTILE_SECONDS (60) runs, at the same time:
#      - the hostile load: wrk/hostile.lua from HOSTILE_CONNECTIONS (4) connections: oversized
#        beacons, amplification hits, event-definition and contact floods, visitor floods;
#      - a normal load: wrk/event.lua from NORMAL_CONNECTIONS (8) connections, 10,000 contacts;
#      - FreshnessProbe: one normal hit every 200 ms, each setting a property of a contact made
#        before the run, polled until the CRM API shows it;
#      - the process's RSS, sampled every second;
#   3. reports: peak RSS, the store's growth on disk per hostile hit, freshness of normal hits
#      (p50/p99/max), and every answer by status (5xx other than 503 is a failure).
# Prints a markdown summary and writes it to bench/results/hostile-<timestamp>.md. Exits
# non-zero when RSS passed 512 MB, a normal hit took over a second to show, or any answer was a
# 5xx other than 503.
#
# Knobs: HOSTILE_JAVA_OPTS (none), HOSTILE_SERVE_ARGS, HOSTILE_SECONDS (60),
#        HOSTILE_CONNECTIONS (4), NORMAL_CONNECTIONS (8), SPOOR_JAR (<repo>/target/spoor.jar).
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
JAVA_OPTS=${HOSTILE_JAVA_OPTS:-}
SERVE_ARGS=${HOSTILE_SERVE_ARGS:-}
DURATION=${HOSTILE_SECONDS:-60}
HOSTILE_CONNS=${HOSTILE_CONNECTIONS:-4}
NORMAL_CONNS=${NORMAL_CONNECTIONS:-8}
SPOOR_JAR=${SPOOR_JAR:-$ROOT/target/spoor.jar}
BENCH_NAME=hostile
# shellcheck source=bench/start-spoor.sh
source "$BENCH_DIR/start-spoor.sh"

bench_field() { sed -n "s/.*$2=\([0-9.]*\).*/\1/p" "$1"; }
status_count() { sed -n "s/.*\bs$2=\([0-9]*\).*/\1/p" "$1" | head -1; }
store_bytes() { du -sb "$WORK/store" | cut -f1; }

RSS_MAX=0
( while kill -0 "$SERVER_PID" 2>/dev/null; do
    r=$(ps -o rss= -p "$SERVER_PID" | tr -d ' '); ((r > RSS_MAX)) && RSS_MAX=$r && echo "$r" >"$WORK/rss"
    s=$(store_bytes); echo "$s" >>"$WORK/store-sizes"; sleep 1; done ) & BG_PIDS+=("$!")

log "creating the freshness probe's contacts"
PROBES=$(( (DURATION - 8) * 5 ))
java -cp "$BENCH_DIR/target/spoor-bench.jar" io.spoor.bench.FreshnessProbe "$URL" "$TOKEN" "$PROBES" 200 known \
  >"$WORK/fresh.txt" 2>"$WORK/fresh.err" & PROBE_PID=$!; BG_PIDS+=("$PROBE_PID")
until grep -q 'PROBE ready' "$WORK/fresh.err" 2>/dev/null; do
  kill -0 "$PROBE_PID" 2>/dev/null || { cat "$WORK/fresh.err" >&2; exit 1; }; sleep 0.2
done
STORE_BEFORE=$(store_bytes)
log "${DURATION} s: hostile load at $HOSTILE_CONNS connections, normal load at $NORMAL_CONNS, freshness probe"
BENCH_EMAILS=10000 wrk -t1 -c"$NORMAL_CONNS" -d"${DURATION}s" -s "$BENCH_DIR/wrk/event.lua" "$URL" \
  >"$WORK/normal.txt" 2>&1 & NORMAL_PID=$!; BG_PIDS+=("$NORMAL_PID")
wrk -t1 -c"$HOSTILE_CONNS" -d"${DURATION}s" -s "$BENCH_DIR/wrk/hostile.lua" "$URL" \
  >"$WORK/hostile.txt" 2>&1 & HOSTILE_PID=$!; BG_PIDS+=("$HOSTILE_PID")
wait "$PROBE_PID" || true
FRESH=$(grep FRESHNESS "$WORK/fresh.txt" || { tail -3 "$WORK/fresh.err" >&2; echo "FRESHNESS failed"; })
wait "$HOSTILE_PID" "$NORMAL_PID" || true

log "waiting for the backlog to drain"
metric() { curl -s "$URL/metrics" | awk -v m="$1" '$1 ~ "^"m"([{]|$)" {s += $2} END {printf "%d\n", s}'; }
drain_start=$SECONDS
while (( $(metric spoor_ingest_queue_depth) > 0 )) && ((SECONDS - drain_start < 300)); do sleep 0.5; done
DRAIN_SECONDS=$((SECONDS - drain_start))
STORE_AFTER=$(store_bytes)
STORE_PEAK=$(sort -n "$WORK/store-sizes" | tail -1)
RSS_MAX=$(cat "$WORK/rss" 2>/dev/null || echo 0)

H_REQ=$(bench_field "$WORK/hostile.txt" requests)
H_503=$(status_count "$WORK/hostile.txt" 503); H_503=${H_503:-0}
H_200=$(status_count "$WORK/hostile.txt" 200); H_200=${H_200:-0}
H_OTHER=$(grep '^HOSTILE' "$WORK/hostile.txt" | tr ' ' '\n' | grep '^s' | grep -v -e '^s200=' -e '^s503=' | tr '\n' ' ' || true)
N_OK=$(bench_field "$WORK/normal.txt" ok_rps)
N_ERR=$(bench_field "$WORK/normal.txt" status_errors)
N_P99=$(bench_field "$WORK/normal.txt" p99_us)
FRESH_MAX=$(sed -n 's/.*max_ms=\([0-9.]*\).*/\1/p' <<<"$FRESH")
GROWTH=$((STORE_AFTER - STORE_BEFORE))
PER_HIT=$(( GROWTH / (H_REQ > 0 ? H_REQ : 1) ))
REFUSED=$(curl -s "$URL/metrics" | awk '$1 ~ /^spoor_rejections_total/ && $1 ~ /LIMIT|TOO_MANY/ {split($1, a, "\""); printf "%s %d, ", a[2], $2}')
FIVE_XX=$(grep -o 's5[0-9][0-9]=[0-9]*' "$WORK/hostile.txt" | grep -v '^s503=' || true)

OUT="$BENCH_DIR/results/hostile-$(date -u +%Y%m%dT%H%M%SZ).md"
mkdir -p "$BENCH_DIR/results"
{
  echo "## Hostile minute ($(date -u +%Y-%m-%dT%H:%MZ), java ${JAVA_OPTS:-default heap}, serve ${SERVE_ARGS:-defaults})"
  echo
  echo "| measure | value |"
  echo "|---|---|"
  echo "| hostile requests ($HOSTILE_CONNS conns, ${DURATION} s) | $H_REQ: $H_200 answered 200, $H_503 answered 503, other: ${H_OTHER:-none} |"
  echo "| normal load ($NORMAL_CONNS conns): acknowledged hits/s | ${N_OK%.*} (p99 $(( ${N_P99:-0} / 1000 )) ms, non-2xx $N_ERR) |"
  echo "| normal hits, acknowledged → readable in the CRM API | ${FRESH#FRESHNESS } |"
  echo "| peak RSS | $((RSS_MAX / 1024)) MB |"
  echo "| store on disk: before / peak / after drain | $((STORE_BEFORE / 1024)) KB / $((STORE_PEAK / 1024 / 1024)) MB / $((STORE_AFTER / 1024 / 1024)) MB |"
  echo "| disk growth per hostile request (normal load included) | $PER_HIT bytes |"
  echo "| refused by the limits (\`spoor_rejections_total\`) | ${REFUSED%, } |"
  echo "| backlog drained after the run in | ${DRAIN_SECONDS} s |"
} | tee "$OUT"
FAIL=0
((RSS_MAX <= 512 * 1024)) || { log "peak RSS over 512 MB"; FAIL=1; }
[[ -z $FIVE_XX ]] || { log "5xx answers other than 503: $FIVE_XX"; FAIL=1; }
[[ -n $FRESH_MAX ]] && python3 -c "import sys; sys.exit(0 if $FRESH_MAX <= 1000 else 1)" \
  || { log "a normal hit took over a second to show (or the probe failed)"; FAIL=1; }
exit $FAIL

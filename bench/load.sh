#!/usr/bin/env bash
# bench/load.sh - freshness, memory and overload of the ingest path, in one run.
#
#   1. starts Spoor on a fresh data dir (java $LOAD_JAVA_OPTS -jar target/spoor.jar serve);
#   2. freshness: FreshnessProbe sends a hit for a fresh email every 20 ms and polls the CRM
#      API until the contact (and its timeline event) reads back, at a moderate background load
#      (wrk, 4 connections) and at a saturating one (wrk, 64 connections);
#   3. sustainable rate: 2xx/s at 64 connections (closed loop) over LOAD_SECONDS;
#   4. overload: wrk with LOAD_OVERLOAD_CONNECTIONS (default 1024) connections for
#      LOAD_OVERLOAD_SECONDS (default 60): what it offers vs what is acknowledged, 503s and
#      their Retry-After, the process's peak RSS (sampled every second);
#   5. recovery: waits for the backlog to drain, checks that a new hit is answered 200 at once,
#      and that every acknowledged hit was applied (applied >= acknowledged; the difference is at
#      most the requests in flight when wrk stopped, which it never counts).
# Prints a markdown summary and writes it to bench/results/load-<timestamp>.md.
#
# Knobs: LOAD_JAVA_OPTS (default -Xmx256m), LOAD_SERVE_ARGS (extra `serve` flags, e.g.
#        "--max-wait-ms 0" to refuse at once instead of waiting), LOAD_SECONDS (20),
#        LOAD_OVERLOAD_SECONDS (60), LOAD_OVERLOAD_CONNECTIONS (1024),
#        SPOOR_JAR (default <repo>/target/spoor.jar).
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
JAVA_OPTS=${LOAD_JAVA_OPTS:--Xmx256m}
SERVE_ARGS=${LOAD_SERVE_ARGS:-}
SECONDS_MEASURED=${LOAD_SECONDS:-20}
OVERLOAD_SECONDS=${LOAD_OVERLOAD_SECONDS:-60}
OVERLOAD_CONNECTIONS=${LOAD_OVERLOAD_CONNECTIONS:-1024}
SPOOR_JAR=${SPOOR_JAR:-$ROOT/target/spoor.jar}
# The load makes new contacts and visitors far faster than a site does: lift the per-minute
# limits on what anonymous hits create (README, Operations), so every hit is applied as measured.
export SPOOR_NEW_CONTACTS_PER_MINUTE=${SPOOR_NEW_CONTACTS_PER_MINUTE:-0}
export SPOOR_NEW_VISITORS_PER_MINUTE=${SPOOR_NEW_VISITORS_PER_MINUTE:-0}
BENCH_NAME=load
# shellcheck source=bench/start-spoor.sh
source "$BENCH_DIR/start-spoor.sh"

metric() { curl -s "$URL/metrics" | awk -v m="$1" '$1 ~ "^"m"([{]|$)" {s += $2} END {printf "%d\n", s}'; }
rss_kb() { ps -o rss= -p "$SERVER_PID" | tr -d ' '; }
bench_field() { sed -n "s/.*$2=\([0-9.]*\).*/\1/p" "$1"; }
wrk_run() { # output connections seconds
  wrk -t2 -c"$2" -d"$3"s -s "$BENCH_DIR/wrk/event.lua" "$URL" >"$1" 2>&1
}
freshness() { # background-connections
  wrk -t1 -c"$1" -d120s -s "$BENCH_DIR/wrk/event.lua" "$URL" >/dev/null 2>&1 &
  local bg=$!; BG_PIDS+=("$bg")
  sleep 5
  java -cp "$BENCH_DIR/target/spoor-bench.jar" io.spoor.bench.FreshnessProbe "$URL" "$TOKEN" 250 20
  kill "$bg" 2>/dev/null || true; wait "$bg" 2>/dev/null || true
}

log "warm-up 15 s at 64 connections"
wrk_run "$WORK/warmup.txt" 64 15
log "freshness at a moderate load (4 connections)"
FRESH_MODERATE=$(freshness 4)
log "freshness at a saturating load (64 connections)"
FRESH_SATURATED=$(freshness 64)

log "sustainable rate: ${SECONDS_MEASURED} s at 64 connections"
RSS_MAX=0
sample_rss() { while kill -0 "$SERVER_PID" 2>/dev/null; do r=$(rss_kb); ((r > RSS_MAX)) && RSS_MAX=$r && echo "$r" >"$WORK/rss"; sleep 1; done; }
sample_rss & BG_PIDS+=("$!")
wrk_run "$WORK/steady.txt" 64 "$SECONDS_MEASURED"
STEADY_OK=$(bench_field "$WORK/steady.txt" ok_rps)
STEADY_P99=$(bench_field "$WORK/steady.txt" p99_us)

log "overload: ${OVERLOAD_SECONDS} s at ${OVERLOAD_CONNECTIONS} connections"
applied_before=$(metric spoor_hits_total)
RETRY_AFTER_SEEN=no
( end=$((SECONDS + OVERLOAD_SECONDS - 5)); while ((SECONDS < end)); do
    if curl -s -D - -o /dev/null "$URL/v1/event?_a=1&_n=overload_probe&email=probe%40example.com" \
      | grep -qi '^retry-after:'; then echo yes >"$WORK/retry-after"; break; fi
    sleep 0.2; done ) & BG_PIDS+=("$!")
wrk_run "$WORK/overload.txt" "$OVERLOAD_CONNECTIONS" "$OVERLOAD_SECONDS"
[[ -f $WORK/retry-after ]] && RETRY_AFTER_SEEN=yes
OFFERED=$(bench_field "$WORK/overload.txt" rps)
OVER_OK=$(bench_field "$WORK/overload.txt" ok_rps)
OVER_REQUESTS=$(bench_field "$WORK/overload.txt" requests)
OVER_REFUSED=$(bench_field "$WORK/overload.txt" status_errors)
OVER_P99=$(bench_field "$WORK/overload.txt" p99_us)
ACKED=$((OVER_REQUESTS - OVER_REFUSED))

log "recovery: waiting for the backlog to drain"
drain_start=$SECONDS
while (( $(metric spoor_ingest_queue_depth) > 0 )); do
  ((SECONDS - drain_start < 300)) || { log "backlog did not drain in 300 s"; exit 1; }
  sleep 0.5
done
DRAIN_SECONDS=$((SECONDS - drain_start))
RECOVERED=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "$URL/v1/event?_a=1&_n=after_overload&email=after%40example.com")
sleep 2
applied_after=$(metric spoor_hits_total)
APPLIED=$((applied_after - applied_before))
RSS_MAX=$(cat "$WORK/rss" 2>/dev/null || echo 0)
STORE_BYTES=$(du -sb "$WORK/store" | cut -f1)
LOST=no
# every acknowledged hit of the overload, plus the probes and the recovery hit, was applied
((APPLIED + 0 >= ACKED)) || LOST=yes

ratio() { python3 -c "print(f'{$1 / $2:.2f}' if $2 else 'n/a')"; }
OUT="$BENCH_DIR/results/load-$(date -u +%Y%m%dT%H%M%SZ).md"
mkdir -p "$BENCH_DIR/results"
{
  echo "## Ingest under load ($(date -u +%Y-%m-%dT%H:%MZ), java $JAVA_OPTS, serve $SERVE_ARGS)"
  echo
  echo "| measure | value |"
  echo "|---|---|"
  echo "| freshness, moderate load (4 conns): acknowledged → readable | ${FRESH_MODERATE#FRESHNESS } |"
  echo "| freshness, saturating load (64 conns) | ${FRESH_SATURATED#FRESHNESS } |"
  echo "| sustainable: acknowledged hits/s at 64 conns | ${STEADY_OK%.*} (p99 $((STEADY_P99 / 1000)) ms) |"
  echo "| overload: offered answers/s at $OVERLOAD_CONNECTIONS conns | ${OFFERED%.*} ($(ratio "$OFFERED" "$STEADY_OK")× sustainable) |"
  echo "| overload: acknowledged hits/s | ${OVER_OK%.*} (p99 $((OVER_P99 / 1000)) ms) |"
  echo "| overload: answered 503 | $OVER_REFUSED of $OVER_REQUESTS; Retry-After seen: $RETRY_AFTER_SEEN |"
  echo "| peak RSS (steady + overload) | $((RSS_MAX / 1024)) MB |"
  echo "| backlog drained after the overload in | ${DRAIN_SECONDS} s |"
  echo "| first hit after the overload | HTTP ${RECOVERED% *} in ${RECOVERED#* } s |"
  echo "| acknowledged in the overload / applied since it began | $ACKED / $APPLIED; lost: $LOST |"
  echo "| store size / applied hits | $((STORE_BYTES / 1024 / 1024)) MB, $(( STORE_BYTES / ($(metric spoor_hits_total) + 1) )) bytes per hit |"
} | tee "$OUT"
[[ $LOST == no ]] || { log "acknowledged hits were lost"; exit 1; }

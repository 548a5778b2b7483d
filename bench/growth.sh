#!/usr/bin/env bash
# bench/growth.sh - does ingest slow down as the store grows? The Events API load of
# bench/run.sh (wrk/event.lua, 64 connections) against an empty store and against a store
# already holding GROWTH_CONTACTS contacts and GROWTH_EVENTS events (seeded by bench/scale.sh,
# which also times its lookups on the way), one after the other in the same run.
# Prints acknowledged hits/s and p50/p99 for both and the ratio, and writes them to
# bench/results/growth-<timestamp>.md. The seeded store (about 2 GB at the defaults) is deleted.
#
# Usage: bench/growth.sh     (about 8 minutes at the defaults)
# Knobs: GROWTH_CONTACTS (1000000), GROWTH_EVENTS (10000000), GROWTH_SECONDS (15),
#        GROWTH_WARMUP (10), SPOOR_JAR (default <repo>/target/spoor.jar).
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
CONTACTS=${GROWTH_CONTACTS:-1000000}
EVENTS=${GROWTH_EVENTS:-10000000}
SECS=${GROWTH_SECONDS:-15}
WARM=${GROWTH_WARMUP:-10}
export SPOOR_JAR=${SPOOR_JAR:-$ROOT/target/spoor.jar}
# The load makes new contacts and visitors far faster than a site does: lift the per-minute
# limits on what anonymous hits create (README, Operations), so every hit is applied as measured.
export SPOOR_NEW_CONTACTS_PER_MINUTE=${SPOOR_NEW_CONTACTS_PER_MINUTE:-0}
export SPOOR_NEW_VISITORS_PER_MINUTE=${SPOOR_NEW_VISITORS_PER_MINUTE:-0}
TOKEN=bench-token-0123456789
WORK=$(mktemp -d "${TMPDIR:-/tmp}/spoor-growth.XXXXXX")
SERVER_PID=""
SEEDED=""

log() { echo "[growth] $*" >&2; }
stop_server() {
  [[ -n $SERVER_PID ]] || return 0
  kill -TERM "$SERVER_PID" 2>/dev/null || true
  # a server stopped by SIGTERM exits non-zero; that is not this script's failure
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}
cleanup() {
  stop_server
  rm -rf "$WORK"
  [[ -z $SEEDED ]] || rm -rf "$SEEDED"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

[[ -f $SPOOR_JAR ]] || (cd "$ROOT" && mvn -q -DskipTests package)

measure() { # data-dir label
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  SPOOR_BOOTSTRAP_TOKEN=$TOKEN java -jar "$SPOOR_JAR" serve --port "$port" --host 127.0.0.1 --data "$1" \
    >"$WORK/$2-server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.2; done
  wrk -t2 -c64 -d"${WARM}s" -s "$BENCH_DIR/wrk/event.lua" "http://127.0.0.1:$port" >/dev/null 2>&1
  wrk -t2 -c64 -d"${SECS}s" -s "$BENCH_DIR/wrk/event.lua" "http://127.0.0.1:$port" >"$WORK/$2.txt" 2>&1
  stop_server
  sed -n 's/^BENCH .*ok_rps=\([0-9.]*\) p50_us=\([0-9]*\) p99_us=\([0-9]*\).*/\1 \2 \3/p' "$WORK/$2.txt"
}

log "seeding $CONTACTS contacts and $EVENTS events (bench/scale.sh, its lookups timed briefly)"
SCALE_CONTACTS=$CONTACTS SCALE_EVENTS=$EVENTS SCALE_REQUESTS=50 SCALE_WARMUP=10 SCALE_KEEP_DATA=1 \
  "$BENCH_DIR/scale.sh" >"$WORK/scale.log" 2>&1 || { cat "$WORK/scale.log" >&2; exit 1; }
SEEDED=$(sed -n 's/.*kept the data dir \(.*\)$/\1/p' "$WORK/scale.log" | tail -1)
[[ -d $SEEDED/data ]] || { log "no seeded data dir in the scale log"; cat "$WORK/scale.log" >&2; exit 1; }

log "empty store: ${WARM}s warm-up, ${SECS}s measured"
read -r EMPTY_OK EMPTY_P50 EMPTY_P99 < <(measure "$WORK/empty" empty)
log "store with $EVENTS events: ${WARM}s warm-up, ${SECS}s measured"
read -r FULL_OK FULL_P50 FULL_P99 < <(measure "$SEEDED/data" seeded)

OUT="$BENCH_DIR/results/growth-$(date -u +%Y%m%dT%H%M%SZ).md"
mkdir -p "$BENCH_DIR/results"
{
  echo "## Growth ($(date -u +%Y-%m-%dT%H:%MZ)): /v1/event at 64 connections, empty store vs $CONTACTS contacts and $EVENTS events"
  echo
  echo "| store | 2xx hits/s | p50 | p99 |"
  echo "|---|---:|---:|---:|"
  echo "| empty | ${EMPTY_OK%.*} | $((EMPTY_P50 / 1000)) ms | $((EMPTY_P99 / 1000)) ms |"
  echo "| $EVENTS events | ${FULL_OK%.*} | $((FULL_P50 / 1000)) ms | $((FULL_P99 / 1000)) ms |"
  echo
  echo "Throughput at $EVENTS events / empty: $(python3 -c "print(f'{$FULL_OK / $EMPTY_OK:.2f}')")"
} | tee "$OUT"

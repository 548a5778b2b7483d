#!/usr/bin/env bash
# bench/scale.sh - lookups at scale: how long reads take with a million contacts and ten million
# events stored.
#
# In one run it:
#   1. builds bench/scale (seeder and client -> bench/scale/target/spoor-scale.jar) and, when
#      missing, the server (`mvn -q -DskipTests package` in the repo root);
#   2. starts Spoor once on a fresh data dir (SPOOR_BOOTSTRAP_TOKEN set) so it creates the store,
#      and stops it;
#   3. seeds the store with plain JDBC, writing the rows the server writes for Events HTTP API
#      hits that create contacts and complete events (SCALE_CONTACTS contacts, SCALE_EVENTS
#      completions, a share of them for SCALE_BUSY_CONTACTS busy contacts who also have
#      SCALE_BUSY_PAGE_VIEWS page views each; see bench/scale/.../Seed.java);
#   4. starts Spoor on the seeded store and times, one request at a time after a warm-up:
#      GET a contact by email, the busiest contact's timeline, search by email (EQ) and search
#      by first name (EQ, limit 10); p50, p99 and max of each;
#   5. prints a markdown report (also written to bench/results/scale-<UTC timestamp>.md) with the
#      store's size and bytes per event, and deletes the data dir (unless SCALE_KEEP_DATA=1).
#
# Usage: bench/scale.sh      (from anywhere; the default run takes about 6 minutes and 2 GB of disk)
#   SCALE_CONTACTS=10000 SCALE_EVENTS=100000 bench/scale.sh     a quick run
#
# Knobs (environment variables):
#   SCALE_CONTACTS         contacts                                     (default 1000000)
#   SCALE_EVENTS           event completions in all                     (default 10000000)
#   SCALE_BUSY_CONTACTS    contacts with far more activity than others  (default 5)
#   SCALE_BUSY_EVENTS      completions of each busy contact             (default SCALE_EVENTS / 100)
#   SCALE_BUSY_PAGE_VIEWS  page views of each busy contact              (default 20000)
#   SCALE_REQUESTS         timed requests per call                      (default 2000)
#   SCALE_WARMUP           untimed requests per call first              (default 200)
#   SCALE_TIME_LIMIT       seconds at most per call (at least 10 requests are timed) (default 120)
#   SCALE_JAVA_OPTS        JVM options of the server                    (default none)
#   SCALE_DATA_PARENT      where the data dir is made                   (default $TMPDIR or /tmp)
#   SCALE_KEEP_DATA        1 keeps the seeded data dir (its path is printed)   (default 0)
#   SPOOR_JAR              the server jar                               (default <repo>/target/spoor.jar)
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
CONTACTS=${SCALE_CONTACTS:-1000000}
EVENTS=${SCALE_EVENTS:-10000000}
BUSY=${SCALE_BUSY_CONTACTS:-5}
BUSY_EVENTS=${SCALE_BUSY_EVENTS:-$((EVENTS / 100))}
BUSY_PAGE_VIEWS=${SCALE_BUSY_PAGE_VIEWS:-20000}
REQUESTS=${SCALE_REQUESTS:-2000}
WARMUP=${SCALE_WARMUP:-200}
TIME_LIMIT=${SCALE_TIME_LIMIT:-120}
JAVA_OPTS=${SCALE_JAVA_OPTS:-}
KEEP=${SCALE_KEEP_DATA:-0}
SPOOR_JAR=${SPOOR_JAR:-$ROOT/target/spoor.jar}
SCALE_JAR=$BENCH_DIR/scale/target/spoor-scale.jar
TOKEN=scale-bench-token-0123456789

WORK=$(mktemp -d "${SCALE_DATA_PARENT:-${TMPDIR:-/tmp}}/spoor-scale.XXXXXX")
DATA=$WORK/data
SERVER_PID=""

log() { echo "[scale] $*" >&2; }

stop_server() {
  [[ -n $SERVER_PID ]] || return 0
  if kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 300); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$SERVER_PID" 2>/dev/null; then
      log "server $SERVER_PID ignored SIGTERM for 30 s, killing it"
      kill -KILL "$SERVER_PID" 2>/dev/null || true
    fi
  fi
  # a server stopped by SIGTERM exits non-zero; that is not this script's failure
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}

cleanup() {
  stop_server
  if [[ $KEEP == 1 ]]; then log "kept the data dir $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# start_server NAME : Spoor on $DATA, port chosen by the system; sets PORT when it listens.
start_server() {
  local name=$1
  # shellcheck disable=SC2086 # JAVA_OPTS holds several words
  SPOOR_BOOTSTRAP_TOKEN=$TOKEN java $JAVA_OPTS -jar "$SPOOR_JAR" serve --port 0 --host 127.0.0.1 --data "$DATA" \
    >"$WORK/$name.out" 2>"$WORK/$name.err" &
  SERVER_PID=$!
  PORT=""
  local began=$SECONDS
  until [[ -n $PORT ]]; do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      log "$name exited before listening; last lines:"; tail -n 30 "$WORK/$name.err" >&2; exit 1
    fi
    if ((SECONDS - began > 300)); then log "$name not listening after 300 s"; exit 1; fi
    sleep 0.2
    PORT=$(sed -n 's/^Spoor is listening on port \([0-9]*\).*/\1/p' "$WORK/$name.out")
  done
  until curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$PORT/readyz" 2>/dev/null; do sleep 0.2; done
  STARTED_IN=$((SECONDS - began))
}

command -v curl >/dev/null || { echo "curl is needed" >&2; exit 1; }
if [[ ! -f $SPOOR_JAR ]]; then
  log "building the server"
  (cd "$ROOT" && mvn -q -DskipTests package)
fi
log "building the seeder and client"
mvn -q -f "$BENCH_DIR/scale/pom.xml" package

log "creating the store in $DATA"
start_server create
stop_server

log "seeding $CONTACTS contacts and $EVENTS event completions ($BUSY busy contacts with $BUSY_EVENTS each and $BUSY_PAGE_VIEWS page views)"
java -cp "$SCALE_JAR" io.spoor.bench.scale.Seed "$DATA/spoor.db" "$CONTACTS" "$EVENTS" "$BUSY" "$BUSY_EVENTS" \
  "$BUSY_PAGE_VIEWS" >"$WORK/seed.out"
seeded=$(grep '^SEEDED ' "$WORK/seed.out")
field() { sed -n "s/.* $1=\([0-9]*\).*/\1/p" <<<"$seeded"; }
busiest=$(field busiest)
store_bytes=$(stat -c %s "$DATA/spoor.db")

log "starting Spoor on the seeded store"
start_server serve
log "listening after ${STARTED_IN}s; timing reads"
java -cp "$SCALE_JAR" io.spoor.bench.scale.Probe "http://127.0.0.1:$PORT" "$TOKEN" "$CONTACTS" "$busiest" \
  "$REQUESTS" "$WARMUP" "$TIME_LIMIT" >"$WORK/probe.md"
stop_server

sizes() {  # the largest tables and indexes
  grep '^SIZE ' "$WORK/seed.out" | head -n 12 | awk '{ printf "| %s | %.1f MB |\n", $2, $3 / 1e6 }'
}
event_bytes=$(grep -E '^SIZE (event_completion|event_completion_by_contact) ' "$WORK/seed.out" | awk '{ s += $3 } END { print s + 0 }')
report=$(
  echo "## Lookups at scale, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "\`SCALE_CONTACTS=$CONTACTS SCALE_EVENTS=$EVENTS bench/scale.sh\` on $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end;"
  echo "jar \`$SPOOR_JAR\`; $BUSY busy contacts, the busiest (id $busiest) with $(field busiest_events) completions and $BUSY_PAGE_VIEWS page views."
  echo
  echo "Seeding took $(field seconds) s; the server was listening $STARTED_IN s after its start on the seeded store."
  echo
  cat "$WORK/probe.md"
  echo
  awk -v b="$store_bytes" -v e="$EVENTS" -v c="$CONTACTS" -v ev="$event_bytes" 'BEGIN {
    printf "Store: %.2f GB, %.0f bytes per event completion stored (the whole file over the completions); ", b / 1e9, b / e
    if (ev > 0) printf "the completions table and its index alone: %.0f bytes per completion. ", ev / e
    printf "%.0f bytes per contact if the file is divided over contacts instead.\n", b / c }'
  echo
  if grep -q '^SIZE ' "$WORK/seed.out"; then
    echo "| table or index | size |"
    echo "|---|---:|"
    sizes
  fi
)
echo "$report"
mkdir -p "$BENCH_DIR/results"
echo "$report" >"$BENCH_DIR/results/scale-$(date -u +%Y%m%dT%H%M%SZ).md"

#!/usr/bin/env bash
# bench/scaleout.sh - scale-out on Kafka + PostgreSQL next to the embedded default and the bare
# baseline, in one run on this machine (everything shares its cores: read the ratios, not the
# absolute numbers, and the load average it records).
#
#   1. bare: BareGifServer, wrk with event.lua then beacon.lua;
#   2. embedded: the all-in-one (`serve`, SQLite file and local log), the same loads, then
#      freshness (FreshnessProbe: a hit for a new email every 50 ms, polled in the CRM API until
#      it reads back) under a moderate background load (4 connections);
#   3. kafka+postgresql: a real Kafka broker (KRaft, SCALEOUT_PARTITIONS partitions) and a real
#      PostgreSQL server (fsync on) from the test kit (e2e/start-services.sh), then
#      `serve --role api`, `serve --role collector` x2 and `process` x SCALEOUT_PROCESSORS as
#      processes of their own; the same loads split over both collectors (two wrk, half the
#      connections each), then freshness (hits to a collector, reads from the api process).
# For each load it reports acknowledged hits/s (2xx answers) and p99 at the HTTP edge, applied
# hits/s (spoor_hits_total from /metrics, summed over the processors, from the start of the load
# until every acknowledged hit is applied), and how long that backlog took to drain after the
# load stopped. Fails if fewer hits were applied than acknowledged.
# Writes bench/results/scaleout-<timestamp>.md.
#
# Knobs: SCALEOUT_SECONDS (20) per load, SCALEOUT_WARMUP (5), SCALEOUT_CONNECTIONS (64, split
#        over the collectors), SCALEOUT_PARTITIONS (4), SCALEOUT_PROCESSORS (2),
#        SCALEOUT_JAVA_OPTS (-Xmx512m, every JVM), SCALEOUT_LOADS ("event beacon"),
#        SCALEOUT_PROBES (100), SPOOR_JAR (<repo>/target/spoor.jar).
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
SECS=${SCALEOUT_SECONDS:-20}
WARMUP=${SCALEOUT_WARMUP:-5}
CONNS=${SCALEOUT_CONNECTIONS:-64}
PARTITIONS=${SCALEOUT_PARTITIONS:-4}
PROCESSORS=${SCALEOUT_PROCESSORS:-2}
JAVA_OPTS=${SCALEOUT_JAVA_OPTS:--Xmx512m}
LOADS=${SCALEOUT_LOADS:-event beacon}
PROBES=${SCALEOUT_PROBES:-100}
SPOOR_JAR=${SPOOR_JAR:-$ROOT/target/spoor.jar}
BENCH_JAR=$BENCH_DIR/target/spoor-bench.jar
TOKEN=bench-token-0123456789
TOPIC=spoor-hits
# the loads make contacts and visitors far faster than a portal's default limits allow
export SPOOR_NEW_CONTACTS_PER_MINUTE=${SPOOR_NEW_CONTACTS_PER_MINUTE:-0}
export SPOOR_NEW_VISITORS_PER_MINUTE=${SPOOR_NEW_VISITORS_PER_MINUTE:-0}
export SPOOR_BOOTSTRAP_TOKEN=$TOKEN

WORK=$(mktemp -d "${TMPDIR:-/tmp}/spoor-scaleout.XXXXXX")
PIDS=()
# shellcheck source=e2e/start-services.sh
source "$ROOT/e2e/start-services.sh"
log() { echo "[scaleout] $*" >&2; }
stop_all() {
  local p
  for p in "${PIDS[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
  PIDS=()
}
trap 'stop_all; stop_services; rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

for tool in wrk curl; do
  command -v "$tool" >/dev/null || { log "installing $tool"; apt-get install -y -qq "$tool" >/dev/null; }
done
(cd "$BENCH_DIR" && mvn -B -ntp -q -DskipTests package) >"$WORK/build.log" 2>&1 \
  || { log "bench build failed"; cat "$WORK/build.log" >&2; exit 1; }
[[ -f $SPOOR_JAR ]] || (cd "$ROOT" && mvn -B -ntp -q -DskipTests package)

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
field() { sed -n "s/.*[ ]$2=\([0-9.]*\).*/\1/p" "$1" | head -1; }
# metric NAME URL... : a metric's samples added up over every server given
metric() {
  local name=$1 total=0 v u; shift
  for u in "$@"; do
    v=$(curl -s "$u/metrics" | awk -v m="$name" '$1 ~ "^"m"([{]|$)" {s += $2} END {printf "%d\n", s}')
    total=$((total + v))
  done
  echo "$total"
}
# start NAME ARGS... : Spoor as a process of its own; sets STARTED to its base URL once /readyz answers 200
start() {
  local name=$1 port; shift
  port=$(free_port)
  mkdir -p "$WORK/$name"
  # shellcheck disable=SC2086
  java $JAVA_OPTS -jar "$SPOOR_JAR" "$@" --port "$port" --host 127.0.0.1 --data "$WORK/$name/data" \
    >"$WORK/$name/out.log" 2>"$WORK/$name/err.log" &
  PIDS+=("$!")
  local pid=$! deadline=$((SECONDS + 180))
  until curl -sf -o /dev/null "http://127.0.0.1:$port/readyz"; do
    kill -0 "$pid" 2>/dev/null || { log "$name exited at start:"; tail -n 30 "$WORK/$name/err.log" >&2; exit 1; }
    ((SECONDS < deadline)) || { log "$name not ready after 180 s"; tail -n 30 "$WORK/$name/err.log" >&2; exit 1; }
    sleep 0.3
  done
  STARTED="http://127.0.0.1:$port"
}
open_portal() { # the bench token's rate limits off: the probe polls as fast as it can
  curl -sf -X PATCH -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d '{"rateLimitSecondly":0,"rateLimitDaily":0}' "$1/api/v1/portal" >/dev/null
}

# wrk_split OUT SCRIPT SECONDS CONNECTIONS URL... : one wrk a URL, the connections shared out;
# writes OUT with the summed 2xx/s and all answers/s, the worst p99 and the 2xx count
wrk_split() {
  local out=$1 script=$2 secs=$3 conns=$4 i=0 n; shift 4
  n=$#
  local each=$((conns / n)) threads=$((n > 1 ? 1 : 2)) pids=()
  for u in "$@"; do
    wrk -t"$threads" -c"$each" -d"${secs}s" --timeout 5s -s "$BENCH_DIR/wrk/$script.lua" "$u" >"$out.$i" 2>&1 &
    pids+=("$!"); i=$((i + 1))
  done
  for p in "${pids[@]}"; do wait "$p" || { log "wrk failed"; cat "$out".* >&2; exit 1; }; done
  cat "$out".* | awk '/^BENCH / {
      for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
      rps += v["rps"]; ok += v["ok_rps"]; bad += v["status_errors"] + v["socket_errors"]
      acked += v["requests"] - v["status_errors"]; if (v["p99_us"] > p99) p99 = v["p99_us"]
    } END { printf "SUM rps=%.0f ok_rps=%.0f p99_us=%d acked=%d errors=%d\n", rps, ok, p99, acked, bad }' >"$out"
}

# wait_applied BEFORE ACKED SERVERS... : until the servers applied ACKED hits since BEFORE;
# echoes the seconds it took
wait_applied() {
  local before=$1 acked=$2 start=$SECONDS now; shift 2
  while :; do
    now=$(metric spoor_hits_total "$@")
    ((now - before >= acked)) && break
    ((SECONDS - start < 600)) || { log "only $((now - before)) of $acked acknowledged hits applied after 600 s"; exit 1; }
    sleep 0.2
  done
  echo $((SECONDS - start))
}

declare -A R
# measure SETUP LOAD APPLIERS EDGES... : warm-up, drain, the measured load, drain; fills R[SETUP:LOAD:*]
measure() {
  local setup=$1 load=$2 appliers=$3 out before t0 drain total; shift 3
  read -r -a appliers_list <<<"$appliers"
  log "$setup: $load warm-up ${WARMUP}s"
  wrk_split "$WORK/warm" "$load" "$WARMUP" "$CONNS" "$@"
  before=$(metric spoor_hits_total "${appliers_list[@]}")
  sleep 2 # the warm-up's backlog: wait until nothing more is applied
  while :; do local b2; b2=$(metric spoor_hits_total "${appliers_list[@]}"); ((b2 == before)) && break; before=$b2; sleep 2; done
  log "$setup: $load ${SECS}s at $CONNS connections (load average $(loadavg))"
  out=$WORK/$setup-$load.txt
  t0=$(date +%s.%N)
  wrk_split "$out" "$load" "$SECS" "$CONNS" "$@"
  drain=$(wait_applied "$before" "$(field "$out" acked)" "${appliers_list[@]}")
  total=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')
  R[$setup:$load:ok]=$(field "$out" ok_rps)
  R[$setup:$load:p99]=$(awk -v us="$(field "$out" p99_us)" 'BEGIN { printf "%.1f", us / 1000 }')
  R[$setup:$load:errors]=$(field "$out" errors)
  R[$setup:$load:applied]=$(awk -v n="$(( $(metric spoor_hits_total "${appliers_list[@]}") - before ))" -v t="$total" \
    'BEGIN { printf "%.0f", n / t }')
  R[$setup:$load:drain]=$drain
  R[$setup:$load:load]=$(loadavg)
}

# freshness SETUP HIT_URL READ_URL BG_URL : FreshnessProbe under a 4-connection background load
freshness() {
  local bg line
  wrk -t1 -c4 -d600s -s "$BENCH_DIR/wrk/event.lua" "$4" >/dev/null 2>&1 &
  bg=$!
  sleep 3
  line=$(java -Dfreshness.read="$3" -cp "$BENCH_JAR" io.spoor.bench.FreshnessProbe "$2" "$TOKEN" "$PROBES" 50)
  kill "$bg" 2>/dev/null || true; wait "$bg" 2>/dev/null || true
  R[$1:fresh]=${line#FRESHNESS }
}

LOAD_BEFORE=$(loadavg)
log "load average before the run: $LOAD_BEFORE ($(nproc) cores)"

# --- bare ---------------------------------------------------------------------------------
BARE_PORT=$(free_port)
# shellcheck disable=SC2086
java $JAVA_OPTS -jar "$BENCH_JAR" "$BARE_PORT" >"$WORK/bare.log" 2>&1 &
PIDS+=("$!")
until curl -sf -o /dev/null "http://127.0.0.1:$BARE_PORT/"; do sleep 0.2; done
for load in $LOADS; do
  log "bare: $load"
  wrk_split "$WORK/warm" "$load" "$WARMUP" "$CONNS" "http://127.0.0.1:$BARE_PORT"
  wrk_split "$WORK/bare-$load.txt" "$load" "$SECS" "$CONNS" "http://127.0.0.1:$BARE_PORT"
  R[bare:$load:ok]=$(field "$WORK/bare-$load.txt" ok_rps)
  R[bare:$load:p99]=$(awk -v us="$(field "$WORK/bare-$load.txt" p99_us)" 'BEGIN { printf "%.1f", us / 1000 }')
  R[bare:$load:errors]=$(field "$WORK/bare-$load.txt" errors)
  R[bare:$load:load]=$(loadavg)
done
stop_all

# --- embedded all-in-one ------------------------------------------------------------------
start embedded serve; ALL=$STARTED
open_portal "$ALL"
for load in $LOADS; do measure embedded "$load" "$ALL" "$ALL"; done
log "embedded: freshness"
freshness embedded "$ALL" "$ALL" "$ALL"
stop_all

# --- Kafka + PostgreSQL -------------------------------------------------------------------
log "starting Kafka ($PARTITIONS partitions) and PostgreSQL"
start_services "$WORK" --postgres-durable --kafka "$TOPIC" "$PARTITIONS"
STORE=(--store "$SERVICES_STORE" --log "$SERVICES_LOG" --kafka-group scaleout)
start api serve --role api "${STORE[@]}"; API=$STARTED  # first: it makes the store's default portal
open_portal "$API"
start collector-1 serve --role collector "${STORE[@]}"; C1=$STARTED
start collector-2 serve --role collector "${STORE[@]}"; C2=$STARTED
APPLIERS=""
for i in $(seq 1 "$PROCESSORS"); do start "processor-$i" process "${STORE[@]}"; APPLIERS+="$STARTED "; done
for load in $LOADS; do measure kafka "$load" "$APPLIERS" "$C1" "$C2"; done
log "kafka+postgresql: freshness"
freshness kafka "$C1" "$API" "$C2"
stop_all
stop_services

# --- report -------------------------------------------------------------------------------
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$BENCH_DIR/results/scaleout-$STAMP.md
mkdir -p "$BENCH_DIR/results"
name() { case $1 in bare) echo "bare Netty";; embedded) echo "embedded all-in-one";;
  kafka) echo "Kafka + PostgreSQL, 2 collectors, $PROCESSORS processors";; esac; }
{
  echo "## Scale-out ($STAMP, commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown))"
  echo
  echo "\`bench/scaleout.sh\`: $(nproc) cores shared by every process (servers, Kafka, PostgreSQL, wrk);" \
       "java $JAVA_OPTS; $CONNS connections, ${SECS}s a load after a ${WARMUP}s warm-up; topic of $PARTITIONS" \
       "partitions; PostgreSQL with fsync on. Load average before the run: $LOAD_BEFORE."
  echo
  echo "| setup | load | acknowledged hits/s | p99 at the edge | applied hits/s | backlog drained after | errors | load average |"
  echo "|---|---|---:|---:|---:|---:|---:|---|"
  for setup in bare embedded kafka; do
    for load in $LOADS; do
      if [[ $setup == bare ]]; then applied="–"; drain="–"; else applied=${R[$setup:$load:applied]}; drain="${R[$setup:$load:drain]} s"; fi
      echo "| $(name $setup) | $load | ${R[$setup:$load:ok]} | ${R[$setup:$load:p99]} ms | $applied | $drain | ${R[$setup:$load:errors]} | ${R[$setup:$load:load]} |"
    done
  done
  echo
  echo "Freshness (acknowledged → contact and timeline event readable in the CRM API, $PROBES probes, one every 50 ms, under a 4-connection event load):"
  echo
  echo "- embedded all-in-one: ${R[embedded:fresh]}"
  echo "- Kafka + PostgreSQL (hit to a collector, read from the api process): ${R[kafka:fresh]}"
} | tee "$OUT"
log "written to ${OUT#"$ROOT"/}"

#!/usr/bin/env bash
# bench/run.sh - HTTP throughput and latency of Spoor against a bare Netty baseline.
#
# In one run on this machine it:
#   1. builds the harness (bench/pom.xml -> bench/target/spoor-bench.jar) and, unless
#      SPOOR_CMD or TARGET_URL is set, makes sure ../target/spoor.jar exists (building the
#      server with `mvn -q -DskipTests package` in the repo root if it is missing);
#   2. starts BareGifServer (plain Netty, answers every GET with a 1x1 GIF) on a random free
#      port, warms it up, runs wrk at each connection count, stops it;
#   3. starts Spoor (`java -jar target/spoor.jar serve --port P --data <fresh temp dir>`,
#      SPOOR_BOOTSTRAP_TOKEN=bench-token-0123456789), waits for GET /readyz to answer 200, warms up,
#      runs the same wrk load, stops it with SIGTERM;
#   4. prints a markdown table (req/s, p50, p99 for both; Spoor's answers and acknowledged (2xx)
#      hits per second, the ratio counting only acknowledged ones) and writes it,
#      with the raw wrk output, to bench/results/<timestamp>.md.
# Everything it started is stopped on exit.
#
# Usage: bench/run.sh            (from anywhere)
#
# Knobs (environment variables):
#   BENCH_DURATION     wrk duration of each measured run            (default 10s)
#   BENCH_WARMUP       wrk warm-up before measuring each server     (default 5s)
#   BENCH_THREADS      wrk threads                                  (default 2)
#   BENCH_CONNECTIONS  space-separated connection counts            (default "64 256")
#   BENCH_SCRIPT       load shape: event (/v1/event), beacon (/__ptq.gif) or segment
#                      (POST /v1/batch, 100 Segment messages a request)  (default event)
#   BENCH_JAVA_OPTS    JVM options for both servers                 (default none)
#   BENCH_SERVE_ARGS   extra arguments for `spoor serve`, e.g. "--apply-interval-ms 0"  (default none)
#   BENCH_EMAILS       distinct contact emails the event script picks from: with 1000000 hits
#                      first create contacts, then about half are about one of hundreds of
#                      thousands of known contacts (the costliest shape measured); 10000 sends
#                      events about contacts that mostly exist already; 100000000 makes
#                      nearly every hit create a contact               (default 1000000)
#   BENCH_READY_TIMEOUT seconds to wait for GET /readyz             (default 60)
#   BENCH_SERVER_CPUS, BENCH_WRK_CPUS  pin servers / wrk to CPUs with taskset, e.g. 1 and 0
#                      (default: unpinned, both share all cores)
#   SPOOR_JAR          the server jar                               (default <repo>/target/spoor.jar)
#   SPOOR_CMD          replaces the Spoor start command; run by bash with PORT and DATA_DIR
#                      exported, e.g. for a harness check against a second bare server:
#                      SPOOR_CMD='java -jar bench/target/spoor-bench.jar $PORT' bench/run.sh
#   TARGET_URL         benchmark an already-running server at this base URL instead of
#                      starting one (it is neither started nor stopped)
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
DURATION=${BENCH_DURATION:-10s}
WARMUP=${BENCH_WARMUP:-5s}
THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-"64 256"}
SCRIPT_NAME=${BENCH_SCRIPT:-event}
JAVA_OPTS=${BENCH_JAVA_OPTS:-}
SERVE_ARGS=${BENCH_SERVE_ARGS:-}
export BENCH_EMAILS=${BENCH_EMAILS:-1000000}
READY_TIMEOUT=${BENCH_READY_TIMEOUT:-60}
SERVER_PIN=(); [[ -n ${BENCH_SERVER_CPUS:-} ]] && SERVER_PIN=(taskset -c "$BENCH_SERVER_CPUS")
WRK_PIN=(); [[ -n ${BENCH_WRK_CPUS:-} ]] && WRK_PIN=(taskset -c "$BENCH_WRK_CPUS")
SPOOR_JAR=${SPOOR_JAR:-$ROOT/target/spoor.jar}
# The load makes new contacts and visitors far faster than a site does: lift the per-minute
# limits on what anonymous hits create (README, Operations), so every hit is applied as measured.
export SPOOR_NEW_CONTACTS_PER_MINUTE=${SPOOR_NEW_CONTACTS_PER_MINUTE:-0}
export SPOOR_NEW_VISITORS_PER_MINUTE=${SPOOR_NEW_VISITORS_PER_MINUTE:-0}
BENCH_JAR=$BENCH_DIR/target/spoor-bench.jar
SCRIPT=$BENCH_DIR/wrk/$SCRIPT_NAME.lua

case $SCRIPT_NAME in
  event)  CHECK_PATH='/v1/event?_a=1&_n=bench_check&email=check%40example.com' ;;
  beacon) CHECK_PATH='/__ptq.gif?k=1&a=1&v=1.1&vi=0123456789abcdef0123456789abcdef&pu=https%3A%2F%2Fwww.example.com%2F&t=Check' ;;
  # the readiness check is a tracking GET either way; the load posts batches with a write key
  segment) CHECK_PATH='/v1/event?_a=1&_n=bench_check&email=check%40example.com' ;;
  *) echo "BENCH_SCRIPT must be event, beacon or segment" >&2; exit 2 ;;
esac

WORK=$(mktemp -d "${TMPDIR:-/tmp}/spoor-bench.XXXXXX")
SERVER_PID=""
WRK_PID=""

log() { echo "[bench] $*" >&2; }

stop_server() {
  [[ -n $SERVER_PID ]] || return 0
  if kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM -- "-$SERVER_PID" 2>/dev/null || kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 150); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$SERVER_PID" 2>/dev/null; then
      log "server $SERVER_PID ignored SIGTERM for 15 s, killing it"
      kill -KILL -- "-$SERVER_PID" 2>/dev/null || kill -KILL "$SERVER_PID" 2>/dev/null || true
    fi
  fi
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
WRK_PID=""
}

cleanup() {
  if [[ -n $WRK_PID ]]; then kill "$WRK_PID" 2>/dev/null || true; wait "$WRK_PID" 2>/dev/null || true; fi
  stop_server
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

install_missing() {
  local missing=()
  for tool in "$@"; do command -v "$tool" >/dev/null || missing+=("$tool"); done
  ((${#missing[@]} == 0)) && return 0
  log "installing ${missing[*]} with apt-get"
  local sudo=""; ((EUID == 0)) || sudo=sudo
  if ! { $sudo apt-get update -qq && $sudo apt-get install -y -qq "${missing[@]}" >/dev/null; }; then
    echo "could not install ${missing[*]}; install them and rerun" >&2; exit 1
  fi
}

free_port() {
  local p
  while :; do
    p=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
}

# start_server NAME COMMAND... : runs the command from the repo root in its own process
# group (so stopping it also stops any children), logging to $WORK/NAME.log.
start_server() {
  local name=$1; shift
  (cd "$ROOT" && exec setsid "${SERVER_PIN[@]}" "$@") >"$WORK/$name.log" 2>&1 &
  SERVER_PID=$!
}

wait_ready() {
  local name=$1 url=$2 deadline=$((SECONDS + READY_TIMEOUT))
  until curl -fsS -o /dev/null --max-time 1 "$url/readyz" 2>/dev/null; do
    if [[ -n $SERVER_PID ]] && ! kill -0 "$SERVER_PID" 2>/dev/null; then
      log "$name exited before it was ready; last log lines:"; tail -n 30 "$WORK/$name.log" >&2; exit 1
    fi
    if ((SECONDS >= deadline)); then
      log "$name not ready after ${READY_TIMEOUT}s at $url/readyz"; tail -n 30 "$WORK/$name.log" >&2 || true; exit 1
    fi
    sleep 0.2
  done
  local got
  got=$(curl -sS -o /dev/null --max-time 5 -w '%{http_code} %{content_type}' "$url$CHECK_PATH")
  if [[ $got != "200 image/gif"* ]]; then
    log "$name answered '$got' to GET $CHECK_PATH (want 200 image/gif)"; exit 1
  fi
}

# run_wrk OUTFILE ARGS... : wrk in the background, so that Ctrl-C and SIGTERM act at once.
run_wrk() {
  local out=$1; shift
  "${WRK_PIN[@]}" wrk "$@" >"$out" &
  WRK_PID=$!
  wait "$WRK_PID" || { log "wrk failed"; cat "$out" >&2; exit 1; }
  WRK_PID=""
}

# measure NAME URL : warm-up, then one wrk run per connection count; results in R[NAME:c:*].
declare -A R
measure() {
  local name=$1 url=$2 max_c=0 c line out
  for c in $CONNECTIONS; do if ((c > max_c)); then max_c=$c; fi; done
  log "$name: warm-up $WARMUP at $max_c connections"
  run_wrk "$WORK/warmup.txt" -t"$THREADS" -c"$max_c" -d"$WARMUP" -s "$SCRIPT" "$url"
  for c in $CONNECTIONS; do
    log "$name: $DURATION, $THREADS threads, $c connections"
    out=$WORK/wrk-$name-$c.txt
    run_wrk "$out" -t"$THREADS" -c"$c" -d"$DURATION" --timeout 5s -s "$SCRIPT" "$url"
    line=$(grep '^BENCH ' "$out") || { log "no BENCH line from wrk"; cat "$out" >&2; exit 1; }
    for kv in ${line#BENCH }; do R[$name:$c:${kv%%=*}]=${kv#*=}; done
  done
}

ms() { awk -v us="$1" 'BEGIN { printf "%.2f ms", us / 1000 }'; }

report() {
  local c side bad errors=""
  echo "| Connections | Bare req/s | Bare p50 | Bare p99 | Spoor answers/s | Spoor 2xx/s | Spoor p50 | Spoor p99 | Spoor 2xx/bare |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  for c in $CONNECTIONS; do
    printf '| %s | %.0f | %s | %s | %.0f | %.0f | %s | %s | %s |\n' "$c" \
      "${R[bare:$c:rps]}" "$(ms "${R[bare:$c:p50_us]}")" "$(ms "${R[bare:$c:p99_us]}")" \
      "${R[spoor:$c:rps]}" "${R[spoor:$c:ok_rps]}" "$(ms "${R[spoor:$c:p50_us]}")" "$(ms "${R[spoor:$c:p99_us]}")" \
      "$(awk -v s="${R[spoor:$c:ok_rps]}" -v b="${R[bare:$c:rps]}" 'BEGIN { printf "%.2f", s / b }')"
    for side in bare spoor; do
      bad=$((${R[$side:$c:status_errors]} + ${R[$side:$c:socket_errors]}))
      if ((bad > 0)); then
        errors+="${errors:+; }$side at $c connections: ${R[$side:$c:status_errors]} non-2xx, ${R[$side:$c:socket_errors]} socket errors"
      fi
    done
  done
  echo
  echo "Errors: ${errors:-none}"
}

# --- build -------------------------------------------------------------------------------
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
if awk -v l="${LOAD_BEFORE%% *}" -v n="$(nproc)" 'BEGIN { exit !(l > n / 2) }'; then
  log "warning: the machine is busy (load average $LOAD_BEFORE); numbers will be noisy"
fi
install_missing wrk curl
log "building the harness"
build() { # build DIR : quiet Maven package, its output shown only if it fails
  (cd "$1" && mvn -q -B -DskipTests package) >"$WORK/build.log" 2>&1 \
    || { log "build failed in $1"; cat "$WORK/build.log" >&2; exit 1; }
}
build "$BENCH_DIR"
if [[ -z ${SPOOR_CMD:-} && -z ${TARGET_URL:-} && ! -f $SPOOR_JAR ]]; then
  log "$SPOOR_JAR missing, building the server"
  build "$ROOT"
fi

# --- bare baseline -----------------------------------------------------------------------
BARE_PORT=$(free_port)
# shellcheck disable=SC2086  # JAVA_OPTS is a list of words
start_server bare java $JAVA_OPTS -jar "$BENCH_JAR" "$BARE_PORT"
wait_ready bare "http://127.0.0.1:$BARE_PORT"
measure bare "http://127.0.0.1:$BARE_PORT"
stop_server

# --- Spoor -------------------------------------------------------------------------------
if [[ -n ${TARGET_URL:-} ]]; then
  SPOOR_URL=${TARGET_URL%/}
  SPOOR_DESC="already running at $SPOOR_URL"
else
  export PORT DATA_DIR
  PORT=$(free_port)
  while [[ $PORT == "$BARE_PORT" ]]; do PORT=$(free_port); done
  DATA_DIR=$WORK/data && mkdir -p "$DATA_DIR"
  SPOOR_URL=http://127.0.0.1:$PORT
  if [[ -n ${SPOOR_CMD:-} ]]; then
    SPOOR_DESC="SPOOR_CMD: $SPOOR_CMD"
    start_server spoor bash -c "$SPOOR_CMD"
  else
    SPOOR_DESC="java ${JAVA_OPTS:+$JAVA_OPTS }-jar ${SPOOR_JAR#"$ROOT"/} serve --port <port> --data <fresh temp dir>${SERVE_ARGS:+ $SERVE_ARGS}"
    # shellcheck disable=SC2086
    SPOOR_BOOTSTRAP_TOKEN=bench-token-0123456789 start_server spoor \
      java $JAVA_OPTS -jar "$SPOOR_JAR" serve --port "$PORT" --data "$DATA_DIR" $SERVE_ARGS
  fi
fi
wait_ready spoor "$SPOOR_URL"
if [[ $SCRIPT_NAME == segment && -z ${BENCH_WRITE_KEY:-} ]]; then
  # a write key of the default portal, made with the bootstrap token (set BENCH_WRITE_KEY for TARGET_URL)
  BENCH_WRITE_KEY=$(curl -fsS -X POST -H 'Authorization: Bearer bench-token-0123456789' \
    -H 'Content-Type: application/json' -d '{"name":"bench"}' "$SPOOR_URL/api/v1/write-keys" \
    | sed -n 's/.*"key":"\([A-Za-z0-9]*\)".*/\1/p')
  [[ -n $BENCH_WRITE_KEY ]] || { log "could not create a write key"; exit 1; }
  export BENCH_WRITE_KEY
fi
measure spoor "$SPOOR_URL"
stop_server

# --- report ------------------------------------------------------------------------------
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RESULT=$BENCH_DIR/results/$STAMP.md
TABLE=$(report)
mkdir -p "$BENCH_DIR/results"
{
  echo "# Spoor benchmark $STAMP"
  echo
  echo "- commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "- machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)," \
       "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo "- java: $(java -version 2>&1 | head -1); wrk: $(wrk -v 2>&1 | head -1 | cut -d' ' -f2)"
  echo "- load: wrk/$SCRIPT_NAME.lua, $THREADS threads, $DURATION per run after a $WARMUP warm-up${BENCH_EMAILS:+, BENCH_EMAILS=$BENCH_EMAILS}"
  echo "- CPUs: servers ${BENCH_SERVER_CPUS:-all}, wrk ${BENCH_WRK_CPUS:-all}; load average before the run: $LOAD_BEFORE"
  echo "- bare: BareGifServer (Netty NIO); spoor: $SPOOR_DESC"
  echo
  echo "$TABLE"
  echo
  echo "## Raw wrk output"
  for side in bare spoor; do
    for c in $CONNECTIONS; do
      echo; echo "### $side, $c connections"; echo; echo '```'; cat "$WORK/wrk-$side-$c.txt"; echo '```'
    done
  done
} >"$RESULT"
echo
echo "$TABLE"
echo
echo "Written to ${RESULT#"$ROOT"/}"

# bench/start-spoor.sh - sourced by load.sh and hostile.sh: starts Spoor on a fresh data dir
# with the bench token, waits until it is ready, lifts the token's rate limits (the freshness
# probe polls the CRM API as fast as it can), and stops everything it started on exit.
#
# Expects BENCH_DIR, ROOT, JAVA_OPTS, SERVE_ARGS, SPOOR_JAR and BENCH_NAME (the log prefix);
# sets TOKEN, WORK, URL, SERVER_PID and BG_PIDS (background jobs to end on exit) and log().
TOKEN=bench-token-0123456789
WORK=$(mktemp -d "${TMPDIR:-/tmp}/spoor-$BENCH_NAME.XXXXXX")
SERVER_PID=""
BG_PIDS=()

log() { echo "[$BENCH_NAME] $*" >&2; }
cleanup() {
  for p in "${BG_PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  if [[ -n $SERVER_PID ]]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for tool in wrk curl; do
  command -v "$tool" >/dev/null || { log "installing $tool"; apt-get install -y -qq "$tool" >/dev/null; }
done
[[ -f $BENCH_DIR/target/spoor-bench.jar ]] || (cd "$BENCH_DIR" && mvn -q -DskipTests package)
[[ -f $SPOOR_JAR ]] || (cd "$ROOT" && mvn -q -DskipTests package)

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
URL="http://127.0.0.1:$PORT"
# shellcheck disable=SC2086
SPOOR_BOOTSTRAP_TOKEN=$TOKEN java $JAVA_OPTS -jar "$SPOOR_JAR" serve --port "$PORT" --host 127.0.0.1 \
  --data "$WORK/store" $SERVE_ARGS >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 300); do curl -sf "$URL/readyz" >/dev/null && break; sleep 0.2; done
curl -sf "$URL/readyz" >/dev/null || { log "Spoor did not become ready"; cat "$WORK/server.log" >&2; exit 1; }
curl -sf -X PATCH -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"rateLimitSecondly":0,"rateLimitDaily":0}' "$URL/api/v1/portal" >/dev/null

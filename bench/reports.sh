#!/usr/bin/env bash
# bench/reports.sh - the reports at scale and what their rollups cost to page-view ingest.
#
#   1. ingest cost, same run: Spoor on a fresh store with the rollups on (SPOOR_REPORT_ROLLUPS=1)
#      and then off (=0), each taking REPORTS_INGEST_SECONDS of page-view beacons (wrk/beacon.lua,
#      64 connections); for each: acknowledged beacons per second, and the time the applier spent
#      in its batch transactions per 1000 page views (spoor_ingest_batch_seconds_sum over
#      spoor_hits_total, after the backlog drained);
#   2. report latency: a store whose rollups are seeded by io.spoor.report.RollupSeeder (the
#      ingest path's RollupBatch fed REPORTS_PAGE_VIEWS page views: 3 per visit on average, half
#      the visits by returning visitors, 2000 pages, 8 sources with drill-downs, 7 real user
#      agents, a completion in one visit of ten) spread over REPORTS_DAYS days ending today; then
#      every report of /api/v1/reports and three legacy ones over the last 30 days,
#      REPORTS_REQUESTS times one after another (after 10 untimed), without a filter and with
#      filter=REPORTS_FILTER; p50 and p99 of curl's total time; the first filtered request's
#      time (the index of visits reading its days, or waiting for its read-ahead) and the heap in
#      use after it; then, the server stopped, io.spoor.report.ReportTimer: each report's thread
#      CPU time (p50, p99) and allocation in-process, free of the host's load, and the CPU and
#      wall time of the index reading its days ahead.
# Prints a markdown summary and writes it to bench/results/reports-<timestamp>.md.
#
# Knobs: REPORTS_PAGE_VIEWS (1000000), REPORTS_DAYS (30: all of them in the window measured),
#        REPORTS_REQUESTS (100), REPORTS_INGEST_SECONDS (20), REPORTS_HEAP (1g),
#        REPORTS_FILTER (source:ORGANIC_SEARCH), SPOOR_REPORT_INDEX_VISITS (4000000),
#        REPORTS_SKIP_INGEST (0; 1 skips part 1), REPORTS_STORE (a data directory whose spoor.db
#        RollupSeeder filled beforehand, ending today: used instead of seeding), REPORTS_TO (the
#        window's last day, YYYY-MM-DD; today: set it to the last seeded day of an older store),
#        SPOOR_JAR (<repo>/target/spoor.jar).
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
SPOOR_JAR=${SPOOR_JAR:-$ROOT/target/spoor.jar}
PAGE_VIEWS=${REPORTS_PAGE_VIEWS:-1000000}
DAYS=${REPORTS_DAYS:-30}
REQUESTS=${REPORTS_REQUESTS:-100}
INGEST_SECONDS=${REPORTS_INGEST_SECONDS:-20}
HEAP=${REPORTS_HEAP:-1g}
FILTER=${REPORTS_FILTER:-source:ORGANIC_SEARCH}
export SPOOR_REPORT_INDEX_VISITS=${SPOOR_REPORT_INDEX_VISITS:-4000000}
TOKEN=bench-token-0123456789
export SPOOR_NEW_CONTACTS_PER_MINUTE=0 SPOOR_NEW_VISITORS_PER_MINUTE=0
WORK=$(mktemp -d "${TMPDIR:-/tmp}/spoor-reports.XXXXXX")
SERVER_PID=""
log() { echo "[reports] $*" >&2; }
stop() { if [[ -n $SERVER_PID ]]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""; fi; }
trap 'stop; rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM
[[ -f $SPOOR_JAR ]] || (cd "$ROOT" && mvn -q -DskipTests package)

start() { # start DATA_DIR ROLLUPS
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  URL="http://127.0.0.1:$PORT"
  SPOOR_REPORT_ROLLUPS=$2 SPOOR_BOOTSTRAP_TOKEN=$TOKEN java -Xmx"$HEAP" -jar "$SPOOR_JAR" serve --port "$PORT" \
    --host 127.0.0.1 --data "$1" >>"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 300); do curl -sf "$URL/readyz" >/dev/null && break; sleep 0.2; done
  curl -sf "$URL/readyz" >/dev/null || { log "Spoor did not become ready"; cat "$WORK/server.log" >&2; exit 1; }
  curl -sf -X PATCH -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d '{"rateLimitSecondly":0,"rateLimitDaily":0}' "$URL/api/v1/portal" >/dev/null
}
metric() { curl -s "$URL/metrics" | awk -v m="$1" '$1 ~ "^"m"([{]|$)" {s += $2} END {printf "%.6f\n", s}'; }

ingest() { # ingest ROLLUPS -> "acked/s ms-per-1000"
  start "$WORK/ingest-$1" "$1"
  wrk -t2 -c64 -d"${INGEST_SECONDS}s" -s "$BENCH_DIR/wrk/beacon.lua" "$URL" >"$WORK/wrk-$1.txt" 2>&1
  while (( $(metric spoor_ingest_queue_depth | cut -d. -f1) > 0 )); do sleep 0.2; done
  local hits seconds rate
  hits=$(metric spoor_hits_total); seconds=$(metric spoor_ingest_batch_seconds_sum)
  rate=$(awk '/Requests\/sec/ {print int($2)}' "$WORK/wrk-$1.txt")
  stop
  echo "$rate $(awk -v s="$seconds" -v h="$hits" 'BEGIN {printf "%.1f %d", 1000000 * s / h, h}')"
}

if [[ ${REPORTS_SKIP_INGEST:-0} == 1 ]]; then on_rate=-; on_cost=-; on_hits=-; off_rate=-; off_cost=-; off_hits=-; else
  log "ingest with rollups"; read -r on_rate on_cost on_hits <<<"$(ingest 1)"
  log "ingest without rollups"; read -r off_rate off_cost off_hits <<<"$(ingest 0)"
fi

END_MS=$(( ($(date +%s) / 86400 + 1) * 86400000 ))
if [[ -n ${REPORTS_STORE:-} ]]; then # seeded beforehand, ending today
  STORE=$REPORTS_STORE; DB="$STORE/spoor.db"; fill_seconds="(seeded beforehand)"
else
  log "seeding the rollups for $PAGE_VIEWS page views over $DAYS days"
  STORE="$WORK/store"; mkdir -p "$STORE"; DB="$STORE/spoor.db"
  fill_start=$(date +%s.%N)
  java -Xmx1g -cp "$SPOOR_JAR" io.spoor.report.RollupSeeder "$DB" "$PAGE_VIEWS" "$DAYS" "$END_MS" >/dev/null
  fill_seconds=$(echo "$(date +%s.%N) - $fill_start" | bc)
  sqlite3 "$DB" 'ANALYZE'
fi
sessions_stored=$(sqlite3 "$DB" 'SELECT COUNT(*) FROM report_session')
views_stored=$(sqlite3 "$DB" "SELECT SUM(page_views) FROM report_day WHERE dim = 'all'")
start "$STORE" 1
TO=${REPORTS_TO:-$(date -u -d "@$(( END_MS / 1000 - 1 ))" +%F)}
FROM=$(date -u -d "$TO - 29 days" +%F)

first_ms() { # first_ms PATH_AND_QUERY -> "ms status" of one request (the index reading its days), then waits for a 200
  curl -s -o /dev/null -w '%{time_total} %{http_code}\n' -H "Authorization: Bearer $TOKEN" "$URL$1" \
    | awk '{printf "%.0f %s", $1 * 1000, $2}' || true
  until curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "$URL$1"; do sleep 5; done
}

time_report() { # time_report PATH_AND_QUERY -> "p50 p99" in ms
  for _ in $(seq 1 10); do curl -sf -H "Authorization: Bearer $TOKEN" "$URL$1" >/dev/null; done
  for _ in $(seq 1 "$REQUESTS"); do
    curl -sf -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" "$URL$1"
  done | sort -n | awk 'function at(q,  i) { i = int(NR * q) + 1; if (i > NR) i = NR; return t[i] }
    {t[NR] = $1 * 1000} END {printf "%.1f %.1f", at(0.5), at(0.99)}'
}

heap_used() { # MB of heap in use after a full collection
  jcmd "$SERVER_PID" GC.run >/dev/null; jcmd "$SERVER_PID" GC.heap_info | awk '/used/ {for (i = 1; i <= NF; i++) if ($i == "used") {v = $(i + 1); sub(/K,?/, "", v); print int(v / 1024); exit}}'
}
heap_before=$(heap_used)
read -r cold_filtered cold_status <<<"$(first_ms "/api/v1/reports/overview?from=$FROM&to=$TO&filter=$FILTER")"
heap_mb=$(( $(heap_used) - heap_before ))
load=$(cut -d' ' -f1-3 /proc/loadavg)
OUT="$BENCH_DIR/results/reports-$(date -u +%Y%m%dT%H%M%SZ).md"
mkdir -p "$BENCH_DIR/results"
{
  echo "## Reports ($(date -u '+%F %H:%M') UTC, $(nproc) cores, load average $load)"
  echo
  echo "Rollups seeded for $views_stored page views in $sessions_stored visits over $DAYS days (${fill_seconds%.*} s through RollupBatch); reports over the last 30 days ($FROM to $TO), $REQUESTS requests each after 10 untimed; filter \`$FILTER\`. The first filtered request (the index reading its days from the store) took $cold_filtered ms (HTTP $cold_status); the index then held $heap_mb MB more heap (after a full collection)."
  echo
  echo "| report | p50 ms | p99 ms | p50 ms, filtered | p99 ms, filtered |"
  echo "| --- | ---: | ---: | ---: | ---: |"
  for report in overview sources pages devices events; do
    read -r p50 p99 <<<"$(time_report "/api/v1/reports/$report?from=$FROM&to=$TO")"
    read -r f50 f99 <<<"$(time_report "/api/v1/reports/$report?from=$FROM&to=$TO&filter=$FILTER")"
    echo "| $report | $p50 | $p99 | $f50 | $f99 |"
  done
  read -r p50 p99 <<<"$(time_report "/api/v1/reports/overview?from=$FROM&to=$TO&interval=hour")"
  read -r f50 f99 <<<"$(time_report "/api/v1/reports/overview?from=$FROM&to=$TO&interval=hour&filter=$FILTER")"
  echo "| overview, hourly | $p50 | $p99 | $f50 | $f99 |"
  S=$(echo "$FROM" | tr -d -); E=$(echo "$TO" | tr -d -)
  for legacy in totals/total sources/total pages/daily; do
    read -r p50 p99 <<<"$(time_report "/analytics/v2/reports/$legacy?start=$S&end=$E")"
    echo "| legacy $legacy | $p50 | $p99 | | |"
  done
  echo
  stop
  echo "In-process cost (io.spoor.report.ReportTimer on the same store, the server stopped: each report's thread CPU"
  echo "time and allocation over $REQUESTS runs after 10, which the host's load does not inflate):"
  echo
  java -Xmx"$HEAP" -cp "$SPOOR_JAR" io.spoor.report.ReportTimer "$DB" "$FROM" "$TO" "$FILTER" "$REQUESTS" \
    "$SPOOR_REPORT_INDEX_VISITS" 2>/dev/null | sed -e 's/^read ahead: \(.*\)$/The index read its days ahead: \1.\n/'
  echo
  echo "Page-view ingest ($INGEST_SECONDS s of wrk/beacon.lua at 64 connections each, same run):"
  echo
  echo "| rollups | acknowledged/s | hits applied | applier transaction time per 1000 page views |"
  echo "| --- | ---: | ---: | ---: |"
  echo "| on | $on_rate | $on_hits | $on_cost ms |"
  echo "| off | $off_rate | $off_hits | $off_cost ms |"
} | tee "$OUT"

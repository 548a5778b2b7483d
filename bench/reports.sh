#!/usr/bin/env bash
# bench/reports.sh - the reports at scale and what their rollups cost to page-view ingest.
#
#   1. ingest cost, same run: Spoor on a fresh store with the rollups on (SPOOR_REPORT_ROLLUPS=1)
#      and then off (=0), each taking REPORTS_INGEST_SECONDS of page-view beacons (wrk/beacon.lua,
#      64 connections); for each: acknowledged beacons per second, and the time the applier spent
#      in its batch transactions per 1000 page views (spoor_ingest_batch_seconds_sum over
#      spoor_hits_total, after the backlog drained);
#   2. report latency: a store whose rollups are filled with plain SQL (sqlite3) for
#      REPORTS_PAGE_VIEWS page views (3 per visit on average, half the visits by returning
#      visitors, 2000 pages, 8 sources with drill-downs, 3 device classes, 7 browsers, 6 systems)
#      spread over REPORTS_DAYS days ending today; then every report of /api/v1/reports over the
#      last 30 days, REPORTS_REQUESTS times one after another (after 10 untimed), without a
#      filter and with filter=source:ORGANIC_SEARCH; p50 and p99 of curl's total time.
# Prints a markdown summary and writes it to bench/results/reports-<timestamp>.md.
#
# Knobs: REPORTS_PAGE_VIEWS (1000000), REPORTS_DAYS (30: all of them in the window measured),
#        REPORTS_REQUESTS (100), REPORTS_INGEST_SECONDS (20), SPOOR_JAR (<repo>/target/spoor.jar).
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
SPOOR_JAR=${SPOOR_JAR:-$ROOT/target/spoor.jar}
PAGE_VIEWS=${REPORTS_PAGE_VIEWS:-1000000}
DAYS=${REPORTS_DAYS:-30}
REQUESTS=${REPORTS_REQUESTS:-100}
INGEST_SECONDS=${REPORTS_INGEST_SECONDS:-20}
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
  SPOOR_REPORT_ROLLUPS=$2 SPOOR_BOOTSTRAP_TOKEN=$TOKEN java -Xmx512m -jar "$SPOOR_JAR" serve --port "$PORT" \
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

log "ingest with rollups"; read -r on_rate on_cost on_hits <<<"$(ingest 1)"
log "ingest without rollups"; read -r off_rate off_cost off_hits <<<"$(ingest 0)"

log "filling the rollups for $PAGE_VIEWS page views over $DAYS days"
start "$WORK/store" 1; stop
DB=$(find "$WORK/store" -name '*.db' | head -1)
END_MS=$(( ($(date +%s) / 86400 + 1) * 86400000 ))
SESSIONS=$(( PAGE_VIEWS / 3 ))
SPAN=$(( DAYS * 86400000 ))
fill_start=$(date +%s.%N)
sqlite3 "$DB" <<SQL
PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < $SESSIONS - 1)
INSERT INTO report_session SELECT 1, printf('%032x', i % ($SESSIONS / 2 + 1)), $END_MS - 1 - (i * $SPAN / $SESSIONS),
  $END_MS - 1 - (i * $SPAN / $SESSIONS) + (i % 5) * 40000, '/p' || (i * 7919 % 2000), '/p' || (i * 104729 % 2000),
  1 + (i % 5),
  CASE i % 8 WHEN 0 THEN 'ORGANIC_SEARCH' WHEN 1 THEN 'ORGANIC_SEARCH' WHEN 2 THEN 'DIRECT_TRAFFIC' WHEN 3 THEN 'REFERRALS'
    WHEN 4 THEN 'SOCIAL_MEDIA' WHEN 5 THEN 'PAID_SEARCH' WHEN 6 THEN 'EMAIL_MARKETING' ELSE 'OTHER_CAMPAIGNS' END,
  CASE WHEN i % 8 = 2 THEN '' ELSE 'd' || (i % 37) END, '',
  CASE WHEN i % 10 < 6 THEN 'desktop' WHEN i % 10 < 9 THEN 'mobile' ELSE 'tablet' END,
  'Browser' || (i % 7), 'System' || (i % 6), CASE WHEN i % 50 = 0 THEN 1 ELSE 0 END
FROM n;
INSERT INTO report_bucket SELECT 1, 'all', '', started_at / 3600000 AS h, SUM(page_views), COUNT(*), COUNT(*), COUNT(*),
  SUM(page_views = 1), SUM(last_at - started_at), SUM(new_contacts), 0, 0 FROM report_session GROUP BY h;
INSERT INTO report_bucket SELECT 1, 'source', source, started_at / 3600000 AS h, SUM(page_views), COUNT(*), 0, 0,
  SUM(page_views = 1), SUM(last_at - started_at), SUM(new_contacts), 0, 0 FROM report_session GROUP BY source, h;
INSERT INTO report_bucket SELECT 1, 'source_data_1', source || '|' || source_data_1, started_at / 3600000 AS h,
  SUM(page_views), COUNT(*), 0, 0, SUM(page_views = 1), SUM(last_at - started_at), SUM(new_contacts), 0, 0
  FROM report_session WHERE source_data_1 <> '' GROUP BY source, source_data_1, h;
INSERT INTO report_bucket SELECT 1, 'device', device, started_at / 3600000 AS h, SUM(page_views), COUNT(*), 0, 0,
  SUM(page_views = 1), SUM(last_at - started_at), SUM(new_contacts), 0, 0 FROM report_session GROUP BY device, h;
INSERT INTO report_bucket SELECT 1, 'browser', browser, started_at / 3600000 AS h, SUM(page_views), COUNT(*), 0, 0,
  SUM(page_views = 1), SUM(last_at - started_at), SUM(new_contacts), 0, 0 FROM report_session GROUP BY browser, h;
INSERT INTO report_bucket SELECT 1, 'os', os, started_at / 3600000 AS h, SUM(page_views), COUNT(*), 0, 0,
  SUM(page_views = 1), SUM(last_at - started_at), SUM(new_contacts), 0, 0 FROM report_session GROUP BY os, h;
INSERT INTO report_bucket SELECT 1, 'page', entry_path, started_at / 3600000 AS h, SUM(page_views), 0, COUNT(*), 0,
  SUM(page_views = 1), 0, 0, 0, 0 FROM report_session GROUP BY entry_path, h;
INSERT INTO report_bucket SELECT 1, 'page', exit_path, started_at / 3600000 AS h, 0, 0, 0, COUNT(*), 0, 0, 0, 0, 0
  FROM report_session WHERE true GROUP BY exit_path, h
  ON CONFLICT (portal_id, dim, hour, value) DO UPDATE SET exits = exits + excluded.exits;
COMMIT;
ANALYZE;
SQL
fill_seconds=$(echo "$(date +%s.%N) - $fill_start" | bc)
sessions_stored=$(sqlite3 "$DB" 'SELECT COUNT(*) FROM report_session')
views_stored=$(sqlite3 "$DB" 'SELECT SUM(page_views) FROM report_session')
start "$WORK/store" 1
TO=$(date -u -d "@$(( END_MS / 1000 - 1 ))" +%F)
FROM=$(date -u -d "$TO - 29 days" +%F)

time_report() { # time_report PATH_AND_QUERY -> "p50 p99" in ms
  for _ in $(seq 1 10); do curl -sf -H "Authorization: Bearer $TOKEN" "$URL$1" >/dev/null; done
  for _ in $(seq 1 "$REQUESTS"); do
    curl -sf -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" "$URL$1"
  done | sort -n | awk 'function at(q,  i) { i = int(NR * q) + 1; if (i > NR) i = NR; return t[i] }
    {t[NR] = $1 * 1000} END {printf "%.1f %.1f", at(0.5), at(0.99)}'
}

OUT="$BENCH_DIR/results/reports-$(date -u +%Y%m%dT%H%M%SZ).md"
mkdir -p "$BENCH_DIR/results"
{
  echo "## Reports ($(date -u +%F), $(nproc) cores)"
  echo
  echo "Rollups filled for $views_stored page views in $sessions_stored visits over $DAYS days (${fill_seconds%.*} s with sqlite3); reports over the last 30 days ($FROM to $TO), $REQUESTS requests each."
  echo
  echo "| report | p50 ms | p99 ms | p50 ms, filtered | p99 ms, filtered |"
  echo "| --- | ---: | ---: | ---: | ---: |"
  for report in overview sources pages devices events; do
    read -r p50 p99 <<<"$(time_report "/api/v1/reports/$report?from=$FROM&to=$TO")"
    if [[ $report == events ]]; then f50=-; f99=-; else
      read -r f50 f99 <<<"$(time_report "/api/v1/reports/$report?from=$FROM&to=$TO&filter=source:ORGANIC_SEARCH")"; fi
    echo "| $report | $p50 | $p99 | $f50 | $f99 |"
  done
  read -r p50 p99 <<<"$(time_report "/api/v1/reports/overview?from=$FROM&to=$TO&interval=hour")"
  echo "| overview, hourly | $p50 | $p99 | | |"
  echo
  echo "Page-view ingest ($INGEST_SECONDS s of wrk/beacon.lua at 64 connections each, same run):"
  echo
  echo "| rollups | acknowledged/s | hits applied | applier transaction time per 1000 page views |"
  echo "| --- | ---: | ---: | ---: |"
  echo "| on | $on_rate | $on_hits | $on_cost ms |"
  echo "| off | $off_rate | $off_hits | $off_cost ms |"
} | tee "$OUT"

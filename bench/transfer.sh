#!/usr/bin/env bash
# bench/transfer.sh - CSV import and export at scale, on a small heap.
#
#   1. import: a CSV of TRANSFER_IMPORT_ROWS contacts (email, firstname, a quoted lastname with a
#      comma, city) through POST /api/v1/imports; the time from the upload to "done", rows/s;
#   2. export: the store is topped up with plain SQL (sqlite3) to TRANSFER_EXPORT_CONTACTS contacts,
#      Spoor restarted with -Xmx64m, and GET /api/v1/exports/contacts.csv read at full speed
#      (time, rows, bytes, heap used after), then read again by a client that takes 1 MB and stops
#      reading for 15 s (heap used while it waits: back-pressure holds the export at one page).
# Prints a markdown summary and writes it to bench/results/transfer-<timestamp>.md.
#
# Knobs: TRANSFER_IMPORT_ROWS (100000), TRANSFER_EXPORT_CONTACTS (1000000), SPOOR_JAR.
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
SPOOR_JAR=${SPOOR_JAR:-$ROOT/target/spoor.jar}
ROWS=${TRANSFER_IMPORT_ROWS:-100000}
CONTACTS=${TRANSFER_EXPORT_CONTACTS:-1000000}
TOKEN=bench-token-0123456789abcdef
WORK=$(mktemp -d "${TMPDIR:-/tmp}/spoor-transfer.XXXXXX")
SERVER_PID=""
log() { echo "[transfer] $*" >&2; }
stop() { if [[ -n $SERVER_PID ]]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""; fi; }
trap 'stop; rm -rf "$WORK"' EXIT
[[ -f $SPOOR_JAR ]] || (cd "$ROOT" && mvn -q -DskipTests package)

start() { # start HEAP
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  URL="http://127.0.0.1:$PORT"
  SPOOR_BOOTSTRAP_TOKEN=$TOKEN java "-Xmx$1" -jar "$SPOOR_JAR" serve --port "$PORT" --data "$WORK/data" \
    >"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 120); do curl -sf -o /dev/null "$URL/healthz" && break; sleep 1; done
  curl -sf -o /dev/null -X PATCH -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d '{"rateLimitSecondly":0,"rateLimitDaily":0}' "$URL/api/v1/portal"
}
heap() { jcmd "$SERVER_PID" GC.heap_info | sed -n 's/.*used \([0-9]*K\).*/\1/p' | head -1; }
now() { date +%s.%N; }

python3 - "$ROWS" >"$WORK/people.csv" <<'PY'
import sys
print("email,firstname,lastname,city")
for i in range(int(sys.argv[1])):
    print('p%d@example.com,First %d,"Last, %d",City %d' % (i, i, i, i % 50))
PY
start 256m
log "importing $ROWS rows"
t0=$(now)
id=$(curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' --data-binary @"$WORK/people.csv" \
  "$URL/api/v1/imports?fileName=people.csv" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
until curl -sf -H "Authorization: Bearer $TOKEN" "$URL/api/v1/imports/$id" | grep -q '"status":"done"'; do sleep 1; done
t1=$(now)
imported=$(curl -sf -H "Authorization: Bearer $TOKEN" "$URL/api/v1/imports/$id" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["created"], d["failedRows"])')
stop

log "seeding the store to $CONTACTS contacts"
sqlite3 "$WORK/data/spoor.db" <<SQL
BEGIN;
CREATE TEMP TABLE n AS WITH RECURSIVE n(i) AS (SELECT 10000001 UNION ALL SELECT i + 1 FROM n WHERE i < 10000000 + $CONTACTS - $ROWS) SELECT i FROM n;
INSERT INTO crm_object (id, portal_id, object_type, created_at, updated_at, archived) SELECT i, 1, 'CONTACT', 1796660490369, 1796660490369, 0 FROM n;
INSERT INTO object_property SELECT i, 'email', 'q' || i || '@example.com', 1796660490369 FROM n;
INSERT INTO object_property SELECT i, 'firstname', '=First ' || i, 1796660490369 FROM n;
INSERT INTO unique_value SELECT 1, 'CONTACT', 'email', 'q' || i || '@example.com', i FROM n;
UPDATE id_sequence SET next_value = 10000001 + $CONTACTS WHERE name = 'crm_object';
COMMIT;
SQL
start 64m
log "exporting $CONTACTS contacts with -Xmx64m"
t2=$(now)
curl -sf -H "Authorization: Bearer $TOKEN" -o "$WORK/out.csv" "$URL/api/v1/exports/contacts.csv?properties=hs_object_id,email,firstname,lastname"
t3=$(now)
lines=$(($(wc -l <"$WORK/out.csv") - 1))
bytes=$(stat -c %s "$WORK/out.csv")
heap_after=$(heap)
paused=$(python3 - "$PORT" "$TOKEN" "$SERVER_PID" <<'PY'
import socket, subprocess, sys, time, re
port, token, pid = sys.argv[1:]
s = socket.create_connection(("127.0.0.1", int(port)))
s.sendall(("GET /api/v1/exports/contacts.csv?properties=hs_object_id,email,firstname HTTP/1.1\r\nHost: x\r\n"
           "Authorization: Bearer %s\r\n\r\n" % token).encode())
got = 0
while got < 1_000_000:
    got += len(s.recv(65536))
time.sleep(15)
info = subprocess.run(["jcmd", pid, "GC.heap_info"], capture_output=True, text=True).stdout
while True:
    d = s.recv(1 << 20)
    got += len(d)
    if not d or d.endswith(b"\r\n0\r\n\r\n"):
        break
print(re.search(r"used (\d+K)", info).group(1), got)
PY
)
stop

stamp=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$BENCH_DIR/results"
{
  echo "## Import and export ($(date -u +%F), commit $(cd "$ROOT" && git rev-parse --short HEAD), load $(cut -d' ' -f1-3 /proc/loadavg))"
  echo
  echo "| what | figure |"
  echo "|---|---|"
  echo "| import of $ROWS rows (created, failed) | $(echo "$t1 - $t0" | bc) s, $(echo "$ROWS / ($t1 - $t0)" | bc) rows/s ($imported) |"
  echo "| export of $lines contacts, -Xmx64m | $(echo "$t3 - $t2" | bc) s, $(echo "$lines / ($t3 - $t2)" | bc) rows/s, $bytes bytes; heap used after: $heap_after |"
  echo "| export read 1 MB then paused 15 s | heap used while paused / bytes read in all: ${paused% *} / ${paused#* } |"
} | tee "$BENCH_DIR/results/transfer-$stamp.md"

#!/usr/bin/env bash
# End-to-end suite: HubSpot's official Node client (@hubspot/api-client 13.x) and Segment's
# (@segment/analytics-node 3.x), both from the committed lock file, against a freshly started
# Spoor with its embedded store.
#   e2e/run.sh            (builds target/spoor.jar first if it is missing)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
[ -f "$root/target/spoor.jar" ] || (cd "$root" && mvn -q -DskipTests package)
(cd "$here" && npm ci --no-audit --no-fund --loglevel=error)

data="$(mktemp -d)"
token="e2e-bootstrap-token-$(date +%s)"
SPOOR_BOOTSTRAP_TOKEN="$token" java -jar "$root/target/spoor.jar" serve --port 0 --host 127.0.0.1 \
  --data "$data/store" >"$data/out.log" 2>"$data/err.log" &
pid=$!
# the server ends with 143 on SIGTERM; that is its normal stop, not this script's result
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; rm -rf "$data"' EXIT

port=""
for _ in $(seq 1 300); do
  port="$(sed -n 's/^Spoor is listening on port \([0-9]*\).*/\1/p' "$data/out.log")"
  [ -n "$port" ] && break
  kill -0 "$pid" 2>/dev/null || { cat "$data/err.log" >&2; exit 1; }
  sleep 0.2
done
[ -n "$port" ] || { echo "Spoor did not start" >&2; exit 1; }

cd "$here"
SPOOR_URL="http://127.0.0.1:$port" SPOOR_TOKEN="$token" npm test

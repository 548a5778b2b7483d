#!/usr/bin/env bash
# End-to-end suite: HubSpot's official Node client (@hubspot/api-client 13.x) and Segment's
# (@segment/analytics-node 3.x), both from the committed lock file, against a freshly started
# all-in-one Spoor, twice: on its embedded store, then on PostgreSQL (a real server started from
# the test kit's bundled binaries, see start-services.sh; nothing to install by hand).
#   e2e/run.sh                 both stores (builds target/spoor.jar first if it is missing)
#   E2E_STORES=embedded e2e/run.sh     or E2E_STORES=postgresql: one of them
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
stores="${E2E_STORES:-embedded postgresql}"
[ -f "$root/target/spoor.jar" ] || (cd "$root" && mvn -q -DskipTests package)
(cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
# shellcheck source=e2e/start-services.sh
source "$here/start-services.sh"

work="$(mktemp -d)"
pid=""
stop_spoor() {
  # the server ends with 143 on SIGTERM; that is its normal stop, not this script's result
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; fi
  pid=""
}
trap 'stop_spoor; stop_services; rm -rf "$work"' EXIT

# suite NAME [serve flags...] : starts the all-in-one with those flags and runs the clients' tests
suite() {
  local name=$1; shift
  local data="$work/$name" token port=""
  mkdir -p "$data"
  token="e2e-bootstrap-token-$(date +%s)"
  echo "== e2e: official clients against the all-in-one on the $name store"
  SPOOR_BOOTSTRAP_TOKEN="$token" java -jar "$root/target/spoor.jar" serve --port 0 --host 127.0.0.1 \
    --data "$data/store" "$@" >"$data/out.log" 2>"$data/err.log" &
  pid=$!
  for _ in $(seq 1 300); do
    port="$(sed -n 's/^Spoor is listening on port \([0-9]*\).*/\1/p' "$data/out.log")"
    [ -n "$port" ] && break
    kill -0 "$pid" 2>/dev/null || { cat "$data/err.log" >&2; exit 1; }
    sleep 0.2
  done
  [ -n "$port" ] || { echo "Spoor did not start" >&2; tail -n 30 "$data/err.log" >&2; exit 1; }
  if ! (cd "$here" && SPOOR_URL="http://127.0.0.1:$port" SPOOR_TOKEN="$token" npm test); then
    echo "e2e failed on the $name store; the server's last log lines:" >&2
    tail -n 30 "$data/err.log" >&2
    exit 1
  fi
  stop_spoor
}

for store in $stores; do
  case "$store" in
    embedded) suite embedded ;;
    postgresql)
      start_services "$work" --postgres
      [ -n "$SERVICES_STORE" ] || { echo "no PostgreSQL database from start-services.sh" >&2; exit 1; }
      suite postgresql --store "$SERVICES_STORE"
      stop_services ;;
    *) echo "unknown store '$store' in E2E_STORES (embedded, postgresql)" >&2; exit 2 ;;
  esac
done

#!/usr/bin/env bash
# bench/crash.sh - the long crash-safety run: the CI crash test (io.spoor.ingest.CrashSafetyIT,
# 3 kills in `mvn verify`) with 20 SIGKILLs of a Spoor process under load from 8 clients.
# After the last restart it reads back every acknowledged hit (each must be there exactly
# once) and runs SQLite's integrity check on the store.
#
# Usage: bench/crash.sh           (from anywhere; a few minutes on 2 cores)
#
# Knobs (environment variables):
#   CRASH_KILLS  SIGKILLs in the run   (default 20; the issue asks for >= 20)
#
# Runs `mvn test -Dtest=CrashSafetyIT` in the repo root, so it compiles the working tree.
# Prints kills, acknowledged hits checked, the integrity check's answer and the test counts;
# exits non-zero when a check fails.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
KILLS=${CRASH_KILLS:-20}
# shellcheck source=long-test.sh
source "$BENCH_DIR/long-test.sh"

echo "killing the server $KILLS times under load: mvn test -Dtest=CrashSafetyIT"
long_test io.spoor.ingest.CrashSafetyIT crash "$KILLS SIGKILLs, every acknowledged hit found exactly once" \
  "-Dspoor.crash.kills=$KILLS"

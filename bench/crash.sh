#!/usr/bin/env bash
# bench/crash.sh - the long crash-safety run: the CI crash test (io.spoor.ingest.CrashSafetyTest,
# 3 kills in `mvn verify`) with 20 SIGKILLs of a Spoor process under load from 8 clients.
# After the last restart it reads back every acknowledged hit (each must be there exactly
# once) and runs SQLite's integrity check on the store.
#
# Usage: bench/crash.sh           (from anywhere; a few minutes on 2 cores)
#
# Knobs (environment variables):
#   CRASH_KILLS  SIGKILLs in the run   (default 20; the issue asks for >= 20)
#
# Runs `mvn test -Dtest=CrashSafetyTest` in the repo root, so it compiles the working tree.
# Prints kills, acknowledged hits checked, the integrity check's answer and the test counts;
# exits non-zero when a check fails.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
KILLS=${CRASH_KILLS:-20}
TEST=io.spoor.ingest.CrashSafetyTest
REPORTS=$ROOT/target/surefire-reports

rm -f "$REPORTS/$TEST.txt" "$REPORTS/$TEST-output.txt" "$REPORTS/TEST-$TEST.xml"
echo "killing the server $KILLS times under load: mvn test -Dtest=CrashSafetyTest"
STARTED=$(date +%s)
STATUS=0
mvn -q -f "$ROOT/pom.xml" -Dtest=CrashSafetyTest -Dsurefire.failIfNoSpecifiedTests=false \
  "-Dspoor.crash.kills=$KILLS" test || STATUS=$?
ELAPSED=$(( $(date +%s) - STARTED ))

echo
grep -h '^crash:' "$REPORTS/$TEST-output.txt" 2>/dev/null || echo "no crash summary (the run did not get that far)"
grep -h '^Tests run:' "$REPORTS/$TEST.txt" 2>/dev/null || true
if [[ $STATUS -eq 0 ]]; then
  echo "PASS: $KILLS SIGKILLs, every acknowledged hit found exactly once (${ELAPSED} s including the build)"
else
  echo "FAIL: see $REPORTS/$TEST.txt (${ELAPSED} s including the build)" >&2
fi
exit "$STATUS"

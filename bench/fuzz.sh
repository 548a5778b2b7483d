#!/usr/bin/env bash
# bench/fuzz.sh - the long bad-input run: the CI fuzzer (io.spoor.reliability.BadInputFuzzTest,
# 20,000 requests in `mvn verify`) with 100,000 malformed requests over every operation of the
# OpenAPI document, four connections at once, control writes interleaved; then the same checks
# (no 5xx but 503, no internal detail, pixels always GIFs, server up after every batch, nothing
# invalid stored, every control write kept).
#
# Usage: bench/fuzz.sh            (from anywhere; a few minutes on 2 cores)
#
# Knobs (environment variables):
#   FUZZ_REQUESTS  malformed requests to send      (default 100000; the issue asks for >= 100,000)
#   FUZZ_SEED      the fuzzer's seed, to replay a run (default: the test's own, 20240601)
#
# Runs `mvn test -Dtest=BadInputFuzzTest` in the repo root, so it compiles the working tree.
# Prints the fuzzer's summary line and the test counts; exits non-zero when a check fails.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
REQUESTS=${FUZZ_REQUESTS:-100000}
TEST=io.spoor.reliability.BadInputFuzzTest
REPORTS=$ROOT/target/surefire-reports

ARGS=(-q -f "$ROOT/pom.xml" -Dtest=BadInputFuzzTest -Dsurefire.failIfNoSpecifiedTests=false
  "-Dspoor.fuzz.requests=$REQUESTS")
[[ -n ${FUZZ_SEED:-} ]] && ARGS+=("-Dspoor.fuzz.seed=$FUZZ_SEED")

rm -f "$REPORTS/$TEST.txt" "$REPORTS/$TEST-output.txt" "$REPORTS/TEST-$TEST.xml"
echo "fuzzing with $REQUESTS malformed requests: mvn test -Dtest=BadInputFuzzTest"
STARTED=$(date +%s)
STATUS=0
mvn "${ARGS[@]}" test || STATUS=$?
ELAPSED=$(( $(date +%s) - STARTED ))

echo
grep -h '^fuzz:' "$REPORTS/$TEST-output.txt" 2>/dev/null || echo "no fuzz summary (the run did not get that far)"
grep -h '^Tests run:' "$REPORTS/$TEST.txt" 2>/dev/null || true
if [[ $STATUS -eq 0 ]]; then
  echo "PASS: $REQUESTS malformed requests, every check held (${ELAPSED} s including the build)"
else
  echo "FAIL: see $REPORTS/$TEST.txt (${ELAPSED} s including the build)" >&2
fi
exit "$STATUS"

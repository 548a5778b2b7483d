#!/usr/bin/env bash
# bench/fuzz.sh - the long bad-input run: the CI fuzzer (io.spoor.reliability.BadInputFuzzIT,
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
# Runs `mvn test -Dtest=BadInputFuzzIT` in the repo root, so it compiles the working tree.
# Prints the fuzzer's summary line and the test counts; exits non-zero when a check fails.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
REQUESTS=${FUZZ_REQUESTS:-100000}
# shellcheck source=long-test.sh
source "$BENCH_DIR/long-test.sh"

ARGS=("-Dspoor.fuzz.requests=$REQUESTS")
[[ -n ${FUZZ_SEED:-} ]] && ARGS+=("-Dspoor.fuzz.seed=$FUZZ_SEED")
echo "fuzzing with $REQUESTS malformed requests: mvn test -Dtest=BadInputFuzzIT"
long_test io.spoor.reliability.BadInputFuzzIT fuzz "$REQUESTS malformed requests, every check held" "${ARGS[@]}"

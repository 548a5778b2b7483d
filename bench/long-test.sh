# bench/long-test.sh - sourced by the long reliability runs (crash.sh, fuzz.sh). Each of them
# is a test of the server's own suite run with a bigger workload than `mvn verify` gives it.
#
# long_test CLASS SUMMARY PASS_MESSAGE [MAVEN_ARGS...]
#   runs `mvn test -Dtest=<simple name of CLASS>` in the repo root ($ROOT) with MAVEN_ARGS
#   (e.g. -Dspoor.crash.kills=20), then prints the line the test wrote starting with
#   "SUMMARY:", the test counts, and PASS (with PASS_MESSAGE and the time taken) or FAIL.
#   Returns Maven's status.
long_test() {
  local class=$1 summary=$2 pass=$3
  shift 3
  local reports=$ROOT/target/surefire-reports started status=0 elapsed
  rm -f "$reports/$class.txt" "$reports/$class-output.txt" "$reports/TEST-$class.xml"
  started=$(date +%s)
  mvn -q -f "$ROOT/pom.xml" "-Dtest=${class##*.}" -Dsurefire.failIfNoSpecifiedTests=false "$@" test || status=$?
  elapsed=$(($(date +%s) - started))

  echo
  grep -h "^$summary:" "$reports/$class-output.txt" 2>/dev/null \
    || echo "no $summary summary (the run did not get that far)"
  grep -h '^Tests run:' "$reports/$class.txt" 2>/dev/null || true
  if [[ $status -eq 0 ]]; then
    echo "PASS: $pass (${elapsed} s including the build)"
  else
    echo "FAIL: see $reports/$class.txt (${elapsed} s including the build)" >&2
  fi
  return "$status"
}

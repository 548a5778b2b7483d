#!/usr/bin/env bash
# bench/jmh.sh - JMH micro-benchmarks of Spoor's hot pure functions: beacon query strings into
# page views, the tracking cookies (__hstc, __hssc, hubspotutk), traffic source classification,
# Events API contact properties, the domain hash, one metrics increment and observation, and
# Segment's trait mapping (bench/jmh/src/main/java).
#
# In one run it:
#   1. makes sure the server jar exists (SPOOR_JAR, default <repo>/target/spoor.jar; built with
#      `mvn -q -DskipTests package` in the repo root when missing, and a warning is printed when
#      sources under src/main are newer than it);
#   2. builds bench/jmh (its own Maven project, not a module of the root pom) against that jar
#      into bench/jmh/target/benchmarks.jar;
#   3. runs JMH with short but valid settings (one fork, 3 warm-up and 5 measured iterations of
#      1 s each, average time per call), the server jar on the class path;
#   4. prints a markdown table (ns/op with its 99.9% error, and ops/s of one thread) and writes
#      it, with machine details and JMH's own output, to bench/results/jmh-<timestamp>.md.
#
# Usage: bench/jmh.sh [JMH arguments]        (from anywhere; about 2.5 minutes for all)
#   bench/jmh.sh Cookie                      only benchmarks whose name matches a regexp
#   bench/jmh.sh -l                          list the benchmarks
#
# Knobs (environment variables):
#   JMH_OPTS    JMH settings (default "-wi 3 -i 5 -f 1 -w 1s -r 1s"); arguments come after them
#   SPOOR_JAR   the server jar to benchmark (default <repo>/target/spoor.jar)
#   JAVA_CMD    the java launcher (default java); JMH's forks run on the same JVM
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
SPOOR_JAR=${SPOOR_JAR:-$ROOT/target/spoor.jar}
JMH_OPTS=${JMH_OPTS:-"-wi 3 -i 5 -f 1 -w 1s -r 1s"}
JAVA_CMD=${JAVA_CMD:-java}
BENCHMARKS_JAR=$BENCH_DIR/jmh/target/benchmarks.jar

WORK=$(mktemp -d "${TMPDIR:-/tmp}/spoor-jmh.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# --- build -------------------------------------------------------------------------------
if [[ ! -f $SPOOR_JAR ]]; then
  echo "building the server: mvn -q -DskipTests package (in $ROOT)"
  mvn -q -f "$ROOT/pom.xml" -DskipTests package
elif [[ -n $(find "$ROOT/src/main" -newer "$SPOOR_JAR" -type f -print -quit) ]]; then
  echo "warning: sources under src/main are newer than $SPOOR_JAR; rebuild it to measure them" >&2
fi
echo "building the benchmarks: mvn -q -f bench/jmh/pom.xml package"
mvn -q -f "$BENCH_DIR/jmh/pom.xml" -Dspoor.jar="$SPOOR_JAR" package

# --- run ---------------------------------------------------------------------------------
CLASSPATH_JMH=$BENCHMARKS_JAR:$SPOOR_JAR
read -r -a SETTINGS <<<"$JMH_OPTS"
if [[ " $* " == *" -l "* || " $* " == *" -h "* ]]; then
  exec "$JAVA_CMD" -cp "$CLASSPATH_JMH" org.openjdk.jmh.Main "$@"
fi
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
"$JAVA_CMD" -cp "$CLASSPATH_JMH" org.openjdk.jmh.Main "${SETTINGS[@]}" -rf csv -rff "$WORK/result.csv" "$@" \
  | tee "$WORK/jmh.txt"

# --- report ------------------------------------------------------------------------------
# JMH's CSV (CRLF lines): "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit"[,"Param: x"]
table() {
  echo "| benchmark | ns/op | ± (99.9%) | ops/s (1 thread) |"
  echo "|---|---:|---:|---:|"
  awk -F, 'NR > 1 {
      sub(/\r$/, "")
      for (i = 1; i <= NF; i++) gsub(/"/, "", $i)
      name = $1; sub(/^io\.spoor\./, "", name)
      if (NF >= 8 && $8 != "") name = name " (" $8 ")"
      if ($7 != "ns/op") { printf "| %s | %s %s | %s | |\n", name, $5, $7, $6; next }
      err = ($6 == "NaN") ? "n/a" : sprintf("%.1f", $6)
      printf "| %s | %.1f | %s | %.0f |\n", name, $5, err, 1e9 / $5
    }' "$WORK/result.csv"
}
TABLE=$(table)
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RESULT=$BENCH_DIR/results/jmh-$STAMP.md
mkdir -p "$BENCH_DIR/results"
{
  echo "# Spoor JMH micro-benchmarks $STAMP"
  echo
  echo "- commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown); server jar: $SPOOR_JAR"
  echo "- machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)," \
       "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo "- java: $("$JAVA_CMD" -version 2>&1 | head -1); JMH settings: $JMH_OPTS $*"
  echo "- load average before the run: $LOAD_BEFORE"
  echo
  echo "$TABLE"
  echo
  echo "## JMH output"
  echo
  echo '```'
  cat "$WORK/jmh.txt"
  echo '```'
} >"$RESULT"
echo
echo "$TABLE"
echo
echo "Written to ${RESULT#"$ROOT"/}"

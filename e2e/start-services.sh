# e2e/start-services.sh - sourced by e2e/run.sh and bench/scaleout.sh: a real PostgreSQL server
# and/or a real Kafka broker (KRaft) in a process of their own, from the test kit
# (io.spoor.testkit.StandaloneServices: PostgreSQL from the binaries io.zonky.test.postgres
# bundles on Maven Central, Kafka from kafka-test-common-runtime). Needs only Java and Maven: on
# a fresh machine Maven fetches both. As root, PostgreSQL runs as `nobody`.
#
#   start_services DIR [--postgres | --postgres-durable] [--kafka TOPIC PARTITIONS]
#       compiles the tests if needed, starts the services (log in DIR/services.log), waits until
#       they are up and sets SERVICES_PID, SERVICES_STORE (jdbc:postgresql://…) and
#       SERVICES_LOG (kafka://host:port/TOPIC)
#   stop_services
#       stops them (SIGTERM: their shutdown hooks stop the servers and remove their data)
SERVICES_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SERVICES_PID=""
SERVICES_STORE=""
SERVICES_LOG=""

start_services() {
  local dir=$1; shift
  local cp_file="$SERVICES_ROOT/target/test-classpath.txt"
  (cd "$SERVICES_ROOT" && mvn -B -ntp -q test-compile dependency:build-classpath \
      -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file") >"$dir/services-build.log" 2>&1 \
    || { echo "could not compile the test kit:" >&2; cat "$dir/services-build.log" >&2; return 1; }
  java -cp "$SERVICES_ROOT/target/test-classes:$SERVICES_ROOT/target/classes:$(cat "$cp_file")" \
    io.spoor.testkit.StandaloneServices "$@" >"$dir/services.log" 2>&1 &
  SERVICES_PID=$!
  local deadline=$((SECONDS + 180))
  until grep -qx ready "$dir/services.log" 2>/dev/null; do
    if ! kill -0 "$SERVICES_PID" 2>/dev/null; then
      echo "PostgreSQL/Kafka did not start:" >&2; tail -n 40 "$dir/services.log" >&2; SERVICES_PID=""; return 1
    fi
    if ((SECONDS >= deadline)); then
      echo "PostgreSQL/Kafka not up after 180 s:" >&2; tail -n 40 "$dir/services.log" >&2; stop_services; return 1
    fi
    sleep 0.5
  done
  SERVICES_STORE="$(sed -n 's/^store=//p' "$dir/services.log")"
  SERVICES_LOG="$(sed -n 's/^log=//p' "$dir/services.log")"
  echo "services up:${SERVICES_STORE:+ store ${SERVICES_STORE%%\?*}}${SERVICES_LOG:+ log $SERVICES_LOG}" >&2
}

stop_services() {
  [ -n "$SERVICES_PID" ] || return 0
  kill -TERM "$SERVICES_PID" 2>/dev/null || true
  wait "$SERVICES_PID" 2>/dev/null || true
  SERVICES_PID=""
}

#!/usr/bin/env bash
# Easel's scoring side by side with Openscoring's, on loopback, with the same PMML, rows and load generator
# (io.easel.server.benchmark.ScoringBenchmark), interleaved. See docs/benchmarks.md.
#
#   server/scoring-benchmark.sh [openscoring-server-executable.jar] [--name=value …]
#
# The jar defaults to ../shared/peers/openscoring-server-executable-2.2-SNAPSHOT.jar beside the repository. Options
# after it go to the benchmark (--seconds=5 --rounds=2 --warm-up=15 --trees=100). Environment: JAVA_HOME (a JDK 21+),
# MVN_FLAGS (e.g. -o), SKIP_BUILD=1 to use the last build, EASEL_JVM_OPTS / OPENSCORING_JVM_OPTS (e.g. to record a
# flight recording), EASEL_PORT (18090), OPENSCORING_PORT (18080), BENCHMARK_DIR (server/target/benchmark; Easel's
# data directory there is kept, so the model is trained once).
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)
openscoring_jar=../shared/peers/openscoring-server-executable-2.2-SNAPSHOT.jar
if [[ $# -gt 0 && $1 != --* ]]; then
  openscoring_jar=$1
  shift
fi
[[ -f $openscoring_jar ]] || { echo "No Openscoring jar at $openscoring_jar: pass its path as the first argument" >&2; exit 2; }
openscoring_jar=$(cd "$(dirname "$openscoring_jar")" && pwd)/$(basename "$openscoring_jar")

java=${JAVA_HOME:+$JAVA_HOME/bin/}java
easel_port=${EASEL_PORT:-18090}
openscoring_port=${OPENSCORING_PORT:-18080}
work=${BENCHMARK_DIR:-$root/server/target/benchmark}
password=benchmark-admin-password
mkdir -p "$work"

if [[ ${SKIP_BUILD:-} != 1 ]]; then
  echo "Building the server and its engine…"
  # shellcheck disable=SC2086
  mvn -B -q ${MVN_FLAGS:-} package -DskipTests -pl server -am dependency:build-classpath \
      -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test
fi
classpath=server/target/classes:server/target/test-classes:$(cat server/target/classpath.txt)

pids=()
stop() {
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
}
trap stop EXIT

# Both servers get the same heap.
# shellcheck disable=SC2086
"$java" -Xms1g -Xmx1g ${EASEL_JVM_OPTS:-} -cp "$classpath" io.easel.server.EaselServerApplication \
    --server.port="$easel_port" --easel.data-dir="$work/easel-data" --easel.security.admin-password="$password" \
    >"$work/easel.log" 2>&1 &
easel_pid=$!
pids+=("$easel_pid")
# shellcheck disable=SC2086
"$java" -Xms1g -Xmx1g ${OPENSCORING_JVM_OPTS:-} -jar "$openscoring_jar" --host 127.0.0.1 --port "$openscoring_port" \
    >"$work/openscoring.log" 2>&1 &
openscoring_pid=$!
pids+=("$openscoring_pid")

wait_for() { # name url pid
  for _ in $(seq 1 180); do
    if curl -s -o /dev/null "$2"; then
      return 0
    fi
    kill -0 "$3" 2>/dev/null || { echo "$1 did not start: see $work" >&2; exit 1; }
    sleep 1
  done
  echo "$1 did not answer within 3 minutes: see $work" >&2
  exit 1
}
wait_for Easel "http://127.0.0.1:$easel_port/actuator/health" "$easel_pid"
wait_for Openscoring "http://127.0.0.1:$openscoring_port/openscoring/model" "$openscoring_pid"

# Easel's embedded PostgreSQL detaches from the JVM; its CPU counts as Easel's.
easel_pids=$easel_pid
if [[ -f $work/easel-data/postgres/postmaster.pid ]]; then
  easel_pids+=,$(head -1 "$work/easel-data/postgres/postmaster.pid")
fi
echo "Easel pid(s) $easel_pids on port $easel_port, Openscoring pid $openscoring_pid on port $openscoring_port"

"$java" -cp "$classpath" io.easel.server.benchmark.ScoringBenchmark \
    --easel="http://127.0.0.1:$easel_port" --openscoring="http://127.0.0.1:$openscoring_port" \
    --easel-pids="$easel_pids" --openscoring-pids="$openscoring_pid" --admin-password="$password" \
    --dataset=components/builtin/src/main/resources/io/easel/components/datasets/breast_cancer.csv "$@"

#!/usr/bin/env bash
# JMH benchmark of the call policy decision (callpolicy.control.CallDecisions): ops/s and latency
# percentiles with 10,000 rules across 1,000 accounts. Builds the test classes (JMH is a test-scope
# dependency, never in the WAR), then runs src/test/java/io/dialtone/bench/CallDecisionsBenchmark.
# Usage: bench/call-decisions.sh [JMH options, e.g. -t 2 or -wi 1 -i 2]   (writes bench/results/)
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
mkdir -p bench/results
out=bench/results/call-decisions-$(date -u +%Y%m%dT%H%M%SZ).txt
mvn -q -B -ntp test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
cp="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
{
  echo "# $(date -u +%FT%TZ) $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
  "$JAVA_HOME/bin/java" -cp "$cp" org.openjdk.jmh.Main 'io.dialtone.bench.CallDecisionsBenchmark' "$@"
} 2>&1 | tee "$out"
echo "results in $out"

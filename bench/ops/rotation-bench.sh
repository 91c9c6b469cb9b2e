#!/bin/bash
# Key rotation benchmark: a Dialtone of its own (the release of target/dialtone-dist, a fresh home
# under target/rotation-bench, HTTPS 19543, MariaDB 3329, SIP 5198), one phone made on the
# Extensions page plus N extensions holding secrets (2 stored values each), sipp registering the
# phone in a loop, then `rotate-keys k2` as bin/dialtone runs it. Prints the time to move every
# value, the time to finish, and the REGISTERs that passed and failed meanwhile.
#   mvn -o -q package -DskipTests && bench/ops/rotation-bench.sh          # N = 10,000
#   N=2000 bench/ops/rotation-bench.sh
# Results: bench/results/rotation-<UTC time>.txt
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
B=$ROOT/target/rotation-bench
N=${N:-10000}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
DIST=$ROOT/target/dialtone-dist/dialtone
OUT=bench/results/rotation-$(date -u +%Y%m%dT%H%M%SZ).txt
mkdir -p "$B" bench/results
mvn -o -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$B/cp.txt"
CP=$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$B/cp.txt")
"$JAVA_HOME/bin/java" -Xmx1g -Duser.timezone=UTC -Ddialtone.test.work="$B" \
  -Ddialtone.war="$DIST/app/dialtone.war" \
  -Dpayara.micro.jar="$DIST/app/payara-micro.jar" \
  -cp "$CP" io.dialtone.it.RotationBench "$N" 2>&1 | grep -v '^WARNING: ' | tee "$OUT"
echo "(load average at the end: $(cut -d' ' -f1-3 /proc/loadavg))" | tee -a "$OUT"
rm -rf "$B"/rotation-*
echo "results in $OUT"

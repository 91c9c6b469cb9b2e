#!/usr/bin/env bash
# Measures how long the README's run command takes, after the build, to serve the sign-in page over
# TLS: first start on an empty home (MariaDB install + all migrations) and restarts on the same home.
# Usage: bench/startup.sh [restarts=3]   (needs ports 8080/8443/3309 free; writes bench/results/)
set -euo pipefail
cd "$(dirname "$0")/.."
restarts=${1:-3}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
home=$(mktemp -d /tmp/dialtone-startup-XXXX)
mkdir -p bench/results
out=bench/results/startup-$(date -u +%Y%m%dT%H%M%SZ).txt
mvn -q -B -ntp -DskipTests package   # the build itself is not part of the measurement

measure() { # label
  local log t0 t1 pid
  log=$(mktemp)
  # Its own process group, so stopping it is what Ctrl-C in a terminal does: TERM to all of it.
  DIALTONE_HOME=$home DIALTONE_EMBEDDED_DB_PORT=3309 setsid mvn -q -B -ntp -o -Prun package >"$log" 2>&1 &
  pid=$!
  until grep -q "^Starting Dialtone" "$log"; do sleep 0.05; done
  t0=$(date +%s.%N)
  until [ "$(curl -sk -o /dev/null -w '%{http_code}' https://localhost:8443/signin.xhtml)" = 200 ]; do sleep 0.1; done
  t1=$(date +%s.%N)
  printf '%-12s %6.1f s\n' "$1" "$(echo "$t1 - $t0" | bc)" | tee -a "$out"
  kill -TERM -- "-$pid"; wait "$pid" || true
  while pgrep -f "payara-micro.jar --deploy.*" -g "$pid" >/dev/null || pgrep -f "mariadbd.*port=3309" >/dev/null; do sleep 0.5; done
  rm -f "$log"
}

{ echo "# $(date -u +%FT%TZ) $(nproc) cores, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"; } | tee "$out"
measure first-start
for i in $(seq 1 "$restarts"); do measure "restart-$i"; done
rm -rf "$home"
echo "results in $out"

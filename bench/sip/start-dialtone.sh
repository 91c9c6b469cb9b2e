#!/bin/bash
# start-dialtone.sh - Dialtone for the REGISTER benchmark: builds the WAR and test classes, starts
# Dialtone as the tests do (embedded MariaDB + Payara Micro + the WAR, a fresh home under run/),
# then provisions EXTENSIONS extensions through Dialtone's own bulk path (a customer administrator
# signs in and uploads a CSV on /extensions/import.xhtml; Dialtone generates the secrets and offers
# them once as a CSV), see src/test/java/io/dialtone/bench/SipBenchDialtone.java.
#
# Writes (relative to this folder):
#   run/dialtone.pid          the launcher JVM (TERM stops Payara Micro, then MariaDB)
#   run/dialtone-payara.pid   the Payara Micro JVM (CPU and heap are measured on it)
#   run/dialtone.log          launcher output; Dialtone's own log is run/dialtone-home/logs/server.log
#   data/dialtone-users.csv   sipp injection file (same fields as gen-users.sh: user;
#                             [authentication ...]; realm = <account number>.sip.dialtone.invalid;
#                             password), plus -wrongpw and -unknown variants for the timing probe
#
# The registrar listens on 127.0.0.1:$DT_SIP_PORT (UDP/TCP). Benchmark settings, all documented in
# README.md: sipp's User-Agent gets the MD5 challenge first (sipp 3.6 knows only MD5 and reads only
# the first challenge), and the per-source rate ceiling, the failure ban and the failure-burst
# alert are off, because every benchmark request comes from the one address 127.0.0.1 (Kamailio's
# anchor configuration has no such limits either).
#
# Env: DT_SIP_PORT=25090 DT_HTTPS_PORT=25443 DT_HTTP_PORT=25080 DT_DB_PORT=25317
#      EXTENSIONS=10000 BUILD=1 (0: use the existing target/ build)
#      DT_JVM_OPTIONS= extra JVM options of Payara Micro's JVM (e.g. another collector), none by default
#      DT_CARRIER_PORT=0 for the call benchmark: a trunk to a sipp carrier on 127.0.0.1:PORT, the
#                      account's caller ID and national calls for every extension are seeded, and
#                      data/dialtone-calls.csv is written (0: REGISTER only)
set -euo pipefail
cd "$(dirname "$0")"
HERE=$PWD
ROOT=$(cd ../.. && pwd)
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
DT_SIP_PORT=${DT_SIP_PORT:-25090}
EXTENSIONS=${EXTENSIONS:-10000}
mkdir -p run data

if [ -f run/dialtone.pid ] && kill -0 "$(cat run/dialtone.pid)" 2>/dev/null; then
	echo "dialtone already running, pid $(cat run/dialtone.pid)" >&2
	exit 1
fi
if [ "${BUILD:-1}" = 1 ]; then
	(cd "$ROOT" && mvn -o -q -B -DskipTests package &&
		mvn -o -q -B dependency:build-classpath -Dmdep.includeScope=test \
			-Dmdep.outputFile="$HERE/run/cp.txt")
fi
rm -rf run/dialtone-home
CP="$ROOT/target/test-classes:$ROOT/target/classes:$(cat run/cp.txt)"

DIALTONE_HOME=$HERE/run/dialtone-home \
DIALTONE_HTTPS_PORT=${DT_HTTPS_PORT:-25443} \
DIALTONE_HTTP_PORT=${DT_HTTP_PORT:-25080} \
DIALTONE_EMBEDDED_DB_PORT=${DT_DB_PORT:-25317} \
DIALTONE_SIP_ENABLED=true \
DIALTONE_SIP_LISTEN_ADDRESS=127.0.0.1 \
DIALTONE_SIP_PORT=$DT_SIP_PORT \
DIALTONE_SIP_TLS_PORT=$((DT_SIP_PORT + 1)) \
DIALTONE_SIP_MD5_FIRST_AGENTS=sipp \
DIALTONE_SIP_RATE_LIMIT=0 \
DIALTONE_SIP_BAN_FAILURES=1000000000 \
DIALTONE_SIP_BURST_FAILURES=0 \
setsid "$JAVA_HOME/bin/java" -Xmx512m -Duser.timezone=UTC -cp "$CP" \
	-Dbench.dir="$HERE" -Dbench.extensions="$EXTENSIONS" -Dbench.carrier.port="${DT_CARRIER_PORT:-0}" \
	-Ddialtone.payara.jvm-options="${DT_JVM_OPTIONS:-}" \
	-Ddialtone.war="$ROOT/target/dialtone.war" -Dpayara.micro.jar="$ROOT/target/payara-micro.jar" \
	io.dialtone.bench.SipBenchDialtone > run/dialtone.log 2>&1 &
PID=$!
echo "$PID" > run/dialtone.pid

for _ in $(seq 1 900); do
	if ! kill -0 "$PID" 2>/dev/null; then
		echo "dialtone exited, see run/dialtone.log" >&2; tail -30 run/dialtone.log >&2; exit 1
	fi
	if grep -q '^SIPBENCH READY' run/dialtone.log; then
		grep '^SIPBENCH READY' run/dialtone.log | sed 's/.*payara_pid=\([0-9]*\).*/\1/' > run/dialtone-payara.pid
		grep '^\[sip-bench\]' run/dialtone.log
		echo "dialtone pid $PID, payara pid $(cat run/dialtone-payara.pid), SIP on 127.0.0.1:$DT_SIP_PORT"
		exit 0
	fi
	sleep 1
done
echo "dialtone not ready within 900 s, see run/dialtone.log" >&2
exit 1

#!/bin/bash
# run-calls-dialtone-vs-kamailio.sh - full calls through Dialtone's call control against the Kamailio
# anchor (kamailio/proxy.cfg: an authenticating, record-routing, transaction-stateful proxy with
# in-memory credentials), in one session: the same sipp scenario (scenarios/call-uac-digest.xml:
# INVITE / 407 / ACK / INVITE with credentials / 100 / 180 / 200 / ACK / BYE / 200), the same carrier
# (one sipp UAS running scenarios/call-uas.xml, answering every call at once), the same rates,
# interleaved (each repeat alternates which server goes first), each rate repeated.
#
# Usage: ./run-calls-dialtone-vs-kamailio.sh [SECONDS=30] [REPEATS=2] [RATE ...]   (rates: 50 100 200)
#
# Every run is one ./run-anchor.sh line in results/runs.tsv labelled "calls-<server>-<session>"; the
# pass rule is the anchor's: 0 failed calls, p99 of RTD 1 ("pdd": the authenticated INVITE to the
# 180, i.e. the post-dial delay the proxy adds, carrier included) under 50 ms, >= 95 % of the rate.
# RTD 2 is the whole call (first INVITE to the BYE's 200). At the end: results/calls-<session>.txt
# with the summarize.sh tables and CPU per call (server CPU of the run / calls per second), and with
# PROFILE=1 a JFR profile of Dialtone's JVM over its last run (results/calls-profile-<session>.txt).
#
# Before the measured runs both servers get every phone registered once (scenarios/register-digest.xml
# at REGISTER_RATE/s; both refuse calls from a phone that is not registered), and Dialtone gets
# JIT_WARMUP_SECONDS of calls at JIT_WARMUP_RATE/s that are not measured (its JVM starts cold).
#
# Starts what is not running: Dialtone (start-dialtone.sh with DT_CARRIER_PORT: 10,000 extensions
# through its import page, a trunk to the carrier, the account's caller ID, national calls allowed),
# Kamailio (KAM_CONFIG=kamailio/proxy.cfg start-kamailio.sh, port 5092) and the carrier; stops all
# three at the end (KEEP=1 leaves them up).
#
# Env: DT_SIP_PORT=25090 CARRIER_PORT=25096 SIPP_PORT=25070 COOLDOWN=5 REGISTER_RATE=500
#      JIT_WARMUP_SECONDS=30 JIT_WARMUP_RATE=300 PROFILE=0 KEEP=0, and run-anchor.sh's (SIPP_CPUS, ...)
#      RING_MS=0: how long the carrier rings between its 180 and its 200. With 0 the two leave at
#      once, and a proxy whose threads handle them in parallel may relay the 200 first: sipp's
#      phone, which requires the 180, then counts a failed call (both proxies did, see README.md).
set -uo pipefail
cd "$(dirname "$0")"
SECS=${1:-30}
REPEATS=${2:-2}
shift 2 2>/dev/null || shift $#
RATES=("$@")
[ ${#RATES[@]} -gt 0 ] || RATES=(50 100 200)
export DT_SIP_PORT=${DT_SIP_PORT:-25090}
export SIPP_PORT=${SIPP_PORT:-25070}
CARRIER_PORT=${CARRIER_PORT:-25096}
KAM_PORT=5092
COOLDOWN=${COOLDOWN:-5}
SESSION=$(date -u +%Y%m%dT%H%M%SZ)
DIALLED=+16135550100
mkdir -p results run
OUT=results/calls-$SESSION.txt

if ! { [ -f run/dialtone.pid ] && kill -0 "$(cat run/dialtone.pid)" 2>/dev/null; }; then
	DT_CARRIER_PORT=$CARRIER_PORT ./start-dialtone.sh || exit 1
fi
[ -f data/dialtone-calls.csv ] || { echo "Dialtone runs without a call route: stop-dialtone.sh first" >&2; exit 1; }
PAYARA=$(cat run/dialtone-payara.pid)
[ -f data/calls.csv ] || ./gen-users.sh >/dev/null
if ! { [ -f run/kamailio.pid ] && kill -0 "$(cat run/kamailio.pid)" 2>/dev/null; }; then
	KAM_CONFIG=kamailio/proxy.cfg KAM_CARRIER=sip:127.0.0.1:$CARRIER_PORT ./start-kamailio.sh 4 htable || exit 1
fi
KAMAILIO=$(cat run/kamailio.pid)
if ! { [ -f run/carrier.pid ] && kill -0 "$(cat run/carrier.pid)" 2>/dev/null; }; then
	# -aa answers the trunk probe's OPTIONS with 200, as a carrier does
	setsid /usr/bin/sipp -sf scenarios/call-uas.xml -i 127.0.0.1 -p "$CARRIER_PORT" -aa -d "${RING_MS:-0}" \
		-buff_size 4194304 -l 100000 -nd -nostdin -trace_err -error_file run/carrier-errors.log \
		> run/carrier.log 2>&1 &
	echo $! > run/carrier.pid
	sleep 1
fi

{
	echo "# calls session $SESSION: $(nproc) cpus, load average $(cut -d' ' -f1-3 /proc/loadavg) at start"
	echo "# rates: ${RATES[*]} calls/s  seconds: $SECS  repeats: $REPEATS  sipp_cpus=${SIPP_CPUS:-all}  carrier rings ${RING_MS:-0} ms"
	echo "# dialtone: 127.0.0.1:$DT_SIP_PORT payara pid $PAYARA; kamailio proxy: 127.0.0.1:$KAM_PORT pid $KAMAILIO;" \
		"carrier: sipp UAS 127.0.0.1:$CARRIER_PORT pid $(cat run/carrier.pid)"
	grep '^\[sip-bench\]' run/dialtone.log
} | tee "$OUT"

register_all() {  # register_all PORT USERS: every phone once, not measured
	local n
	n=$(($(wc -l < "$2") - 1))
	(cd run && /usr/bin/sipp "127.0.0.1:$1" -sf ../scenarios/register-digest.xml -inf "../$2" \
		-i 127.0.0.1 -p "$SIPP_PORT" -t u1 -r "${REGISTER_RATE:-500}" -rp 1000 -m "$n" \
		-buff_size 4194304 -recv_timeout 10000 -timeout 120 -nd -nostdin > "register-$1.log" 2>&1)
	echo "# registered $n phones on port $1: sipp exit $?" | tee -a "$OUT"
}
register_all "$KAM_PORT" data/users.csv
register_all "$DT_SIP_PORT" data/dialtone-users.csv

ticks() {  # utime+stime of these processes and their direct children (see run-dialtone-vs-kamailio.sh)
	local p s=0
	for p in "$@" $(ps -o pid= --ppid "$(echo "$@" | tr ' ' ',')" 2>/dev/null); do
		[ -r "/proc/$p/stat" ] || continue
		s=$((s + $(sed 's/^.*) //' "/proc/$p/stat" | awk '{ print $12 + $13 }')))
	done
	echo "$s"
}

run_one() {  # run_one SERVER RATE SECONDS [LABEL_PREFIX]
	local server=$1 rate=$2 secs=$3 label=${4:-calls} line pid t0 t1 c0 c1 cpu per_call
	pid=$KAMAILIO
	[ "$server" = dialtone ] && pid=$PAYARA
	c0=$(ticks "$pid"); t0=$(date +%s.%N)
	if [ "$server" = kamailio ]; then
		line=$(LABEL="$label-kamailio-$SESSION" SERVER_PID=$KAMAILIO SCENARIO=scenarios/call-uac-digest.xml \
			USERS=data/calls.csv ./run-anchor.sh 127.0.0.1 "$KAM_PORT" "$rate" "$secs" | tail -n 1)
	else
		line=$(LABEL="$label-dialtone-$SESSION" SERVER_PID=$PAYARA SCENARIO=scenarios/call-uac-digest.xml \
			USERS=data/dialtone-calls.csv SIPP_EXTRA="-auth_uri $DIALLED@127.0.0.1:$DT_SIP_PORT" \
			./run-anchor.sh 127.0.0.1 "$DT_SIP_PORT" "$rate" "$secs" | tail -n 1)
	fi
	c1=$(ticks "$pid"); t1=$(date +%s.%N)
	cpu=$(awk -v c="$((c1 - c0))" -v hz="$(getconf CLK_TCK)" -v w="$(echo "$t1 - $t0" | bc)" \
		'BEGIN { printf "%.0f", 100 * c / hz / w }')
	# core-milliseconds per call: the server's CPU over the whole call (warm-up included) / calls per second
	per_call=$(awk -v c="$cpu" -v r="$rate" 'BEGIN { printf "%.2f", 10 * c / r }')
	echo "$server: $line server_cpu_whole_call=$cpu% cpu_ms_per_call=$per_call" | tee -a "$OUT"
	sleep "$COOLDOWN"
}

if [ "${JIT_WARMUP_SECONDS:-30}" -gt 0 ]; then
	echo "# dialtone JIT warm-up: ${JIT_WARMUP_RATE:-300} calls/s for ${JIT_WARMUP_SECONDS:-30} s, not measured" | tee -a "$OUT"
	run_one dialtone "${JIT_WARMUP_RATE:-300}" "${JIT_WARMUP_SECONDS:-30}" jit-warmup
fi

last=${#RATES[@]}
for r in "${!RATES[@]}"; do
	rate=${RATES[$r]}
	for i in $(seq 1 "$REPEATS"); do
		if [ $((i % 2)) = 1 ]; then order=(kamailio dialtone); else order=(dialtone kamailio); fi
		for server in "${order[@]}"; do
			if [ "${PROFILE:-0}" = 1 ] && [ "$server" = dialtone ] && [ $((r + 1)) = "$last" ] && [ "$i" = "$REPEATS" ]; then
				jcmd "$PAYARA" JFR.start name=calls settings=profile filename="$PWD/run/calls-$SESSION.jfr" > /dev/null
				run_one "$server" "$rate" "$SECS"
				jcmd "$PAYARA" JFR.stop name=calls > /dev/null
				{
					echo "# JFR profile of Dialtone's JVM over its last run ($rate calls/s, $SECS s)"
					"${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/jfr" view --width 260 hot-methods "run/calls-$SESSION.jfr" | sed 's/  */ /g'
					"${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/jfr" view --width 260 allocation-by-site "run/calls-$SESSION.jfr" | sed 's/  */ /g'
				} > "results/calls-profile-$SESSION.txt" 2>&1
			else
				run_one "$server" "$rate" "$SECS"
			fi
		done
	done
done

{
	echo
	echo "# this session's runs (summarize.sh)"
	grep -e '^stamp' -e "calls-[a-z]*-$SESSION" results/runs.tsv > "results/calls-$SESSION.tsv"
	./summarize.sh "results/calls-$SESSION.tsv"
	echo "# load average at end $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee -a "$OUT"

if [ "${KEEP:-0}" != 1 ]; then
	kill -TERM "$(cat run/carrier.pid)" 2>/dev/null; rm -f run/carrier.pid
	./stop-kamailio.sh
	./stop-dialtone.sh
fi
echo "session results: $OUT, results/calls-$SESSION.tsv"

#!/bin/bash
# run-dialtone-vs-kamailio.sh - Dialtone's registrar against the Kamailio anchor, in one session:
# same sipp scenario (scenarios/register-digest.xml), same rates, same time window, interleaved
# (each repeat alternates which server goes first), each rate repeated; then the timing probe
# (unknown user against wrong password, scenarios/register-refused.xml) on both servers.
#
# Usage: ./run-dialtone-vs-kamailio.sh [SECONDS=30] [REPEATS=3] [RATE ...]   (rates: 2500 5000)
#
# Starts Dialtone (start-dialtone.sh: 10,000 extensions provisioned through its CSV import page)
# unless it already runs, and Kamailio (start-kamailio.sh 4 htable: credentials in an in-memory
# htable, bindings in memory, as the anchor), and stops both at the end (KEEP=1 leaves them up).
# Every run is one ./run-anchor.sh line in results/runs.tsv with the label
# "<server>-<session>"; the pass rule is the anchor's (0 failed, p99 < 50 ms, >= 95 % of the rate).
# At the end: results/session-<session>.txt (the summarize.sh tables of this session only, the
# timing probe, heap snapshots of Dialtone's JVM after each of its runs).
#
# Each result line ends with server_cpu_whole_call: CPU of the server process and its direct
# children over the whole run-anchor.sh call, warm-up included (100 = one core).
#
# Env: everything run-anchor.sh takes (SIPP_CPUS, FINE_CLOCK, ...); DT_SIP_PORT=25090;
#      SIPP_PORT=25070 (sipp's own port); COOLDOWN=5; TIMING_RATE=500 TIMING_SECONDS=10
#      (TIMING_SECONDS=0 skips the probe); KEEP=0;
#      JIT_WARMUP_SECONDS=30 JIT_WARMUP_RATE=1000: before the session, Dialtone gets registrations
#      at that rate for that long, not measured (labelled jit-warmup-<session>, left out of the
#      tables): a JVM that just started runs interpreted and cold-compiled code, a registrar that has
#      been up for a while does not. Kamailio, compiled ahead of time, gets none. 0 skips it.
set -uo pipefail
cd "$(dirname "$0")"
SECS=${1:-30}
REPEATS=${2:-3}
shift 2 2>/dev/null || shift $#
RATES=("$@")
[ ${#RATES[@]} -gt 0 ] || RATES=(2500 5000)
export DT_SIP_PORT=${DT_SIP_PORT:-25090}
export SIPP_PORT=${SIPP_PORT:-25070}
COOLDOWN=${COOLDOWN:-5}
TIMING_RATE=${TIMING_RATE:-500}
TIMING_SECONDS=${TIMING_SECONDS:-10}
SESSION=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p results
OUT=results/session-$SESSION.txt

if ! { [ -f run/dialtone.pid ] && kill -0 "$(cat run/dialtone.pid)" 2>/dev/null; }; then
	./start-dialtone.sh || exit 1
fi
PAYARA=$(cat run/dialtone-payara.pid)
[ -f data/users.csv ] || ./gen-users.sh >/dev/null
if ! { [ -f run/kamailio.pid ] && kill -0 "$(cat run/kamailio.pid)" 2>/dev/null; }; then
	./start-kamailio.sh 4 htable || exit 1
fi
KAMAILIO=$(cat run/kamailio.pid)

{
	echo "# session $SESSION: $(nproc) cpus, load average $(cut -d' ' -f1-3 /proc/loadavg) at start"
	echo "# rates: ${RATES[*]}  seconds: $SECS  repeats: $REPEATS  sipp_cpus=${SIPP_CPUS:-all}"
	echo "# dialtone: 127.0.0.1:$DT_SIP_PORT payara pid $PAYARA; kamailio: 127.0.0.1:5090 pid $KAMAILIO"
	grep '^\[sip-bench\]' run/dialtone.log
} | tee "$OUT"

heap() {  # heap LABEL: Dialtone's heap after a run
	echo "## heap after $1" >> "results/heap-$SESSION.txt"
	jcmd "$PAYARA" GC.heap_info >> "results/heap-$SESSION.txt" 2>&1
}

# ticks PID...: utime+stime of these processes and their direct children, read from /proc/PID/stat
# (the anchor's tree_ticks walks every process of the host and reads nonsense here when other
# processes come and go: negative figures). Measured around the whole run-anchor.sh call.
ticks() {
	local p s=0
	for p in "$@" $(ps -o pid= --ppid "$(echo "$@" | tr ' ' ',')" 2>/dev/null); do
		[ -r "/proc/$p/stat" ] || continue
		s=$((s + $(sed 's/^.*) //' "/proc/$p/stat" | awk '{ print $12 + $13 }')))
	done
	echo "$s"
}

run_one() {  # run_one SERVER RATE SECONDS [SCENARIO USERS_SUFFIX]
	local server=$1 rate=$2 secs=$3 scenario=${4:-scenarios/register-digest.xml} kind=${5:-} line
	local pid=$KAMAILIO t0 t1 c0 c1 cpu
	[ "$server" = dialtone ] && pid=$PAYARA
	c0=$(ticks "$pid"); t0=$(date +%s.%N)
	if [ "$server" = kamailio ]; then
		line=$(LABEL="kamailio${kind:+-$kind}-$SESSION" SERVER_PID=$KAMAILIO SCENARIO=$scenario \
			USERS=data/users${kind:+-$kind}.csv ./run-anchor.sh 127.0.0.1 5090 "$rate" "$secs" | tail -n 1)
	else
		line=$(LABEL="dialtone${kind:+-$kind}-$SESSION" SERVER_PID=$PAYARA SCENARIO=$scenario \
			USERS=data/dialtone-users${kind:+-$kind}.csv ./run-anchor.sh 127.0.0.1 "$DT_SIP_PORT" \
			"$rate" "$secs" | tail -n 1)
		heap "$server${kind:+-$kind} rate=$rate"
	fi
	c1=$(ticks "$pid"); t1=$(date +%s.%N)
	cpu=$(awk -v c="$((c1 - c0))" -v hz="$(getconf CLK_TCK)" -v w="$(echo "$t1 - $t0" | bc)" \
		'BEGIN { printf "%.0f", 100 * c / hz / w }')
	echo "$server${kind:+ $kind}: $line server_cpu_whole_call=$cpu%" | tee -a "$OUT"
	sleep "$COOLDOWN"
}

if [ "${JIT_WARMUP_SECONDS:-30}" -gt 0 ]; then
	echo "# dialtone JIT warm-up: ${JIT_WARMUP_RATE:-1000}/s for ${JIT_WARMUP_SECONDS:-30} s, not measured" | tee -a "$OUT"
	LABEL="jit-warmup-$SESSION" SERVER_PID=$PAYARA USERS=data/dialtone-users.csv WARMUP_SECONDS=0 \
		./run-anchor.sh 127.0.0.1 "$DT_SIP_PORT" "${JIT_WARMUP_RATE:-1000}" "${JIT_WARMUP_SECONDS:-30}" \
		| tail -n 1 | sed 's/^/# warm-up: /' | tee -a "$OUT"
	sleep "$COOLDOWN"
fi

for rate in "${RATES[@]}"; do
	for i in $(seq 1 "$REPEATS"); do
		if [ $((i % 2)) = 1 ]; then order=(kamailio dialtone); else order=(dialtone kamailio); fi
		for server in "${order[@]}"; do run_one "$server" "$rate" "$SECS"; done
	done
done

if [ "$TIMING_SECONDS" -gt 0 ]; then
	echo "# timing probe: unknown user vs wrong password at $TIMING_RATE/s, $TIMING_SECONDS s each" | tee -a "$OUT"
	for i in $(seq 1 "$REPEATS"); do
		for server in kamailio dialtone; do
			if [ $((i % 2)) = 1 ]; then kinds=(unknown wrongpw); else kinds=(wrongpw unknown); fi
			for kind in "${kinds[@]}"; do
				run_one "$server" "$TIMING_RATE" "$TIMING_SECONDS" scenarios/register-refused.xml "$kind"
			done
		done
	done
fi

{
	echo
	echo "# this session's runs (summarize.sh)"
	grep -e '^stamp' -e "$SESSION" results/runs.tsv | grep -v "jit-warmup-$SESSION" \
		> "results/session-$SESSION.tsv"
	./summarize.sh "results/session-$SESSION.tsv"
	echo "# load average at end $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee -a "$OUT"

if [ "${KEEP:-0}" != 1 ]; then
	./stop-kamailio.sh
	./stop-dialtone.sh
fi
echo "session results: $OUT, results/session-$SESSION.tsv, results/heap-$SESSION.txt"

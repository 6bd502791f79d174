#!/usr/bin/env bash
# Vote ingest under a crowd: starts the packaged service in the `bench` profile (the only profile in
# which votes may come without the listening time passing) on a fresh data folder, then runs
# ANNOTATORS simulated annotators (next -> fetch audio a and b -> played a, b -> vote) for SECONDS
# seconds after a warm-up on a campaign of its own; then BURSTS rounds of the vote path alone on a
# third campaign (every annotator takes an item and reports it played, then all vote at once; 3 more
# rounds first as warm-up); and in the
# same run measures the same embedded PostgreSQL server with pgbench (16 clients, one INSERT per
# transaction) so the ratios new votes/s : raw inserts/s are printed; and the floor on the same server
# (VoteFloor: a bare HTTP server that commits one INSERT per vote), timed like the service.
# With ASKERS > 0 it also times hand-outs as issue #16 states that goal: 10 rounds in which ASKERS of
# the annotators each ask for an item once, within one second (e.g. 1000 annotators, 200 askers).
# Usage: bench/vote-ingest.sh [annotators] [seconds] [warm-up seconds, default 60: a fresh JVM is
#        still compiling the request path for minutes] [bursts, default 20] [askers, default 0]
#        (builds the package when missing)
# Needs pgbench and psql (Debian: postgresql-client); the embedded PostgreSQL binaries ship neither.
# The load generator, the service and PostgreSQL share the machine's CPUs.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
annotators=${1:-200}
seconds=${2:-10}
warmup=${3:-60}
bursts=${4:-20}
askers=${5:-0}
data=$(mktemp -d)
port=18083
for tool in pgbench psql; do
  command -v $tool > /dev/null || { echo "$tool not found: install postgresql-client"; exit 1; }
done
bench_ensure_package
bench_start_service "$data" $port -Dquarkus.profile=bench -Dearshot.demo.evaluate=false
trap 'kill "$service_pid" 2>/dev/null || true; wait "$service_pid" 2>/dev/null || true; rm -rf "$data"' EXIT
bench_await_ready $port "$service_pid" || { cat "$data/service.log"; exit 1; }
# The maintenance superuser (pgbench creates its own table), with the password the service keeps.
export PGHOST=127.0.0.1 PGPORT=$(bench_pg_port "$data") PGUSER=postgres PGDATABASE=postgres
PGPASSWORD=$(cat "$data/secrets/postgres-superuser.password")
export PGPASSWORD
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%FT%TZ)"
# The postmaster's pid (first line of its pid file): CPU per vote and hand-out is reported by process.
postgres_pid=$(head -1 "$data/pg/postmaster.pid")
bench_java dev.earshot.bench.VoteIngest --base "http://localhost:$port" \
  --token "$bench_admin_token" --annotators "$annotators" --warmup "$warmup" --seconds "$seconds" --bursts "$bursts" \
  --askers "$askers" --service-pid "$service_pid" --postgres-pid "$postgres_pid" \
  | tee "$data/votes.txt"
votes=$(grep -o '^VOTES_PER_SECOND=[0-9.]*' "$data/votes.txt" | cut -d= -f2)
# No bursts (fourth argument 0), no burst line: not an error.
burst_votes=$(grep -o '^BURST_VOTES_PER_SECOND=[0-9.]*' "$data/votes.txt" | cut -d= -f2 || true)
# A server error is a finding: keep the service's log, which the exit trap would delete.
if ! grep -q 'FAILED_OTHER_5XX=0' "$data/votes.txt"; then
  kept=$(mktemp /tmp/vote-ingest-service-XXXXXX.log)
  cp "$data/service.log" "$kept"
  echo "server errors: the service log is kept in $kept"
fi
# The reference: one-row INSERT transactions on the same server, with its fsync setting (on).
echo "server: fsync $(psql -Atq -c "SHOW fsync"), synchronous_commit $(psql -Atq -c "SHOW synchronous_commit")"
psql -q \
  -c 'DROP TABLE IF EXISTS bench_insert; CREATE TABLE bench_insert (id bigserial PRIMARY KEY, v int)'
echo 'INSERT INTO bench_insert (v) VALUES (1);' > "$data/insert.sql"
pgbench -n -c 16 -j 2 -T "$seconds" -f "$data/insert.sql" > "$data/pgbench.txt"
tps=$(grep -o 'tps = [0-9.]*' "$data/pgbench.txt" | head -1 | cut -d' ' -f3)
psql -q -c 'DROP TABLE bench_insert'
latency=$(grep -o 'latency average = [0-9.]* ms' "$data/pgbench.txt" || true)
echo "pgbench, 16 clients, one INSERT per transaction: $tps tps ($latency)"
awk -v v="$votes" -v t="$tps" 'BEGIN { printf "ratio new votes/s : raw insert tps = 1 : %.1f (rating loop)\n", t / v }'
if [ -n "$burst_votes" ]; then
  awk -v v="$burst_votes" -v t="$tps" 'BEGIN { printf "ratio new votes/s : raw insert tps = 1 : %.1f (vote bursts)\n", t / v }'
fi
# The floor on the same server and machine: a bare HTTP server committing one INSERT per vote, timed
# with the same shape (bench/java/dev/earshot/bench/VoteFloor.java).
bench_java dev.earshot.bench.VoteFloor --jdbc "jdbc:postgresql://$PGHOST:$PGPORT/postgres" \
  --user "$PGUSER" --password "$PGPASSWORD" --clients "$annotators" --bursts "$bursts" \
  --seconds "$seconds" | tee "$data/floor.txt"
# The same shape on both sides: votes sent all at once.
if [ -n "$burst_votes" ]; then
  floor_burst=$(grep -o '^FLOOR_BURST_VOTES_PER_SECOND=[0-9.]*' "$data/floor.txt" | cut -d= -f2)
  awk -v v="$burst_votes" -v f="$floor_burst" 'BEGIN { printf "ratio new votes/s : floor votes/s = 1 : %.1f (vote bursts)\n", f / v }'
fi


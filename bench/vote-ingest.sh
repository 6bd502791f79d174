#!/usr/bin/env bash
# Vote ingest under a crowd: starts the packaged service in the `bench` profile (the only profile in
# which votes may come without the listening time passing) on a fresh data folder, then runs
# ANNOTATORS simulated annotators (next -> fetch audio a and b -> played a, b -> vote) for SECONDS
# seconds after a short warm-up, and in the same run measures the same embedded PostgreSQL server
# with pgbench (16 clients, one INSERT per transaction) so the ratio new votes/s : raw inserts/s is
# printed.
# Usage: bench/vote-ingest.sh [annotators] [seconds]   (after ./mvnw -B package -DskipTests)
# Needs pgbench and psql (Debian: postgresql-client); the embedded PostgreSQL binaries ship neither.
# The load generator, the service and PostgreSQL share the machine's CPUs.
set -euo pipefail
cd "$(dirname "$0")/.."
annotators=${1:-200}
seconds=${2:-10}
data=$(mktemp -d)
port=18083
token=bench-admin-token
for tool in pgbench psql; do
  command -v $tool > /dev/null || { echo "$tool not found: install postgresql-client"; exit 1; }
done
java -Dquarkus.profile=bench -Dearshot.data-dir="$data" -Dquarkus.http.port=$port \
  -Dearshot.demo.evaluate=false -Dearshot.bootstrap-admin-token=$token \
  -jar target/quarkus-app/quarkus-run.jar > "$data/service.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$data"' EXIT
until curl -fs "http://localhost:$port/q/health/ready" > /dev/null; do
  kill -0 "$pid" 2>/dev/null || { echo "service exited"; cat "$data/service.log"; exit 1; }
  sleep 0.1
done
pg_port=$(grep -o 'Embedded PostgreSQL started on port [0-9]*' "$data/service.log" | grep -o '[0-9]*$')
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%FT%TZ)"
# Plugins are fetched when missing: no -o here, so a fresh machine can run it.
./mvnw -q -Pbench -DskipTests test-compile exec:exec -Dbench.main=dev.earshot.bench.VoteIngest \
  -Dbench.args="--base http://localhost:$port --token $token --annotators $annotators --seconds $seconds" \
  | tee "$data/votes.txt"
votes=$(grep -o 'VOTES_PER_SECOND=[0-9.]*' "$data/votes.txt" | cut -d= -f2)
# The reference: one-row INSERT transactions on the same server, with its fsync setting (on).
echo "server: fsync $(psql -Atq -h localhost -p "$pg_port" -U postgres -d postgres -c "SHOW fsync"), synchronous_commit $(psql -Atq -h localhost -p "$pg_port" -U postgres -d postgres -c "SHOW synchronous_commit")"
psql -q -h localhost -p "$pg_port" -U postgres -d postgres \
  -c 'DROP TABLE IF EXISTS bench_insert; CREATE TABLE bench_insert (id bigserial PRIMARY KEY, v int)'
echo 'INSERT INTO bench_insert (v) VALUES (1);' > "$data/insert.sql"
pgbench -n -h localhost -p "$pg_port" -U postgres -c 16 -j 2 -T "$seconds" -f "$data/insert.sql" \
  postgres > "$data/pgbench.txt"
tps=$(grep -o 'tps = [0-9.]*' "$data/pgbench.txt" | head -1 | cut -d' ' -f3)
psql -q -h localhost -p "$pg_port" -U postgres -d postgres -c 'DROP TABLE bench_insert'
latency=$(grep -o 'latency average = [0-9.]* ms' "$data/pgbench.txt" || true)
echo "pgbench, 16 clients, one INSERT per transaction: $tps tps ($latency)"
awk -v v="$votes" -v t="$tps" 'BEGIN { printf "ratio new votes/s : raw insert tps = 1 : %.1f\n", t / v }'

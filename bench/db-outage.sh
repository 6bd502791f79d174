#!/usr/bin/env bash
# Database outage proof: ANNOTATORS simulated annotators vote while the embedded PostgreSQL's
# postmaster is killed; the service's supervisor starts it again after 10 s
# (earshot.database.embedded.restart-delay=10s). Checks that requests meanwhile fail fast with 503
# and Retry-After (no other 5xx, no hangs), that GET /q/health/ready goes DOWN and then UP, that no
# acknowledged vote is lost and that the same service process takes votes again afterwards.
# Prints one PASS/FAIL line with the figures.
# Usage: bench/db-outage.sh [annotators] [max seconds of voting]   (needs psql: postgresql-client)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
bench_ensure_package
annotators=${1:-8}
seconds=${2:-600}
port=18092
outage_s=10
slowest_allowed_ms=5000
data=$(mktemp -d)
trap 'kill ${monitor_pid:-} ${load_pid:-} ${service_pid:-} 2> /dev/null || true; wait 2> /dev/null || true; rm -rf "$data"' EXIT

bench_start_service "$data" $port -Dquarkus.profile=bench -Dearshot.demo.evaluate=false \
  -Dearshot.database.embedded.restart-delay=${outage_s}s
bench_await_ready $port "$service_pid"
pid_before=$service_pid
bench_start_votes $port "$annotators" "$seconds" "$data/acknowledged.txt" "$data/votes.txt"
# Readiness every 0.2 s: "<epoch ms> <status>" (000: no answer within 5 s).
while true; do
  echo "$(date +%s%3N) $(curl -s -o /dev/null -m 5 -w '%{http_code}' "http://localhost:$port/q/health/ready")"
  sleep 0.2
done > "$data/ready.txt" &
monitor_pid=$!
bench_await_votes "$data/acknowledged.txt" 1 "$seconds"
sleep 3
postmaster=$(head -1 "$data/pg/postmaster.pid")
killed_ms=$(date +%s%3N)
kill -9 "$postmaster"
# Ready again (bounded), then keep voting until every annotator could vote again (bounded).
deadline=$((SECONDS + 180))
until awk -v k="$killed_ms" '$1 >= k && $2 != 200 {d=1} d && $2 == 200 {u=1} END {exit !u}' \
  "$data/ready.txt" || [ "$SECONDS" -ge "$deadline" ]; do
  sleep 0.5
done
recovered=$(wc -l < "$data/acknowledged.txt")
bench_await_votes "$data/acknowledged.txt" $((recovered + annotators)) 120
bench_stop_votes "$data/acknowledged.txt"
kill "$monitor_pid"
# Readiness after the kill: first not 200 (DOWN), then the first 200 after that (UP again).
read -r down_ms up_ms <<< "$(awk -v k="$killed_ms" '$1 >= k && $2 != 200 && !d {d=$1}
  d && $2 == 200 && !u {u=$1} END {printf "%.0f %.0f\n", d, u}' "$data/ready.txt")"
summary=$(grep '^FAILED_503=' "$data/votes.txt" || echo 'FAILED_503=? (no summary)')
eval "$(echo "$summary" | tr ' ' '\n' | grep -E '^[A-Z_0-9]+=[0-9.]+$' || true)"
acknowledged=$(wc -l < "$data/acknowledged.txt")
after=$(awk -v u="$up_ms" 'u > 0 && $1 > u' "$data/acknowledged.txt" | wc -l)
read -r total once missing twice <<< "$(bench_check_votes "$data" "$data/acknowledged.txt")"
same_process=no
kill -0 "$pid_before" 2> /dev/null && [ "$service_pid" = "$pid_before" ] && same_process=yes
figures="$annotators annotators, postmaster killed, restarted by the service after ${outage_s} s;"
figures+=" readiness DOWN after $(((down_ms - killed_ms))) ms, UP again after $(((up_ms - killed_ms))) ms;"
figures+=" $summary; $acknowledged acknowledged ($after after recovery): $once stored exactly once,"
figures+=" $missing missing; same service process: $same_process"
if [ "$down_ms" -gt 0 ] && [ "$up_ms" -gt 0 ] && [ "${FAILED_503:-0}" -gt 0 ] &&
  [ "${FAILED_503_WITHOUT_RETRY_AFTER:-1}" = 0 ] && [ "${FAILED_OTHER_5XX:-1}" = 0 ] &&
  [ "${CONNECTION_ERRORS:-1}" = 0 ] && [ "${SLOWEST_503_MS%.*}" -le $slowest_allowed_ms ] &&
  [ "$once" = "$acknowledged" ] && [ "$total" = "$acknowledged" ] && [ "$after" -gt 0 ] &&
  [ "$same_process" = yes ]; then
  echo "PASS db-outage: $figures"
else
  echo "FAIL db-outage: $figures"
  tail -n 5 "$data/votes.txt"
  exit 1
fi

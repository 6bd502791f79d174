#!/usr/bin/env bash
# Crash proof: ANNOTATORS simulated annotators vote (bench `VoteIngest`, in the `bench` profile so
# that votes need no listening time) while the service is killed with SIGKILL at a random moment,
# then started again on the same data folder; the annotators keep going. Afterwards every vote id
# the generator saw acknowledged (201) is looked up in the database: each must be stored exactly
# once. Prints one PASS/FAIL line with the figures.
# Usage: bench/crash-votes.sh [annotators] [max seconds of voting]   (needs psql: postgresql-client)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
bench_ensure_package
annotators=${1:-8}
seconds=${2:-600}
port=18090
data=$(mktemp -d)
trap 'kill ${load_pid:-} ${service_pid:-} 2> /dev/null || true; wait 2> /dev/null || true; rm -rf "$data"' EXIT
options=(-Dquarkus.profile=bench -Dearshot.demo.evaluate=false)

bench_start_service "$data" $port "${options[@]}"
bench_await_ready $port "$service_pid"
bench_start_votes $port "$annotators" "$seconds" "$data/acknowledged.txt" "$data/votes.txt"
# A random moment once voting is under way: after the first vote, 2 to 11 s later.
bench_await_votes "$data/acknowledged.txt" 1 "$seconds"
sleep $((2 + RANDOM % 10))
kill -9 "$service_pid"
wait "$service_pid" 2> /dev/null || true
killed_at=$(date +%s)
before=$(wc -l < "$data/acknowledged.txt")
bench_start_service "$data" $port "${options[@]}"
bench_await_ready $port "$service_pid"
down=$(($(date +%s) - killed_at))
# Keep voting after the restart until every annotator could vote again (bounded).
bench_await_votes "$data/acknowledged.txt" $((before + annotators)) 120
bench_stop_votes "$data/acknowledged.txt"
acknowledged=$(wc -l < "$data/acknowledged.txt")
read -r total once missing twice <<< "$(bench_check_votes "$data" "$data/acknowledged.txt")"
figures="$annotators annotators, killed after $before acknowledged votes, ready again after ${down} s,"
figures+=" $acknowledged acknowledged in all ($((acknowledged - before)) after the restart):"
figures+=" $once stored exactly once, $missing missing, $twice more than once"
if [ "$total" = "$acknowledged" ] && [ "$once" = "$acknowledged" ] && [ "$acknowledged" -gt "$before" ] &&
  [ "$before" -gt 0 ]; then
  echo "PASS crash-votes: $figures"
else
  echo "FAIL crash-votes: $figures"
  tail -n 5 "$data/votes.txt"
  exit 1
fi

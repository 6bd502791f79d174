#!/usr/bin/env bash
# Shutdown proof: starts the demo evaluation run (every runnable judge on the demo data set), sends
# the service SIGTERM once about a fifth of the jobs are done, and checks that the ordered shutdown
# failed no job (log and database); then starts the service again on the same data folder and
# checks that the run completes with every job done once and no duplicate scores.
# Prints one PASS/FAIL line with the figures.
# Usage: bench/sigterm-run.sh   (needs psql: Debian postgresql-client)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
bench_ensure_package
port=18094
data=$(mktemp -d)
trap 'kill ${service_pid:-} 2> /dev/null || true; wait 2> /dev/null || true; rm -rf "$data"' EXIT
api() { curl -fs -H "Authorization: Bearer $bench_admin_token" "$@"; }
field() { python3 -c "import json,sys; print(json.load(sys.stdin)[\"$1\"])"; }

bench_start_service "$data" $port -Dearshot.demo.evaluate=false
bench_await_ready $port "$service_pid"
run=$(api -H 'Content-Type: application/json' -d '{"dataset":"demo"}' "http://localhost:$port/api/runs" | field id)
deadline=$((SECONDS + 300))
while true; do
  view=$(api "http://localhost:$port/api/runs/$run")
  done_jobs=$(echo "$view" | field done)
  total=$(echo "$view" | field total)
  [ "$(echo "$view" | field status)" = running ] || { echo "FAIL sigterm-run: run $run finished before SIGTERM"; exit 1; }
  [ "$done_jobs" -ge $((total / 5)) ] && break
  [ "$SECONDS" -lt "$deadline" ] || { echo "FAIL sigterm-run: run $run did not progress"; exit 1; }
  sleep 0.05
done
term_start=$(date +%s%3N)
kill -TERM "$service_pid"
wait "$service_pid" || true
stop_ms=$(($(date +%s%3N) - term_start))
failed_in_log=$(grep -c 'Evaluation job .* failed' "$data/service.log" || true)
given_back=$(grep -c 'given back to the queue' "$data/service.log" || true)
bench_start_service "$data" $port -Dearshot.demo.evaluate=false
bench_await_ready $port "$service_pid"
failed_after_stop=$(bench_psql "$data" -c "SELECT count(*) FROM evaluation_job WHERE run_id = $run AND status = 'failed'")
deadline=$((SECONDS + 600))
until [ "$(api "http://localhost:$port/api/runs/$run" | field status)" != running ]; do
  [ "$SECONDS" -lt "$deadline" ] || { echo "FAIL sigterm-run: run $run did not complete after the restart"; exit 1; }
  sleep 0.2
done
view=$(api "http://localhost:$port/api/runs/$run")
status=$(echo "$view" | field status)
final_done=$(echo "$view" | field done)
final_failed=$(echo "$view" | field failed)
read -r duplicate_scores rerun <<< "$(bench_psql "$data" -F ' ' -c "
  SELECT (SELECT count(*) - count(DISTINCT (s.response_id, s.judge_id, s.judge_version, s.dimension))
            FROM judge_score s JOIN evaluation_job j USING (response_id, judge_id, judge_version)
           WHERE j.run_id = $run),
         (SELECT count(*) FROM evaluation_job WHERE run_id = $run AND attempts > 1)")"
figures="run $run of $total jobs, SIGTERM at $done_jobs done, service stopped in $stop_ms ms;"
figures+=" jobs failed by the shutdown: $failed_in_log in the log, $failed_after_stop in the database;"
figures+=" $given_back given back to the queue; after restart: $status, $final_done done,"
figures+=" $final_failed failed, $rerun jobs run more than once, $duplicate_scores duplicate scores"
if [ "$failed_in_log" = 0 ] && [ "$failed_after_stop" = 0 ] && [ "$status" = completed ] &&
  [ "$final_done" = "$total" ] && [ "$final_failed" = 0 ] && [ "$duplicate_scores" = 0 ]; then
  echo "PASS sigterm-run: $figures"
else
  echo "FAIL sigterm-run: $figures"
  exit 1
fi

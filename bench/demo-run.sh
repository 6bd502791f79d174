#!/usr/bin/env bash
# Times an evaluation run of every runnable judge on the demo data set, from POST /api/runs to the
# run's completion, on a freshly started service. Usage: bench/demo-run.sh (builds the package when it is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
bench_ensure_package
data=$(mktemp -d)
port=18081
# The first start queues its own demo evaluation: switch that off to time this run alone.
bench_start_service "$data" $port -Dearshot.demo.evaluate=false
trap 'kill "$service_pid" 2>/dev/null || true; rm -rf "$data"' EXIT
bench_await_ready $port "$service_pid"
start=$(date +%s.%N)
run=$(curl -fs -H "Authorization: Bearer $bench_admin_token" -H 'Content-Type: application/json' -d '{"dataset":"demo"}' "http://localhost:$port/api/runs")
id=$(echo "$run" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
while true; do
  status=$(curl -fs -H "Authorization: Bearer $bench_admin_token" "http://localhost:$port/api/runs/$id")
  state=$(echo "$status" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')
  [ "$state" != running ] && break
  sleep 0.1
done
end=$(date +%s.%N)
echo "$status" | python3 -c 'import json,sys; r=json.load(sys.stdin); print("run", r["id"], r["status"], r["done"], "done", r["failed"], "failed of", r["total"], "jobs; judges:", ", ".join(r["judges"]))'
awk "BEGIN{printf \"elapsed %.2f s\n\", $end - $start}"

#!/usr/bin/env bash
# Times reward-model trainings on the demo's 'overall' votes, from POST /api/reward-models to success,
# on a freshly started service whose judges folder is a temporary copy (the repository's judges/ is
# never written). Usage: bench/reward-model.sh [steps ...] (builds the package when it is missing);
# default steps: 50 200 1000.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
bench_ensure_package
steps=("${@:-50 200 1000}")
data=$(mktemp -d)
cp -r judges "$data/judges"
port=18082
bench_start_service "$data" $port -Dearshot.judges.dir="$data/judges" -Dearshot.demo.evaluate=false
trap 'kill "$service_pid" 2>/dev/null || true; wait "$service_pid" 2>/dev/null || true; rm -rf "$data"' EXIT
bench_await_ready $port "$service_pid"
for n in ${steps[*]}; do
  start=$(date +%s.%N)
  # The demo's votes come from simulated raters: source=simulated (humans counts people only).
  request="{\"name\":\"bench-$n\",\"dataset\":\"demo\",\"dimension\":\"overall\",\"source\":\"simulated\",\"steps\":$n,\"seed\":1}"
  answer=$(curl -s -H "Authorization: Bearer $bench_admin_token" -D "$data/headers" -H 'Content-Type: application/json' \
    -d "$request" "http://localhost:$port/api/reward-models")
  location=$(tr -d '\r' < "$data/headers" | awk 'tolower($1)=="location:"{print $2}')
  [ -n "$location" ] || { echo "POST /api/reward-models refused: $answer"; exit 1; }
  while true; do
    training=$(curl -fs -H "Authorization: Bearer $bench_admin_token" "$location")
    state=$(echo "$training" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')
    [ "$state" != queued ] && [ "$state" != running ] && break
    sleep 0.1
  done
  end=$(date +%s.%N)
  echo "$training" | python3 -c '
import json, sys
t = json.load(sys.stdin)
m = t["metrics"]
print("steps", t["totalSteps"], t["status"], t["judge"] or t["error"])
if m:
    n, l = m["network"], m["linear"]
    print("  pairs %d (train %d, held out %d), responses %d, device %s"
          % (m["pairs"], m["trainingPairs"], m["heldOutPairs"], m["responses"], m["device"]))
    print("  features %.2f s, training %.2f s" % (m["featureSeconds"], m["trainingSeconds"]))
    for name, a in (("network", n), ("linear ", l)):
        print("  %s held-out %.3f train %.3f loss %.3f"
              % (name, a["heldOutAccuracy"], a["trainingAccuracy"], a["trainingLoss"]))'
  awk "BEGIN{printf \"  elapsed (POST to success) %.2f s\n\", $end - $start}"
done

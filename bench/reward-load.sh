#!/usr/bin/env bash
# Load test of the online reward endpoint: starts the packaged service on a fresh data folder, then
# fires single-sample OpenRLHF-style requests with distinct 3 s clips (no cache hits) at the demo
# reward profile: first one client at a time, then CONCURRENCY clients.
# Usage: bench/reward-load.sh [concurrency] [clips] [warm-up requests per phase]
#        (default 4 1000 3000; builds the package when missing). A fresh JVM spends its first
#        thousand clips compiling the DSP path, and after those still compiles the rest of the
#        request path (HTTP, JSON, transactions) for a while: 1,000 warm-up requests left the C2
#        compiler at 0.8 s of compile time per second of the measured phase, 3,000 at 0.16 s
#        (jstat -compiler). A reward server runs for hours, so the warm figures describe it.
# The load generator runs on the same machine and shares its CPUs with the service; the service's
# own CPU time per clip (from its metrics) is printed beside each phase.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
bench_ensure_package
concurrency=${1:-4}
clips=${2:-1000}
warmup=${3:-3000}
data=$(mktemp -d)
port=18082
# No background demo evaluation: it would compete with the requests for the CPUs.
bench_start_service "$data" $port -Dearshot.demo.evaluate=false
trap 'kill "$service_pid" 2>/dev/null || true; rm -rf "$data"' EXIT
bench_await_ready $port "$service_pid" || { cat "$data/service.log"; exit 1; }
# As OpenRLHF calls it: a profile key in the path, no credentials.
url=$(curl -fs -X POST -H "Authorization: Bearer $bench_admin_token" -H 'Content-Type: application/json' \
  -d '{"label":"bench"}' "http://localhost:$port/api/reward-profiles/demo/keys" |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["rewardUrl"])')
bench_java dev.earshot.bench.RewardLoad --url "$url" --clips "$clips" --concurrency "$concurrency" --warmup "$warmup" \
  --metrics "http://127.0.0.1:$((port + 1000))/q/metrics"
# Metrics are on the management interface (its port set above).
curl -fs "http://127.0.0.1:$((port + 1000))/q/metrics" | grep -E '^earshot_reward_(requests|items)_total' || true

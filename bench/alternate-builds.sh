#!/usr/bin/env bash
# Two packaged builds compared under the same load, alternately, so that both meet the same
# neighbours on a shared machine: for each of ROUNDS rounds and each build folder (a copy of
# target/quarkus-app), starts that build in the bench profile on a fresh data folder, runs VoteIngest
# once uncounted (the JIT's warm-up) and once measured with the given VoteIngest options, and prints
# the measured run's summary lines, CPU per operation by process included.
# Usage: bench/alternate-builds.sh ROUNDS BUILD_A BUILD_B [VoteIngest options]
#   e.g. cp -r target/quarkus-app /tmp/build-before   (then change, package, copy to /tmp/build-after)
#        bench/alternate-builds.sh 2 /tmp/build-before /tmp/build-after \
#          --annotators 1000 --warmup 0 --seconds 1 --bursts 0 --askers 200 --ask-rounds 20
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
rounds=$1
builds=("$2" "$3")
shift 3
port=18083
for _ in $(seq "$rounds"); do
  for build in "${builds[@]}"; do
    data=$(mktemp -d)
    bench_app=$build bench_start_service "$data" $port -Dquarkus.profile=bench \
      -Dearshot.demo.evaluate=false
    trap 'kill "$service_pid" 2>/dev/null || true; wait "$service_pid" 2>/dev/null || true; rm -rf "$data"' EXIT
    bench_await_ready $port "$service_pid" || { cat "$data/service.log"; exit 1; }
    postgres_pid=$(head -1 "$data/pg/postmaster.pid")
    echo "== $build, $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
    for pass in warm-up measured; do
      bench_java dev.earshot.bench.VoteIngest --base "http://localhost:$port" \
        --token "$bench_admin_token" --service-pid "$service_pid" --postgres-pid "$postgres_pid" "$@" \
        > "$data/$pass.txt"
    done
    grep -E '^(annotators|hand-outs|vote bursts|CPU per)' "$data/measured.txt"
    kill "$service_pid"
    wait "$service_pid" 2> /dev/null || true
    rm -rf "$data"
    trap - EXIT
  done
done

#!/usr/bin/env bash
# Measures service start-up to ready (GET /q/health/ready = 200), from launching the JVM, and to the
# end of the start-up steps that run after the port opened (demo checks and import, judge catalog,
# workers: readiness lists them as "warming up" until then).
# Usage: bench/startup.sh [runs]   (default 4; builds the package when it is missing)
# Every run starts the service as the README says, with scripts/run-service.sh. The first run is a
# first start after a build: it initialises the embedded database, imports the demo, and writes the
# class-data archive when it stops. Later runs find all three in place, which is the case the ≤ 3 s
# restart goal is about. A last run, not counted in [runs], restarts with plain java -jar (no
# archive) for comparison. Each run also prints the service's start-up step timings from its log.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
bench_ensure_package
runs=${1:-4}
data=$(mktemp -d)
port=18080
pid=
trap '[ -z "$pid" ] || kill "$pid" 2>/dev/null || true; rm -rf "$data"' EXIT
rm -f target/quarkus-app/earshot-classes.jsa target/quarkus-app/earshot-classes.jsa.key
for i in $(seq 1 $((runs + 1))); do
  start=$(date +%s.%N)
  cds=$([ "$i" -le "$runs" ] && echo on || echo off)
  EARSHOT_CDS=$cds scripts/run-service.sh \
    -Dearshot.data-dir="$data" -Dquarkus.http.port=$port -Dquarkus.management.port=$((port + 1000)) \
    > "$data/run-$i.log" 2>&1 &
  pid=$!
  until curl -fs "http://localhost:$port/q/health/ready" > /dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "service exited; see $data/run-$i.log"; cat "$data/run-$i.log"; exit 1; }
    sleep 0.05
  done
  ready=$(date +%s.%N)
  until grep -q 'Start-up: warm-up finished' "$data/run-$i.log"; do
    kill -0 "$pid" 2>/dev/null || { echo "service exited; see $data/run-$i.log"; exit 1; }
    sleep 0.05
  done
  warm=$(date +%s.%N)
  quarkus=$(grep -o 'started in [0-9.]*s' "$data/run-$i.log" | head -1)
  printf 'run %d: ready after %.2f s (Quarkus: %s), start-up steps done after %.2f s%s\n' "$i" \
    "$(awk "BEGIN{print $ready - $start}")" "$quarkus" "$(awk "BEGIN{print $warm - $start}")" \
    "$( ([ "$i" = 1 ] && echo ' — first start: initdb + demo import, archive written at its stop') ||
      ([ "$i" -gt "$runs" ] && echo ' — java -jar without the class-data archive, for comparison') || true)"
  # Where the time went, from the service's own start-up log lines.
  sed -n "s/.*Start-up: \([0-9]*\) ms from JVM launch to the start-up event.*/  JVM launch to start-up event (Quarkus, embedded PostgreSQL, Flyway): \1 ms/p;
          s/.*Start-up: observers took \([0-9]*\) ms.*/  start-up observers in all (they queue the steps below): \1 ms/p" "$data/run-$i.log"
  echo "  steps after the port opened: $(sed -n "s/.*Start-up step '\(.*\)' took \([0-9]*\) ms/\1 \2 ms/p" "$data/run-$i.log" | paste -sd, - | sed 's/,/, /g')"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
done

#!/usr/bin/env bash
# Two instances, one database, one audio store: starts the packaged service twice on loopback.
# Instance A runs the embedded PostgreSQL; instance B is pointed at it as an external server
# (quarkus.datasource.jdbc.url/username/password), each with its own data folder; both keep their
# audio in one S3 bucket (S3Proxy, filesystem back-end, on loopback). Then VOTES votes from
# ANNOTATORS simulated annotators, every other vote sent to the other instance (next -> audio a, b
# -> played a, b -> vote), and checks: every acknowledged vote id is stored exactly once, the
# audio both instances served came from the shared bucket, and the human leaderboard of the
# campaign is the same from A and from B. Prints one PASS/FAIL line with its figures.
# Usage: bench/two-instances.sh [annotators] [votes per annotator]  (after ./mvnw -B package -DskipTests)
# Needs psql (Debian: postgresql-client), curl and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
annotators=${1:-4}
per_annotator=${2:-6}
work=$(mktemp -d)
token=bench-admin-token
session_key=$(head -c 32 /dev/urandom | base64)
port_a=18181 port_b=18182
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
command -v psql > /dev/null || { echo "psql not found: install postgresql-client"; exit 1; }
bench_ensure_package

json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
api() { # method base-port path token [json-body] -> body on stdout, fails on HTTP errors
  local method=$1 port=$2 path=$3 auth=$4 body=${5:-}
  if [[ -n $body ]]; then
    curl -sS --fail-with-body -X "$method" -H "Authorization: Bearer $auth" -H 'Content-Type: application/json' \
      --data "$body" "http://127.0.0.1:$port$path"
  else
    curl -sS --fail-with-body -X "$method" -H "Authorization: Bearer $auth" "http://127.0.0.1:$port$path"
  fi
}

# The shared S3 store, run with plain java (so that stopping it stops the server).
./mvnw $(bench_maven_offline_flag) -q -B -Pbench -DskipTests test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$work/classpath"
java -cp "target/test-classes:target/classes:$(cat "$work/classpath")" dev.earshot.bench.LocalS3 \
  --folder "$work/s3" --bucket earshot-audio > "$work/s3.log" 2>&1 &
pids+=($!)
until grep -qs '^S3_ENDPOINT=' "$work/s3.log"; do
  kill -0 "${pids[0]}" 2>/dev/null || { echo "S3 server exited"; cat "$work/s3.log"; exit 1; }
  sleep 0.5
done
s3=$(grep '^S3_ENDPOINT=' "$work/s3.log" | cut -d= -f2)
keys=$(grep '^S3_KEYS=' "$work/s3.log" | cut -d= -f2)
common=(-Dquarkus.profile=bench -Dearshot.bootstrap-admin-token=$token -Dearshot.demo.evaluate=false
  "-Dquarkus.http.auth.session.encryption-key=$session_key"
  -Dearshot.audio-store.kind=s3 "-Dearshot.audio-store.s3.endpoint=$s3"
  -Dearshot.audio-store.s3.bucket=earshot-audio -Dearshot.audio-store.s3.path-style=true
  "-Dearshot.audio-store.s3.access-key-id=${keys%%:*}" "-Dearshot.audio-store.s3.secret-access-key=${keys#*:}")

start() { # name port management-port extra-args...
  local name=$1 port=$2 management=$3
  shift 3
  mkdir -p "$work/$name"
  java "${common[@]}" -Dearshot.data-dir="$work/$name" -Dquarkus.http.port=$port \
    -Dquarkus.management.port=$management "$@" -jar target/quarkus-app/quarkus-run.jar \
    > "$work/$name.log" 2>&1 &
  pids+=($!)
  local pid=$!
  bench_await_ready "$port" "$pid" || { echo "instance $name"; tail -50 "$work/$name.log"; exit 1; }
}

start a $port_a 19181
pg_port=$(sed -n 4p "$work/a/pg/postmaster.pid")
pg_password=$(cat "$work/a/secrets/postgres-earshot.password")
start b $port_b 19182 "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:$pg_port/postgres" \
  -Dquarkus.datasource.username=earshot "-Dquarkus.datasource.password=$pg_password"
grep -q 'Embedded PostgreSQL started' "$work/b.log" && { echo "FAIL: instance b started its own database"; exit 1; }

# Annotators and a campaign, made on A.
raters=() tokens=()
for i in $(seq 1 "$annotators"); do
  name="two-instances-$i"
  api POST $port_a /api/users $token "{\"username\":\"$name\",\"password\":\"bench-password-1234\",\"role\":\"annotator\"}" > /dev/null
  tokens+=("$(api POST $port_a /api/tokens $token "{\"name\":\"bench\",\"user\":\"$name\"}" | json 'd["secret"]')")
  raters+=("\"$name\"")
done
campaign=$(api POST $port_a /api/campaigns $token "{\"name\":\"two instances\",\"dataset\":\"demo\",\"systems\":[\"reference\",\"monotone\",\"wrongfacts\",\"noisy\"],\"dimensions\":[\"overall\"],\"raters\":[$(IFS=,; echo "${raters[*]}")],\"overlap\":$annotators}" | json 'd["id"]')

# Votes, alternating between the instances; a vote's id is logged once it is acknowledged (201).
: > "$work/acknowledged"
verdicts=(a_better b_better tie)
sent_a=0 sent_b=0
for round in $(seq 1 "$per_annotator"); do
  for i in $(seq 0 $((annotators - 1))); do
    if (( (round + i) % 2 )); then port=$port_a; else port=$port_b; fi
    auth=${tokens[$i]}
    assignment=$(api GET $port "/api/campaigns/$campaign/next" "$auth" | json 'd["assignment"]')
    for side in a b; do
      curl -fsS -o /dev/null -H "Authorization: Bearer $auth" "http://127.0.0.1:$port/api/assignments/$assignment/audio/$side"
      api POST $port "/api/assignments/$assignment/played/$side" "$auth" > /dev/null
    done
    id=$(python3 -c 'import uuid; print(uuid.uuid4())')
    verdict=${verdicts[$(( (round * 7 + i * 3) % 3 ))]}
    api POST $port /api/votes "$auth" "{\"id\":\"$id\",\"assignment\":\"$assignment\",\"verdicts\":{\"overall\":\"$verdict\"}}" > /dev/null
    echo "$id" >> "$work/acknowledged"
    if [[ $port == "$port_a" ]]; then sent_a=$((sent_a + 1)); else sent_b=$((sent_b + 1)); fi
  done
done

acknowledged=$(wc -l < "$work/acknowledged")
ids=$(sed "s/.*/'&'/" "$work/acknowledged" | paste -sd,)
sql() { PGPASSWORD=$pg_password psql -Atq -h 127.0.0.1 -p "$pg_port" -U earshot -d postgres -c "$1"; }
# rating_vote.id is the vote's id (primary key): a count equal to the acknowledged ids means each
# is there exactly once, and the campaign holds no vote besides them.
stored=$(sql "SELECT count(*) FROM rating_vote WHERE id IN ($ids)")
in_campaign=$(sql "SELECT count(*) FROM rating_vote WHERE campaign_id = '$campaign'")
board() { api GET "$1" "/api/leaderboard?source=humans&campaign=$campaign&dimension=overall&bootstrap=200&seed=7" $token; }
board_a=$(board $port_a) board_b=$(board $port_b)
bucket_objects=$(find "$work/s3" -type f -path '*earshot-audio/audio/*' | wc -l)
local_audio=$(find "$work/a" "$work/b" -path '*/audio/*' -type f 2>/dev/null | grep -vc '/audio-cache/\|/audio-derived/' || true)

figures="votes acknowledged $acknowledged (A $sent_a, B $sent_b), stored $stored (campaign $in_campaign); leaderboard rows $(echo "$board_a" | json 'len(d)'); bucket objects $bucket_objects, audio files in data folders $local_audio"
if [[ $stored -eq $acknowledged && $in_campaign -eq $acknowledged && $sent_a -gt 0 && $sent_b -gt 0 && "$board_a" == "$board_b" \
  && $bucket_objects -gt 0 && $local_audio -eq 0 ]]; then
  echo "two-instances PASS: $figures"
else
  [[ "$board_a" == "$board_b" ]] || { echo "leaderboard A: $board_a"; echo "leaderboard B: $board_b"; }
  echo "two-instances FAIL: $figures"
  exit 1
fi

# Shared by the bench scripts (sourced, not run): Maven flags that work on a fresh clone, and the
# packaged service built when it is missing.

# -o only when every plugin and library the bench profile needs is already in the local repository;
# otherwise Maven downloads them (the first run on a fresh machine needs Maven Central).
bench_maven_offline_flag() {
  local repo=${MAVEN_REPO:-$HOME/.m2/repository}
  local needed=(
    org/codehaus/mojo/exec-maven-plugin/3.5.0
    org/codehaus/mojo/build-helper-maven-plugin/3.6.0
    org/openjdk/jmh/jmh-core/1.37
    org/openjdk/jmh/jmh-generator-annprocess/1.37
  )
  local path
  for path in "${needed[@]}"; do
    [ -d "$repo/$path" ] || return 0
  done
  echo -o
}

# Runs a main class from bench/java (the bench profile's exec:exec) with the given arguments.
bench_java() {
  local main=$1
  shift
  # shellcheck disable=SC2046
  ./mvnw $(bench_maven_offline_flag) -q -B -Pbench -DskipTests test-compile exec:exec \
    -Dbench.main="$main" -Dbench.args="$*"
}

# Builds target/quarkus-app when it is not there yet (a fresh clone).
bench_ensure_package() {
  if [ ! -f target/quarkus-app/quarkus-run.jar ]; then
    echo "target/quarkus-app missing: building it (./mvnw -B -q package -DskipTests)" >&2
    ./mvnw -B -q package -DskipTests
  fi
}

# --- The crash and outage proofs (crash-votes.sh, db-outage.sh, sigterm-run.sh) ---

bench_admin_token=bench-admin-token

# Starts the packaged service in the background on data folder $1 with HTTP port $2 (management
# port $2 + 1000) and any further -D options; output goes to $1/service.log. Sets service_pid.
# The package is target/quarkus-app unless bench_app names another copy of it.
bench_start_service() {
  local data=$1 port=$2
  shift 2
  java -Dearshot.data-dir="$data" -Dquarkus.http.port="$port" \
    -Dquarkus.management.port=$((port + 1000)) \
    -Dearshot.bootstrap-admin-token=$bench_admin_token "$@" \
    -jar "${bench_app:-target/quarkus-app}/quarkus-run.jar" >> "$data/service.log" 2>&1 &
  service_pid=$!
}

# Waits until GET /q/health/ready on port $1 answers 200 and no longer lists start-up steps as
# "warming up" (the demo imported, the workers started: what every benchmark here needs); fails when
# process $2 has ended or after $3 seconds (default 300: the machine may be busy).
bench_await_ready() {
  local port=$1 pid=$2 deadline=$((SECONDS + ${3:-300})) body
  until body=$(curl -fs "http://localhost:$port/q/health/ready") && [[ $body != *"warming up"* ]]; do
    kill -0 "$pid" 2> /dev/null || { echo "service (pid $pid) exited" >&2; return 1; }
    [ "$SECONDS" -lt "$deadline" ] || { echo "service not ready in time" >&2; return 1; }
    sleep 0.2
  done
}

# psql as the service's role on the embedded PostgreSQL of data folder $1, with the password file
# the service keeps there; the port is the one of the latest start in the service's log.
bench_psql() {
  local data=$1
  shift
  PGPASSFILE="$data/secrets/pgpass" psql -X -Atq -v ON_ERROR_STOP=1 -h 127.0.0.1 \
    -p "$(bench_pg_port "$data")" -U earshot -d postgres "$@"
}

# The embedded PostgreSQL's port of data folder $1: the latest start in the service's log.
bench_pg_port() {
  grep -o 'Embedded PostgreSQL started on 127.0.0.1:[0-9]*' "$1/service.log" | tail -1 |
    grep -o '[0-9]*$'
}

# Starts the vote load generator (bench/java VoteIngest) in the background against port $1: $2
# annotators for at most $3 seconds, acknowledged votes appended to file $4, its output to file $5;
# it stops early once file $4.stop exists (bench_stop_votes). Returns once its set-up (users,
# tokens, campaign) is done. Sets load_pid.
bench_start_votes() {
  local port=$1 annotators=$2 seconds=$3 acknowledged=$4 output=$5
  : > "$acknowledged"
  bench_java dev.earshot.bench.VoteIngest --base "http://localhost:$port" \
    --token $bench_admin_token --annotators "$annotators" --warmup 0 --seconds "$seconds" \
    --acknowledged "$acknowledged" --stop-file "$acknowledged.stop" > "$output" 2>&1 &
  load_pid=$!
  until grep -q '^set-up:' "$output"; do
    kill -0 "$load_pid" 2> /dev/null || { echo "load generator exited:" >&2; cat "$output" >&2; return 1; }
    sleep 0.2
  done
}

# Waits until file $1 holds at least $2 acknowledged votes, or $3 seconds have passed.
bench_await_votes() {
  local acknowledged=$1 count=$2 deadline=$((SECONDS + $3))
  while [ "$(wc -l < "$acknowledged")" -lt "$count" ] && [ "$SECONDS" -lt "$deadline" ]; do
    sleep 0.2
  done
}

# Ends the load generator started with acknowledged-vote file $1 and waits for its summary.
bench_stop_votes() {
  touch "$1.stop"
  wait "$load_pid" || true
}

# Looks up every acknowledged vote id of file $2 in the database of data folder $1; prints
# "<acknowledged> <stored exactly once> <missing> <stored more than once>".
bench_check_votes() {
  local data=$1 acknowledged=$2
  bench_psql "$data" <<SQL | tail -1
CREATE TEMP TABLE acknowledged (at_ms BIGINT, id UUID);
\copy acknowledged FROM '$acknowledged' WITH (FORMAT text, DELIMITER ' ')
SELECT count(*) || ' ' || count(*) FILTER (WHERE stored = 1) || ' '
       || count(*) FILTER (WHERE stored = 0) || ' ' || count(*) FILTER (WHERE stored > 1)
  FROM (SELECT (SELECT count(*) FROM rating_vote v WHERE v.id = a.id) AS stored
          FROM acknowledged a) counted;
SQL
}

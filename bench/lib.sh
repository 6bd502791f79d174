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

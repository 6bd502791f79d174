#!/usr/bin/env bash
# Runs the packaged service (target/quarkus-app, from ./mvnw -B package -DskipTests) with a
# class-data-sharing archive of the classes its start loads, which makes a restart 1.2-1.5 s
# faster on two cores (BENCHMARKS.md, "Service start-up"). Arguments are passed to the JVM before
# -jar, e.g. scripts/run-service.sh -Dquarkus.http.port=9090.
#
# The first start after a build has no archive: the JVM writes one when that run stops (SIGTERM or
# Ctrl-C; it takes a few seconds and about 90 MB next to the jar). Later starts map it. A new build,
# another java or another location makes a new one. The archive is renamed into place only after a
# clean stop, and its recorded size is checked before each use, because the JVM crashes on a
# truncated archive. EARSHOT_CDS=off runs without any archive.
set -euo pipefail

app_dir=$(cd "$(dirname "$0")/../target/quarkus-app" 2> /dev/null && pwd) || {
  echo "target/quarkus-app is missing: build it with ./mvnw -B package -DskipTests" >&2
  exit 1
}
jar=$app_dir/quarkus-run.jar
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
if [ "${EARSHOT_CDS:-on}" = off ]; then
  exec "$java" "$@" -jar "$jar"
fi
archive=$app_dir/earshot-classes.jsa
# What the archive is valid for: this java, this jar (path and build time). Its size follows.
# date -r and wc -c, unlike stat, read the same on Linux and macOS.
build_key="$(readlink -f "$(command -v "$java")") $jar $(date -r "$jar" +%s)"
size_of() { echo $(($(wc -c < "$1"))); }

if [ -f "$archive" ] && [ -f "$archive.key" ] &&
  [ "$(cat "$archive.key")" = "$build_key $(size_of "$archive")" ]; then
  # -Xlog:cds=off: a JVM that cannot use the archive says so in many lines and starts without it.
  exec "$java" -XX:SharedArchiveFile="$archive" -Xlog:cds=off "$@" -jar "$jar"
fi

# Also what a run killed before its rename left behind (the JVM writes its archive only at exit).
rm -f "$archive" "$archive.key" "$archive".*.partial
if [ ! -w "$app_dir" ]; then
  echo "run-service: $app_dir is not writable, so no class-data archive; starting without" >&2
  exec "$java" "$@" -jar "$jar"
fi
partial=$archive.$$.partial
echo "run-service: this run writes a class-data archive for faster restarts when it stops" >&2
"$java" -XX:ArchiveClassesAtExit="$partial" -Xlog:cds=off "$@" -jar "$jar" &
pid=$!
trap 'kill -TERM "$pid" 2> /dev/null || true' TERM
trap 'kill -INT "$pid" 2> /dev/null || true' INT
status=0
# A trapped signal interrupts wait while the JVM is still stopping; wait again until it has ended.
while true; do
  wait "$pid" && status=0 || status=$?
  kill -0 "$pid" 2> /dev/null || break
done
# 0, or 130/143 after SIGINT/SIGTERM: the JVM ran its exit, which writes the archive whole.
if [ -s "$partial" ] && { [ "$status" = 0 ] || [ "$status" = 130 ] || [ "$status" = 143 ]; }; then
  mv "$partial" "$archive"
  echo "$build_key $(size_of "$archive")" > "$archive.key"
  echo "run-service: class-data archive written: $archive" >&2
else
  rm -f "$partial"
fi
exit "$status"

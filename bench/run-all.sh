#!/usr/bin/env bash
# Runs every benchmark once with small, bounded sizes and rewrites the generated section of
# BENCHMARKS.md (between the "bench/run-all.sh" markers) with the machine, date, load average,
# each command and its result. Works on a fresh clone: it builds the package when it is missing and
# lets Maven download the bench plugins when they are not in ~/.m2 yet.
# Usage: bench/run-all.sh            (about 10 minutes on an idle 2-core machine)
#        BENCH_JMH=0 bench/run-all.sh  (skip the JMH suite)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
bench_ensure_package
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

commands=(
  "bench/startup.sh 3"
  "bench/reward-load.sh 4 1000"
  "bench/vote-ingest.sh 200 10 60 20 200"
  "bench/demo-run.sh"
  "bench/reward-model.sh 50 200"
)
# Short JMH iterations (1 warm-up, 3 measured, 1 s each): figures for a trend, not for a claim.
jmh_args='-f 1 -wi 1 -i 3 -w 1 -r 1'
if [ "${BENCH_JMH:-1}" != 0 ]; then
  commands+=("./mvnw $(bench_maven_offline_flag) -q -B -Pbench -DskipTests test-compile exec:exec -Dbench.args='$jmh_args'")
fi

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date -u '+%Y-%m-%d %H:%M UTC')
results=()
for i in "${!commands[@]}"; do
  echo "== ${commands[$i]}" >&2
  if bash -c "${commands[$i]}" > "$out/$i.txt" 2>&1; then status=ok; else status="failed (exit $?)"; fi
  tail -n 40 "$out/$i.txt" >&2
  results+=("$status")
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

section=$out/section.md
{
  echo '<!-- bench/run-all.sh begin: generated, rewritten on every run -->'
  echo '## Latest `bench/run-all.sh`'
  echo
  echo "- Date: $started; load average (1, 5, 15 min) $load_before at the start, $load_after at the end"
  echo "- Machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GiB RAM, $(. /etc/os-release && echo "$PRETTY_NAME")"
  echo "- Java: $(java -version 2>&1 | head -1)"
  echo '- Command: `bench/run-all.sh`; each row is one command it ran, with its own output'
  echo
  echo '| Command | Status | Result |'
  echo '|---|---|---|'
  for i in "${!commands[@]}"; do
    # The result lines a script prints (JMH: its summary table), joined for one table cell.
    if [[ ${commands[$i]} == ./mvnw* ]]; then
      lines=$(sed -n '/^Benchmark /,$p' "$out/$i.txt")
    else
      lines=$(grep -v -e '^\s*$' -e 'building it' "$out/$i.txt" | tail -n 20 || true)
    fi
    cell=$(printf '%s' "$lines" | sed 's/|/\\|/g; s/`//g' | awk 'BEGIN{ORS="<br>"} {gsub(/ +/, " "); print}')
    printf '| `%s` | %s | %s |\n' "${commands[$i]//|/\\|}" "${results[$i]}" "$cell"
  done
  echo '<!-- bench/run-all.sh end -->'
} > "$section"

python3 - "$section" BENCHMARKS.md <<'PY'
import re, sys
section = open(sys.argv[1]).read().rstrip("\n")
path = sys.argv[2]
text = open(path).read()
pattern = re.compile(r"<!-- bench/run-all.sh begin.*?<!-- bench/run-all.sh end -->", re.S)
if pattern.search(text):
    text = pattern.sub(lambda _: section, text)
else:
    text = text.rstrip("\n") + "\n\n" + section + "\n"
open(path, "w").write(text)
PY
echo "BENCHMARKS.md: section 'Latest bench/run-all.sh' rewritten" >&2

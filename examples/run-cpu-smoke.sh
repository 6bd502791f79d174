#!/usr/bin/env bash
# CPU smoke run of the TRL examples against a real Earshot, end to end, with no network beyond a
# package index: a virtual environment with the pinned versions, the service built and started on a
# fresh data folder, a trl_standard export of the demo's simulated votes, a randomly initialised
# tiny model (make_tiny_model.py), 2 DPO steps on the export and 2 GRPO steps rewarded by the
# service's reward URL. Prints the training logs' last lines and one PASS or FAIL line.
#
#   examples/run-cpu-smoke.sh [venv-dir]      # default venv: target/trl-venv (reused when there)
#
# Environment: EARSHOT_SMOKE_PIP_ARGS (pip's index options; default: the local indexes under /opt
# when this machine has them, else pip's own configuration), EARSHOT_SMOKE_PORT (18090) and
# EARSHOT_SMOKE_MANAGEMENT_PORT (19090), EARSHOT_SMOKE_SKIP_BUILD=1 to reuse target/quarkus-app.
# Needs Java 17, python3 (3.10+), curl and espeak-ng. Not part of .ci/run: it takes minutes.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${1:-target/trl-venv}
PORT=${EARSHOT_SMOKE_PORT:-18090}
MANAGEMENT_PORT=${EARSHOT_SMOKE_MANAGEMENT_PORT:-19090}
WORK=target/trl-smoke
# The versions examples/README.md reports; torch==2.13.0 also accepts the CPU build 2.13.0+cpu.
PACKAGES=(torch==2.13.0 trl==1.13.0 transformers==5.17.0 datasets==5.0.1 accelerate==1.15.0)
if [[ -n ${EARSHOT_SMOKE_PIP_ARGS+set} ]]; then
  read -r -a PIP_ARGS <<<"$EARSHOT_SMOKE_PIP_ARGS"
elif [[ -d /opt/pypi/simple ]]; then
  PIP_ARGS=(--index-url file:///opt/pypi/simple)
  [[ -d /opt/pypi-more/simple ]] && PIP_ARGS+=(--extra-index-url file:///opt/pypi-more/simple)
  [[ -d /opt/wheels ]] && PIP_ARGS+=(--find-links /opt/wheels)
else
  PIP_ARGS=()
fi

fail() {
  echo "FAIL: $*"
  exit 1
}
command -v espeak-ng >/dev/null || fail "espeak-ng is not installed (the GRPO example voices completions with it)"

SERVICE_PID=
DATA_DIR=
stop_service() {
  if [[ -n $SERVICE_PID ]]; then
    kill "$SERVICE_PID" 2>/dev/null && wait "$SERVICE_PID" 2>/dev/null || true
  fi
  [[ -n $DATA_DIR ]] && rm -rf "$DATA_DIR"
}
trap stop_service EXIT

started=$(date +%s)
rm -rf "$WORK" && mkdir -p "$WORK"

echo "== virtual environment $VENV: ${PACKAGES[*]}"
[[ -x $VENV/bin/python ]] || python3 -m venv "$VENV"
"$VENV/bin/pip" install "${PIP_ARGS[@]}" "${PACKAGES[@]}" >"$WORK/pip.log" 2>&1 \
  || { tail -20 "$WORK/pip.log"; fail "pip install (log: $WORK/pip.log)"; }
"$VENV/bin/pip" freeze | grep -iE '^(torch|trl|transformers|datasets|accelerate|tokenizers|safetensors|huggingface.hub)==' \
  | tee "$WORK/versions.txt"
PY=$VENV/bin/python

if [[ ${EARSHOT_SMOKE_SKIP_BUILD:-} != 1 || ! -f target/quarkus-app/quarkus-run.jar ]]; then
  echo "== building the service"
  ./mvnw -o -q package -DskipTests || fail "build"
fi

echo "== starting the service on port $PORT"
if curl -s -o /dev/null "http://localhost:$PORT" || curl -s -o /dev/null "http://localhost:$MANAGEMENT_PORT"; then
  fail "port $PORT or $MANAGEMENT_PORT is in use: stop what runs there or set EARSHOT_SMOKE_PORT/EARSHOT_SMOKE_MANAGEMENT_PORT"
fi
DATA_DIR=$(mktemp -d)
TOKEN=$("$PY" -c 'import secrets; print(secrets.token_urlsafe(32))')
java -Dearshot.data-dir="$DATA_DIR" -Dquarkus.http.port="$PORT" -Dquarkus.management.port="$MANAGEMENT_PORT" \
  -Dearshot.bootstrap-admin-token="$TOKEN" -jar target/quarkus-app/quarkus-run.jar >"$WORK/service.log" 2>&1 &
SERVICE_PID=$!
BASE=http://localhost:$PORT
api() { curl -sf -H "Authorization: Bearer $TOKEN" "$@"; }
# Ready, and the demo imported: readiness lists start-up steps as "warming up" until then.
warm() { local body; body=$(curl -sf "$BASE/q/health/ready") && [[ $body != *"warming up"* ]]; }
for _ in $(seq 300); do
  warm && break
  kill -0 "$SERVICE_PID" 2>/dev/null || fail "the service stopped; see $WORK/service.log"
  sleep 1
done
warm || fail "the service was not ready within 300 s; see $WORK/service.log"

echo "== exporting trl_standard (demo, simulated votes, overall)"
export_id=$(api -X POST "$BASE/api/exports" -H 'Content-Type: application/json' \
  -d '{"format": "trl_standard", "sources": ["simulated"], "dataset": "demo", "dimension": "overall"}' \
  | "$PY" -c 'import json, sys; print(json.load(sys.stdin)["id"])') || fail "export request"
for _ in $(seq 120); do
  status=$(api "$BASE/api/exports/$export_id" | "$PY" -c 'import json, sys; print(json.load(sys.stdin)["status"])')
  [[ $status == done || $status == failed ]] && break
  sleep 1
done
[[ $status == done ]] || fail "export $export_id is $status"
api -o "$WORK/export.tar.gz" "$BASE/api/exports/$export_id/archive" || fail "archive download"
tar xzf "$WORK/export.tar.gz" -C "$WORK"
(cd "$WORK/earshot-export" && sha256sum -c --quiet SHA256SUMS) || fail "export checksums"

echo "== reward key for the demo profile"
reward_url=$(api -X POST "$BASE/api/reward-profiles/demo/keys" -H 'Content-Type: application/json' -d '{}' \
  | "$PY" -c 'import json, sys; print(json.load(sys.stdin)["rewardUrl"])') || fail "reward key"

echo "== tiny model"
"$PY" examples/make_tiny_model.py "$WORK/tiny-model" 2>&1 | tail -1

run_example() {
  local name=$1
  shift
  local begin=$(date +%s) rc=0
  "$PY" "$@" >"$WORK/$name.log" 2>&1 || rc=$?
  echo "== $name: exit $rc, $(($(date +%s) - begin)) s; last lines of $WORK/$name.log:"
  # tqdm's progress bars (carriage returns, "…it/s]" prefixes) left out
  tr '\r' '\n' <"$WORK/$name.log" | sed -E 's/^.*(it\/s|s\/it|examples\/s)\]//; /\[A$/d; /^\s*$/d' | tail -6 | cut -c1-600
  [[ $rc == 0 ]] && grep -q "'train_runtime'" "$WORK/$name.log"
}
result=PASS
run_example dpo examples/trl_dpo.py "$WORK/earshot-export" --model "$WORK/tiny-model" --max-steps 2 \
  --output-dir "$WORK/dpo-output" || result=FAIL
run_example grpo examples/trl_grpo_remote_reward.py --reward-url "$reward_url" --model "$WORK/tiny-model" \
  --max-steps 2 --output-dir "$WORK/grpo-output" || result=FAIL

echo "$result: DPO and GRPO, 2 steps each on the CPU with a tiny model against Earshot on port $PORT" \
  "($(($(date +%s) - started)) s in all; $(tr '\n' ' ' <"$WORK/versions.txt"))"
[[ $result == PASS ]]

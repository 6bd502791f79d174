#!/usr/bin/env bash
# Regenerates datasets/demo/ (SIMULATED demo data: espeak-ng speech, synthesised sounds, simulated human
# votes) and verifies that every system's intended quality is measurable in its audio. Same bytes on every
# run for a given espeak-ng/sox/libFLAC version: fixed seeds, `sox -R`, no dither, no timestamps.
# Needs python3 (standard library only); installs espeak-ng and sox with apt-get when missing (run as root).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dataset="$repo/datasets/demo"

missing=()
command -v espeak-ng >/dev/null || missing+=(espeak-ng)
command -v sox >/dev/null && command -v soxi >/dev/null || missing+=(sox)
if ((${#missing[@]})); then
  export DEBIAN_FRONTEND=noninteractive
  # The lock timeout waits for another apt run instead of failing.
  apt-get -o DPkg::Lock::Timeout=600 update
  apt-get -o DPkg::Lock::Timeout=600 install -y "${missing[@]}"
fi
sox -h | grep -qw flac || { echo "sox cannot write FLAC (install libsox-fmt-base)" >&2; exit 1; }

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$dataset"
export PYTHONDONTWRITEBYTECODE=1
python3 "$repo/scripts/demo_data/generate.py" "$dataset" "$scratch"
python3 "$repo/scripts/check-demo-data.py" "$dataset"
echo "datasets/demo: $(du -sh "$dataset" | cut -f1)"

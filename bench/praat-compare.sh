#!/usr/bin/env bash
# Pitch + intensity against Praat on one core (issue #16, item 6): the DspBenchmark clip (the eight
# src/test/resources/dsp fixtures one after another, looped to 10 s, 16 kHz mono) timed in Praat
# (To Pitch (ac) + To Intensity, bench/praat/pitch-intensity.praat) and in Earshot
# (DspBenchmark.pitchAndIntensity, JMH), both pinned to CPU 0 in the same run, and the ratio printed.
# Usage: bench/praat-compare.sh [praat rounds]   Needs praat and sox (Debian: apt-get install praat sox).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
rounds=${1:-50}
for tool in praat sox taskset; do
  command -v $tool > /dev/null || { echo "$tool not found (Debian: apt-get install praat sox)"; exit 1; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fixtures=(question-call-male statement-call-male question-coming-female statement-coming-female
  question-hear-female statement-hear-female question-raining-male statement-raining-male)
files=()
for name in "${fixtures[@]}"; do files+=("src/test/resources/dsp/$name.wav"); done
sox "${files[@]}" "$work/speech.wav"
# Looped to exactly 10 s, as Fixtures.loop does.
sox "$work/speech.wav" "$work/clip.wav" repeat 9 trim 0 160000s
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%FT%TZ)"
echo "clip: $(soxi -D "$work/clip.wav") s, $(soxi -r "$work/clip.wav") Hz"
praat_line=$(taskset -c 0 praat --run bench/praat/pitch-intensity.praat "$work/clip.wav" "$rounds")
echo "Praat $(praat --version | cut -d' ' -f2): $praat_line"
jmh=$(taskset -c 0 bash -c ". bench/lib.sh; bench_java org.openjdk.jmh.Main DspBenchmark.pitchAndIntensity -wi 3 -w 2 -i 5 -r 2 -t 1" 2>&1 | tee "$work/jmh.txt" | grep -E '^DspBenchmark.pitchAndIntensity' || true)
[ -n "$jmh" ] || { cat "$work/jmh.txt"; echo "FAIL: no JMH result"; exit 1; }
ours_ms=$(echo "$jmh" | awk '{print $(NF-3)}')
praat_ms=$(echo "$praat_line" | sed 's/.*PRAAT_MS_PER_CLIP=\([0-9.]*\).*/\1/')
echo "Earshot: $jmh"
awk -v o="$ours_ms" -v p="$praat_ms" 'BEGIN { printf "pitch + intensity on 10 s: Earshot %.2f ms (%.0fx real time), Praat %.2f ms (%.0fx real time): %.2fx Praat\n", o, 10000 / o, p, 10000 / p, p / o }'

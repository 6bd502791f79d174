#!/usr/bin/env bash
# Makes sure the tests have what they need from outside Maven. Run by Maven before the tests
# (exec-maven-plugin, execution install-test-tools, phase process-test-classes):
#
#  - Debian's chromium at /usr/bin/chromium for the browser tests (Playwright never downloads one);
#  - espeak-ng, a speech synthesiser the tests run to make questions and statements they did not
#    design themselves (EspeakIntonationTest);
#  - real recordings from Debian packages, prepared under target/real-audio/ for the real-sound tests
#    (dev.earshot.testing.RealRecordings):
#      alsa/<name>.wav         the speaker-test voice prompts of alsa-utils, copied unchanged
#                              (a person speaking, 16-bit 48 kHz mono WAV);
#      freedesktop/<name>.wav  every sound of sound-theme-freedesktop (Ogg Vorbis .oga; symlinked
#                              aliases left out) converted by sox to 16-bit PCM WAV at the file's own
#                              rate and channel count, with `sox -R` and no dither, so the same package
#                              versions give the same bytes;
#      MANIFEST                recipe version, source package versions and the SHA-256 of every file;
#                              written last, so its presence means the folder is complete.
#
# Installs chromium, espeak-ng, alsa-utils, sound-theme-freedesktop, sox and libsox-fmt-base (sox's Ogg Vorbis
# reader) with apt-get when something is missing and the script runs as root; otherwise it says what
# to install and fails. When everything is there it does nothing (a few file tests), so it is cheap
# on every build.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

readonly CHROMIUM=/usr/bin/chromium
readonly ALSA_SOUNDS=/usr/share/sounds/alsa
readonly FREEDESKTOP_SOUNDS=/usr/share/sounds/freedesktop/stereo
readonly REAL_AUDIO="$repo/target/real-audio"
# Bump when what lands in target/real-audio/ changes, so existing copies are rebuilt.
readonly RECIPE="real-audio recipe 1"

real_audio_ready() {
  [[ -f "$REAL_AUDIO/MANIFEST" ]] && [[ "$(head -n 1 "$REAL_AUDIO/MANIFEST")" == "# $RECIPE" ]]
}

sox_reads_vorbis() {
  # Captured first: grep -q quitting early must not turn into a SIGPIPE failure under pipefail.
  local formats
  command -v sox >/dev/null && formats="$(sox --help 2>&1 || true)" && grep -qw vorbis <<<"$formats"
}

missing=()
[[ -x "$CHROMIUM" ]] || missing+=(chromium)
command -v espeak-ng >/dev/null || missing+=(espeak-ng)
if ! real_audio_ready; then
  [[ -f "$ALSA_SOUNDS/Front_Left.wav" ]] || missing+=(alsa-utils)
  [[ -f "$FREEDESKTOP_SOUNDS/bell.oga" ]] || missing+=(sound-theme-freedesktop)
  sox_reads_vorbis || missing+=(sox libsox-fmt-base)
fi

if ((${#missing[@]})); then
  if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "Installing what the tests need: apt-get install ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    # The lock timeout waits for another apt run instead of failing.
    apt-get -o DPkg::Lock::Timeout=600 update -q
    apt-get -o DPkg::Lock::Timeout=600 install -y -q "${missing[@]}"
  else
    cat >&2 <<MESSAGE
The tests need these Debian packages, which are missing: ${missing[*]}
  chromium                 the browser tests drive it at $CHROMIUM
  alsa-utils               its speaker-test voice prompts ($ALSA_SOUNDS) are real speech for the
                           real-sound tests
  sound-theme-freedesktop  its sounds ($FREEDESKTOP_SOUNDS) are real non-speech recordings
  sox, libsox-fmt-base     convert those Ogg Vorbis sounds to WAV
Install them, e.g. on Debian or Ubuntu: sudo apt-get install ${missing[*]}
(this script installs them itself when run as root), or skip the tests with -DskipTests.
MESSAGE
    exit 1
  fi
fi

if [[ ! -x "$CHROMIUM" ]]; then
  echo "apt-get installed chromium, but $CHROMIUM is still missing." >&2
  exit 1
fi

if real_audio_ready; then
  exit 0
fi

sox_reads_vorbis || { echo "sox cannot read Ogg Vorbis (install libsox-fmt-base)" >&2; exit 1; }
echo "Preparing $REAL_AUDIO from alsa-utils and sound-theme-freedesktop..."
scratch="$REAL_AUDIO.partial"
rm -rf "$scratch" "$REAL_AUDIO"
mkdir -p "$scratch/alsa" "$scratch/freedesktop"
# C collation: the same file order, hence the same MANIFEST, on every machine.
export LC_ALL=C
for wav in "$ALSA_SOUNDS"/*.wav; do
  cp "$wav" "$scratch/alsa/"
done
for oga in "$FREEDESKTOP_SOUNDS"/*.oga; do
  # Aliases (dialog-error -> dialog-warning, ...) would only repeat a recording.
  [[ -L "$oga" ]] && continue
  name="$(basename "$oga" .oga)"
  sox -R -D -V1 "$oga" -b 16 -e signed-integer "$scratch/freedesktop/$name.wav"
done
{
  echo "# $RECIPE"
  echo "# $(dpkg-query -W -f='${Package} ${Version}' alsa-utils 2>/dev/null || echo 'alsa-utils ?')," \
    "$(dpkg-query -W -f='${Package} ${Version}' sound-theme-freedesktop 2>/dev/null || echo 'sound-theme-freedesktop ?')," \
    "$(dpkg-query -W -f='${Package} ${Version}' sox 2>/dev/null || echo 'sox ?')"
  (cd "$scratch" && sha256sum alsa/*.wav freedesktop/*.wav)
} >"$scratch/MANIFEST.partial"
mv "$scratch/MANIFEST.partial" "$scratch/MANIFEST"
mv "$scratch" "$REAL_AUDIO"
echo "$REAL_AUDIO: $(grep -vc '^#' "$REAL_AUDIO/MANIFEST") files, $(du -sh "$REAL_AUDIO" | cut -f1)"

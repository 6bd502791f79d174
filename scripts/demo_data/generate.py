"""Regenerates the generated parts of datasets/demo/ (audio, manifest, responses, dataset.json, truth.json,
simulated human votes).

Usage: python3 -B generate.py <dataset folder> <scratch folder>
Needs espeak-ng and sox on PATH. Deterministic: fixed seeds, `sox -R`, no dither, no timestamps.
"""
import json
import math
import os
import random
import shutil
import subprocess
import sys
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from audio import FULL_SCALE, frame_powers, percentile, read_wav, to_pcm16, write_wav  # noqa: E402
from prompts import PROMPTS  # noqa: E402
from sounds import SOUNDS  # noqa: E402
from votes import write_votes  # noqa: E402

PROMPT_RATE = 16000
RESPONSE_RATE = 16000
PROMPT_VOICE = ("en-gb+f3", 160)  # a female British voice; every system speaks with a male US one

# espeak-ng voice variants: "pitch <base> <top>" sets base pitch and range; top == base gives a flat F0.
VARIANTS = {
    "earshot-neutral": "pitch 80 180",
    "earshot-calm": "pitch 80 110",
    "earshot-excited": "pitch 110 290",
    "earshot-flat": "pitch 95 95",
}
# (voice, words per minute) per delivery style of the reference-like systems.
STYLES = {
    "neutral": ("en-us+earshot-neutral", 165),
    "calm": ("en-us+earshot-calm", 120),
    "excited": ("en-us+earshot-excited", 220),
    "whisper": ("en-us+whisper", 150),
}
MONOTONE_VOICE = ("en-us+earshot-flat", 165)

NOISY_SNR_DB = 8.0
NOISY_CLIPPED_SHARE = 0.03

SYSTEMS = {
    "reference": "Right in everything: correct answers, expected intonation (rising questions, falling "
                 "statements), calm/excited/whispered delivery when asked, matching arousal, names every sound; "
                 "clean 16 kHz audio.",
    "monotone": "Same correct words as reference but a flat-F0 voice at neutral rate: no rising questions, no "
                "calm/excited/whisper delivery, no emotional arousal; clean audio stored at 22.05 kHz.",
    "wrongfacts": "Reference's voice and prosody, but wrong answers on four of six content prompts and misses or "
                  "misnames the sound on every non-speech prompt; clean audio.",
    "noisy": "Reference's words and prosody, but degraded audio: white noise mixed in at 8 dB SNR (over speech "
             "frames), then gain and hard clipping so about 3 % of samples sit at full scale.",
}
TRUTH_ORDER = {
    "content": [["reference", "monotone", "noisy"], ["wrongfacts"]],
    "prosody": [["reference", "wrongfacts", "noisy"], ["monotone"]],
    "emotion": [["reference", "wrongfacts", "noisy"], ["monotone"]],
    "nonspeech": [["reference", "monotone", "noisy"], ["wrongfacts"]],
    "quality": [["reference", "monotone", "wrongfacts"], ["noisy"]],
    "overall": [["reference"], ["monotone", "wrongfacts", "noisy"]],
}
# Milliseconds to first audio: (minimum, maximum) per system, drawn per response from a stable seed.
LATENCY_MS = {"reference": (380, 650), "monotone": (300, 520), "wrongfacts": (260, 480), "noisy": (520, 900)}
GENERATED = ["prompts", "responses", "manifest.jsonl", "responses.jsonl", "dataset.json", "truth.json",
             "votes.jsonl"]


class Synthesizer:
    """espeak-ng with a private data folder: the system data plus the Earshot voice variants."""

    def __init__(self, scratch):
        system_data = Path(subprocess.run(["espeak-ng", "--version"], check=True, capture_output=True, text=True)
                           .stdout.split("Data at:")[1].strip())
        self.root = scratch / "espeak"
        data = self.root / "espeak-ng-data"
        variants = data / "voices" / "!v"
        variants.mkdir(parents=True)
        for entry in system_data.iterdir():
            if entry.name != "voices":
                (data / entry.name).symlink_to(entry)
        for entry in (system_data / "voices").iterdir():
            if entry.name != "!v":
                (data / "voices" / entry.name).symlink_to(entry)
        for entry in (system_data / "voices" / "!v").iterdir():
            (variants / entry.name).symlink_to(entry)
        for name, pitch in VARIANTS.items():
            (variants / name).write_text(f"name {name}\nlanguage variant\ngender male\n{pitch}\n")

    def speak(self, text, voice, target):
        name, words_per_minute = voice
        subprocess.run(["espeak-ng", f"--path={self.root}", "-v", name, "-s", str(words_per_minute),
                        "-w", str(target), text], check=True)
        return target


def sox(*arguments):
    subprocess.run(["sox", "-R", "-D", *map(str, arguments)], check=True)


def json_line(value):
    return json.dumps(value, ensure_ascii=False) + "\n"


def write_text(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as target:
        target.write(text)


def make_prompt_audio(synth, prompt, scratch, target):
    speech = synth.speak(prompt.text, PROMPT_VOICE, scratch / f"{prompt.id}-speech.wav")
    if prompt.sound is None:
        sox(speech, "-r", PROMPT_RATE, "-b", 16, "-c", 1, target)
        return
    sound = SOUNDS[prompt.sound](PROMPT_RATE) + [0.0] * int(0.35 * PROMPT_RATE)
    sound_file = scratch / f"{prompt.id}-sound.wav"
    write_wav(sound_file, PROMPT_RATE, to_pcm16(v * FULL_SCALE for v in sound))
    resampled = scratch / f"{prompt.id}-speech16.wav"
    sox(speech, "-r", PROMPT_RATE, "-b", 16, "-c", 1, resampled)
    sox(sound_file, resampled, target)


def degrade(clean_file, target, seed):
    """Mixes seeded white noise at NOISY_SNR_DB (against the speech frames) and clips NOISY_CLIPPED_SHARE."""
    rate, clean = read_wav(clean_file)
    powers = frame_powers(clean, rate)
    loudest = max(powers)
    speech_power = sum(p for p in powers if p > loudest / 1000) / sum(1 for p in powers if p > loudest / 1000)
    noise_rms = math.sqrt(speech_power / 10 ** (NOISY_SNR_DB / 10)) * FULL_SCALE
    noise = random.Random(seed)
    mixed = [s + noise.gauss(0.0, noise_rms) for s in clean]
    gain = FULL_SCALE / percentile([abs(v) for v in mixed], 1.0 - NOISY_CLIPPED_SHARE)
    write_wav(target, rate, to_pcm16(v * gain for v in mixed))


def answer_text(system, prompt):
    if system == "wrongfacts" and prompt.wrong_answer:
        return prompt.wrong_answer
    return prompt.reference


def make_response_audio(synth, system, prompt, scratch, target, reference_file):
    raw = scratch / f"{system}-{prompt.id}.wav"
    if system == "monotone":
        synth.speak(answer_text(system, prompt), MONOTONE_VOICE, raw)
        sox(raw, "-b", 16, target)  # kept at espeak-ng's native 22.05 kHz to exercise the resampler
    elif system == "noisy":
        degrade(reference_file, target, zlib.crc32(prompt.id.encode()))
    else:
        synth.speak(answer_text(system, prompt), STYLES[prompt.style], raw)
        sox(raw, "-r", RESPONSE_RATE, "-b", 16, "-c", 1, target)


def latency_ms(system, prompt):
    low, high = LATENCY_MS[system]
    return random.Random(zlib.crc32(f"{system}/{prompt.id}".encode())).randint(low, high)


def manifest_entry(prompt):
    return {"id": prompt.id, "text": prompt.text, "audio": f"prompts/{prompt.id}.flac",
            "reference": prompt.reference, "expectations": prompt.expectations}


def truth_json():
    """truth.json, indented like dataset.json but with each dimension's tiers kept on one line."""
    description = ("Known system order of the simulated demo data, best tier first; the audio differences "
                   "behind it are verified by scripts/check-demo-data.py.")
    systems = ",\n".join(f"    {json.dumps(name)}: {json.dumps(text, ensure_ascii=False)}"
                          for name, text in SYSTEMS.items())
    order = ",\n".join(f"    {json.dumps(dimension)}: {json.dumps(tiers)}" for dimension, tiers in TRUTH_ORDER.items())
    return (f'{{\n  "description": {json.dumps(description)},\n  "systems": {{\n{systems}\n  }},\n'
            f'  "order": {{\n{order}\n  }}\n}}\n')


def generate(dataset, scratch):
    for name in GENERATED:
        path = dataset / name
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()
    synth = Synthesizer(scratch)
    (dataset / "prompts").mkdir(parents=True)
    for prompt in PROMPTS:
        make_prompt_audio(synth, prompt, scratch, dataset / "prompts" / f"{prompt.id}.flac")
    write_text(dataset / "manifest.jsonl", "".join(json_line(manifest_entry(p)) for p in PROMPTS))

    responses = []
    for system in SYSTEMS:  # reference first: noisy is derived from its files
        (dataset / "responses" / system).mkdir(parents=True)
        for prompt in PROMPTS:
            relative = f"responses/{system}/{prompt.id}.wav"
            make_response_audio(synth, system, prompt, scratch, dataset / relative,
                                dataset / f"responses/reference/{prompt.id}.wav")
            responses.append({"system": system, "prompt": prompt.id, "audio": relative,
                              "text": answer_text(system, prompt), "latencyMs": latency_ms(system, prompt)})
    write_text(dataset / "responses.jsonl", "".join(json_line(r) for r in responses))

    description = ("SIMULATED demo data generated by scripts/generate-demo-data.sh with espeak-ng and sox: "
                   "24 prompts (content, prosody, emotion, non-speech sounds) answered by four simulated "
                   "systems of known, graded quality, with simulated human pairwise votes by six careful "
                   "raters and one careless one (no real people rated them).")
    systems = [{"name": name, "description": text} for name, text in SYSTEMS.items()]
    write_text(dataset / "dataset.json",
               json.dumps({"name": "demo", "description": description, "systems": systems},
                          ensure_ascii=False, indent=2) + "\n")
    write_text(dataset / "truth.json", truth_json())
    write_votes(dataset)


if __name__ == "__main__":
    os.umask(0o022)
    generate(Path(sys.argv[1]), Path(sys.argv[2]))

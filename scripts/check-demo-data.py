#!/usr/bin/env python3
"""Verifies datasets/demo/: the folder format, and that each simulated system's intended qualities are
really measurable in its audio. Prints the measurements; exits 1 listing every property that failed.

Usage: python3 -B scripts/check-demo-data.py [dataset folder, default datasets/demo]
"""
import array
import json
import re
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "demo_data"))
from audio import (clipped_fraction, decibels, final_pitch_movement, frame_powers, percentile,  # noqa: E402
                   read_wav, semitones, track_pitch)

SYSTEMS = ["reference", "monotone", "wrongfacts", "noisy"]
# Systems meant to carry the reference prosody; noisy is left out of rate checks (its noise fills pauses).
EXPRESSIVE = ["reference", "wrongfacts", "noisy"]
CLEAN_EXPRESSIVE = ["reference", "wrongfacts"]
EXPECTED_RATE = {"monotone": 22050}
DEFAULT_RATE = 16000
ID_PATTERN = re.compile(r"[A-Za-z0-9._-]{1,100}")
DIMENSIONS = {"content", "prosody", "emotion", "nonspeech", "quality"}

failures = []


def require(condition, message):
    if not condition:
        failures.append(message)
    return condition


def read_json_lines(path):
    raw = path.read_bytes()
    require(b"\r" not in raw and raw.endswith(b"\n"), f"{path.name}: must use \\n line endings")
    return [json.loads(line) for line in raw.decode("utf-8").splitlines()]


def safe_path(dataset, relative):
    require(not relative.startswith("/") and ".." not in Path(relative).parts, f"unsafe path {relative}")
    path = dataset / relative
    require(path.is_file() and not path.is_symlink(), f"missing audio {relative}")
    return path


def soxi(path, flag):
    return subprocess.run(["soxi", flag, str(path)], check=True, capture_output=True, text=True).stdout.strip()


def sox_stats(path):
    output = subprocess.run(["sox", str(path), "-n", "stats"], check=True, capture_output=True, text=True).stderr
    stats = {}
    for line in output.splitlines():
        match = re.match(r"(RMS lev dB|RMS Tr dB|Flat factor|Pk count)\s+(\S+)", line)
        if match:
            stats[match.group(1)] = float(match.group(2).replace("k", "e3"))
    return stats


def syllables(text):
    """Vowel groups per word, minus a silent final e: a rough count, but the same for every system."""
    count = 0
    for word in re.findall(r"[a-z']+", text.lower()):
        groups = len(re.findall(r"[aeiouy]+", word))
        if word.endswith("e") and not word.endswith(("le", "ee")) and groups > 1:
            groups -= 1
        count += max(1, groups)
    return count


def measure(path, text):
    rate, samples = read_wav(path)
    powers = frame_powers(samples, rate)
    loudest = max(powers)
    active = [i for i, p in enumerate(powers) if p > loudest / 1000]
    span_s = (active[-1] - active[0] + 1) * 0.02
    track = track_pitch(samples, rate)
    voiced = [semitones(f) for _, f in track if f is not None]
    return {
        "rate": rate, "duration": len(samples) / rate, "clipped": clipped_fraction(samples),
        "floor_db": decibels(percentile(powers, 0.1)),
        "syllable_rate": syllables(text) / span_s,
        "voiced_share": len(voiced) * 0.01 / (len(active) * 0.02),  # pitch hop 10 ms, power frames 20 ms
        "f0_median": 100 * 2 ** (statistics.median(voiced) / 12) if voiced else None,
        "f0_spread": statistics.pstdev(voiced) if len(voiced) > 1 else None,
        "f0_range": percentile(voiced, 0.9) - percentile(voiced, 0.1) if voiced else None,
        "final_movement": final_pitch_movement(track),
        "samples": samples,
        "sox": sox_stats(path),
    }


def snr_against_reference(noisy, clean):
    """SNR of a degraded clip against its clean source, after fitting the gain the degradation applied."""
    gain = sum(a * b for a, b in zip(noisy, clean)) / sum(b * b for b in clean)
    residual = [a - gain * b for a, b in zip(noisy, clean)]
    powers = frame_powers(clean, DEFAULT_RATE)
    loudest = max(powers)
    speech_frames = [i for i, p in enumerate(powers) if p > loudest / 1000]
    size = int(DEFAULT_RATE * 0.02)
    speech = [gain * clean[j] for i in speech_frames for j in range(i * size, (i + 1) * size)]
    return decibels(sum(v * v for v in speech) / len(speech)) - decibels(sum(v * v for v in residual) / len(residual))


def names_any(text, words):
    lowered = text.lower()
    return any(re.search(rf"\b{re.escape(w.lower())}\b", lowered) for w in words)


def check_format(dataset):
    manifest = read_json_lines(dataset / "manifest.jsonl")
    responses = read_json_lines(dataset / "responses.jsonl")
    prompts = {p["id"]: p for p in manifest}
    require(len(manifest) == 24 and len(prompts) == 24, "manifest must hold 24 distinct prompts")
    for prompt in manifest:
        expectations = prompt.get("expectations", {})
        require(ID_PATTERN.fullmatch(prompt["id"]) is not None, f"bad id {prompt['id']}")
        require(bool(prompt.get("text")) and bool(expectations.get("rubric")), f"{prompt['id']}: text and rubric")
        require(set(expectations.get("dimensions", [])) <= DIMENSIONS and expectations.get("dimensions"),
                f"{prompt['id']}: dimensions")
        audio = safe_path(dataset, prompt["audio"])
        require(audio.suffix == ".flac" and soxi(audio, "-r") == "16000" and soxi(audio, "-c") == "1",
                f"{prompt['id']}: prompt audio must be 16 kHz mono FLAC")
        if "events" in expectations:
            rate, samples = read_flac(audio)
            require(decibels(max(frame_powers(samples[:rate // 2], rate))) > -30,
                    f"{prompt['id']}: the sound must open the prompt audio")
    pairs = {(r["system"], r["prompt"]) for r in responses}
    require(len(responses) == 96 and pairs == {(s, p) for s in SYSTEMS for p in prompts},
            "responses must hold one answer per system and prompt")
    for response in responses:
        require(isinstance(response.get("latencyMs"), int) and response["latencyMs"] >= 0,
                f"{response['audio']}: latencyMs")
        require(bool(response.get("text")), f"{response['audio']}: text")
        safe_path(dataset, response["audio"])
    info = json.loads((dataset / "dataset.json").read_text(encoding="utf-8"))
    truth = json.loads((dataset / "truth.json").read_text(encoding="utf-8"))
    require(info["name"] == "demo" and "SIMULATED" in info["description"], "dataset.json name/description")
    require([s["name"] for s in info["systems"]] == SYSTEMS, "dataset.json systems")
    for dimension, tiers in truth["order"].items():
        require(sorted(s for tier in tiers for s in tier) == sorted(SYSTEMS), f"truth.json {dimension} tiers")
    return prompts, responses


def read_flac(path):
    """Decodes any sox-readable file to (rate, ints) through raw little-endian PCM16."""
    raw = subprocess.run(["sox", str(path), "-t", "raw", "-e", "signed", "-b", "16", "-L", "-c", "1", "-"],
                         check=True, capture_output=True).stdout
    samples = array.array("h", raw)
    if sys.byteorder == "big":
        samples.byteswap()
    return int(soxi(path, "-r")), samples.tolist()


def check_audio(dataset, prompts, responses):
    measured = {}
    for response in responses:
        path = dataset / response["audio"]
        m = measure(path, response["text"])
        measured[(response["system"], response["prompt"])] = m
        require(m["rate"] == EXPECTED_RATE.get(response["system"], DEFAULT_RATE), f"{response['audio']}: rate")
        require(1.0 <= m["duration"] <= 4.0, f"{response['audio']}: {m['duration']:.2f} s is not 1-4 s")

    def expect(key, value):
        return [p for p in prompts.values() if p.get("expectations", {}).get(key) == value]

    # Quality: noisy is clipped and noisy; the others are clean.
    for (system, prompt_id), m in measured.items():
        if system == "noisy":
            require(m["clipped"] >= 0.02, f"noisy/{prompt_id}: only {m['clipped']:.1%} clipped")
            require(m["floor_db"] > -40, f"noisy/{prompt_id}: noise floor {m['floor_db']:.1f} dB too low")
            m["snr"] = snr_against_reference(m["samples"], measured[("reference", prompt_id)]["samples"])
            require(4.0 <= m["snr"] <= 10.0, f"noisy/{prompt_id}: SNR {m['snr']:.1f} dB not 4-10 dB")
        else:
            require(m["clipped"] < 0.001, f"{system}/{prompt_id}: clipped")
            require(m["floor_db"] < -60, f"{system}/{prompt_id}: noise floor {m['floor_db']:.1f} dB")

    # Prosody: intonation.
    for prompt in expect("intonation", "question") + expect("intonation", "statement"):
        question = prompt["expectations"]["intonation"] == "question"
        for system in EXPRESSIVE:
            movement = measured[(system, prompt["id"])]["final_movement"]
            ok = movement is not None and (movement >= 2.0 if question else movement <= -1.0)
            require(ok, f"{system}/{prompt['id']}: final pitch movement {movement} st")
    # Monotone: flat everywhere, never a rising end.
    for prompt_id in prompts:
        m = measured[("monotone", prompt_id)]
        require(m["f0_spread"] is not None and m["f0_spread"] < 0.5,
                f"monotone/{prompt_id}: F0 spread {m['f0_spread']}")
        require(m["final_movement"] is None or abs(m["final_movement"]) < 1.0,
                f"monotone/{prompt_id}: final movement {m['final_movement']}")

    # Delivery and arousal: calm/low = slower, lower, narrower than the system's neutral clips;
    # excited/high = faster, higher, wider.
    neutral_ids = [p["id"] for p in prompts.values()
                   if {"delivery", "arousal"}.isdisjoint(p["expectations"]) and "events" not in p["expectations"]]
    for system in CLEAN_EXPRESSIVE:
        base_median = statistics.median(measured[(system, i)]["f0_median"] for i in neutral_ids)
        base_range = statistics.median(measured[(system, i)]["f0_range"] for i in neutral_ids)
        base_rate = statistics.median(measured[(system, i)]["syllable_rate"] for i in neutral_ids)
        for prompt in prompts.values():
            e = prompt["expectations"]
            m = measured[(system, prompt["id"])]
            low = e.get("delivery") == "calm" or e.get("arousal") == "low"
            high = e.get("delivery") == "excited" or e.get("arousal") == "high"
            if low:
                require(m["f0_median"] < base_median and m["f0_range"] < base_range and m["syllable_rate"] < base_rate,
                        f"{system}/{prompt['id']}: not calm ({m['f0_median']:.0f} Hz, {m['f0_range']:.1f} st, "
                        f"{m['syllable_rate']:.1f} syl/s)")
            if high:
                require(m["f0_median"] > base_median and m["f0_range"] > base_range and m["syllable_rate"] > base_rate,
                        f"{system}/{prompt['id']}: not excited ({m['f0_median']:.0f} Hz, {m['f0_range']:.1f} st, "
                        f"{m['syllable_rate']:.1f} syl/s)")
    for prompt in prompts.values():
        bounds = prompt["expectations"].get("speakingRate")
        if not bounds:
            continue
        for system in SYSTEMS:
            rate = measured[(system, prompt["id"])]["syllable_rate"]
            inside = bounds.get("min", 0) <= rate <= bounds.get("max", 99)
            if system in CLEAN_EXPRESSIVE:
                require(inside, f"{system}/{prompt['id']}: {rate:.2f} syl/s outside {bounds}")
            elif system == "monotone":
                require(not inside, f"monotone/{prompt['id']}: {rate:.2f} syl/s inside {bounds}")
    for prompt in expect("delivery", "whisper"):
        for system in EXPRESSIVE:
            share = measured[(system, prompt["id"])]["voiced_share"]
            require(share < 0.15, f"{system}/{prompt['id']}: whisper is {share:.0%} voiced")
        share = measured[("monotone", prompt["id"])]["voiced_share"]
        require(share > 0.5, f"monotone/{prompt['id']}: only {share:.0%} voiced")
    return measured


def check_text(prompts, responses):
    answers = {(r["system"], r["prompt"]): r["text"] for r in responses}
    wrong = 0
    for prompt in prompts.values():
        e = prompt["expectations"]
        if "keywords" in e:
            for system in ["reference", "monotone", "noisy"]:
                require(names_any(answers[(system, prompt["id"])], e["keywords"]), f"{system}/{prompt['id']}: keyword")
            wrong += not names_any(answers[("wrongfacts", prompt["id"])], e["keywords"])
        if "events" in e:
            words = [w for event in e["events"] for w in [event["label"], *event["synonyms"]]]
            for system in ["reference", "monotone", "noisy"]:
                require(names_any(answers[(system, prompt["id"])], words), f"{system}/{prompt['id']}: sound name")
            require(not names_any(answers[("wrongfacts", prompt["id"])], words), f"wrongfacts/{prompt['id']}: named it")
    require(wrong >= 3, f"wrongfacts is wrong on only {wrong} content prompts")
    return wrong


def report(prompts, measured, wrong):
    def fmt(value, pattern):
        return "-" if value is None else pattern % value

    print("per system: mean clipped %, median 20 ms frame floor (p10) dB, mean sox RMS lev dB, median sox RMS Tr dB,\n"
          "mean SNR vs reference dB, median F0 spread st, final 300 ms F0 movement st of question/statement prompts")
    print(f"{'system':<11}{'clipped%':>9}{'floor dB':>9}{'RMS dB':>8}{'sox Tr dB':>10}{'SNR dB':>8}"
          f"{'F0 spread st':>13}{'questions st':>20}{'statements st':>20}")
    for system in SYSTEMS:
        clips = [m for (s, _), m in measured.items() if s == system]
        rises = [measured[(system, p["id"])]["final_movement"] for p in prompts.values()
                 if p["expectations"].get("intonation") == "question"]
        falls = [measured[(system, p["id"])]["final_movement"] for p in prompts.values()
                 if p["expectations"].get("intonation") == "statement"]
        spreads = [m["f0_spread"] for m in clips if m["f0_spread"] is not None]
        snrs = [m["snr"] for m in clips if "snr" in m]
        print(f"{system:<11}{100 * statistics.mean(m['clipped'] for m in clips):>9.2f}"
              f"{statistics.median(m['floor_db'] for m in clips):>9.1f}"
              f"{statistics.mean(m['sox']['RMS lev dB'] for m in clips):>8.1f}"
              f"{statistics.median(m['sox']['RMS Tr dB'] for m in clips):>10.1f}"
              f"{fmt(statistics.mean(snrs) if snrs else None, '%.1f'):>8}"
              f"{statistics.median(spreads):>13.2f}"
              f"{' '.join(fmt(r, '%+.1f') for r in rises):>20}{' '.join(fmt(f, '%+.1f') for f in falls):>20}")
    print()
    print("cells: median F0 Hz / F0 range p10-p90 st / syllables per s / voiced share")
    print(f"{'prompt':<14}{'expects':<28}" + "".join(f"{s:>24}" for s in SYSTEMS))
    for prompt in prompts.values():
        e = prompt["expectations"]
        expects = ",".join(str(e[k]) for k in ("intonation", "delivery", "arousal") if k in e)
        if not expects:
            continue
        cells = []
        for system in SYSTEMS:
            m = measured[(system, prompt["id"])]
            cells.append(f"{fmt(m['f0_median'], '%.0f')}/{fmt(m['f0_range'], '%.1f')}/"
                         f"{m['syllable_rate']:.1f}/{m['voiced_share']:.0%}")
        print(f"{prompt['id']:<14}{expects:<28}" + "".join(f"{c:>24}" for c in cells))
    print(f"\nwrongfacts: wrong on {wrong} of 6 content prompts")


def main():
    dataset = Path(sys.argv[1] if len(sys.argv) > 1 else "datasets/demo")
    prompts, responses = check_format(dataset)
    measured = check_audio(dataset, prompts, responses)
    wrong = check_text(prompts, responses)
    report(prompts, measured, wrong)
    if failures:
        print(f"\nFAILED: {len(failures)} demo-data properties not met:", file=sys.stderr)
        for failure in failures:
            print(f"  - {failure}", file=sys.stderr)
        sys.exit(1)
    print("\nOK: every demo-data property holds.")


if __name__ == "__main__":
    main()

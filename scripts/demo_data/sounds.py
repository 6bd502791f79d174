"""Synthesised non-speech sounds for the demo prompts, as float samples in [-1, 1] at a given rate.

Every random choice comes from a seeded random.Random, so the output is the same on every run.
"""
import math
import random


def _silence(rate, seconds):
    return [0.0] * int(rate * seconds)


def _fade(samples, rate, seconds=0.015):
    ramp = min(len(samples) // 2, int(rate * seconds))
    for i in range(ramp):
        gain = i / ramp
        samples[i] *= gain
        samples[-1 - i] *= gain
    return samples


def _add(target, start, source):
    for i, v in enumerate(source):
        if start + i < len(target):
            target[start + i] += v


def siren(rate):
    """Wailing siren: a tone sweeping slowly between 650 and 1350 Hz, with a weak second harmonic."""
    samples, phase = [], 0.0
    for n in range(int(rate * 2.2)):
        t = n / rate
        frequency = 1000.0 - 350.0 * math.cos(2 * math.pi * t / 1.1)
        phase += 2 * math.pi * frequency / rate
        samples.append(0.45 * math.sin(phase) + 0.1 * math.sin(2 * phase))
    return _fade(samples, rate, 0.05)


def knocking(rate):
    """Two groups of three knocks: short damped low thuds with a noisy attack."""
    noise = random.Random(2)
    samples = _silence(rate, 2.0)
    for start in (0.10, 0.34, 0.58, 1.15, 1.39, 1.63):
        knock, smoothed = [], 0.0
        for n in range(int(rate * 0.12)):
            t = n / rate
            smoothed = 0.6 * smoothed + 0.4 * noise.uniform(-1, 1)
            knock.append(0.5 * smoothed * math.exp(-t / 0.008)
                         + 0.6 * math.sin(2 * math.pi * 170 * t) * math.exp(-t / 0.025))
        _add(samples, int(start * rate), knock)
    return samples


def rain(rate):
    """Rain: band-limited noise bed plus randomly timed, quickly decaying drop ticks."""
    noise = random.Random(3)
    duration = 2.2
    samples, low, previous = [], 0.0, 0.0
    for _ in range(int(rate * duration)):
        white = noise.gauss(0.0, 1.0)
        low = 0.85 * low + 0.15 * white  # one-pole low-pass ...
        samples.append(0.12 * (low - previous))  # ... then a first difference removes the rumble
        previous = low
    drops = random.Random(4)
    for _ in range(int(30 * duration)):
        start = int(drops.uniform(0, duration - 0.05) * rate)
        frequency = drops.uniform(1500, 4000)
        level = drops.uniform(0.1, 0.35)
        _add(samples, start, [level * math.sin(2 * math.pi * frequency * n / rate) * math.exp(-n / (0.006 * rate))
                              for n in range(int(0.03 * rate))])
    return _fade(samples, rate, 0.08)


def alarm(rate):
    """Alarm beeps: six 1 kHz square-wave beeps (odd harmonics below Nyquist), 0.18 s on, 0.12 s off."""
    samples = _silence(rate, 1.9)
    harmonics = [k for k in range(1, 40, 2) if k * 1000 < rate / 2]
    for beep in range(6):
        tone = [0.3 * sum(math.sin(2 * math.pi * k * 1000 * n / rate) / k for k in harmonics)
                for n in range(int(0.18 * rate))]
        _add(samples, int((0.05 + beep * 0.3) * rate), _fade(tone, rate, 0.005))
    return samples


def doorbell(rate):
    """Two-tone ding-dong: E5 then C5, each a decaying bell-like tone with two partials."""
    samples = _silence(rate, 2.2)
    for start, frequency, decay in ((0.05, 659.25, 0.45), (0.7, 523.25, 0.6)):
        tone = [(0.4 * math.sin(2 * math.pi * frequency * n / rate)
                 + 0.12 * math.sin(2 * math.pi * 2.76 * frequency * n / rate)) * math.exp(-n / (decay * rate))
                for n in range(int(1.4 * rate))]
        _add(samples, int(start * rate), _fade(tone, rate, 0.004))
    return samples


def telephone(rate):
    """Telephone ring: 440 Hz + 480 Hz together, two 0.8 s bursts with a 0.4 s pause."""
    samples = _silence(rate, 2.1)
    for start in (0.05, 1.25):
        tone = [0.25 * (math.sin(2 * math.pi * 440 * n / rate) + math.sin(2 * math.pi * 480 * n / rate))
                for n in range(int(0.8 * rate))]
        _add(samples, int(start * rate), _fade(tone, rate, 0.01))
    return samples


SOUNDS = {"siren": siren, "knocking": knocking, "rain": rain, "alarm": alarm, "doorbell": doorbell,
          "telephone": telephone}

"""Mono PCM16 WAV I/O and the small signal measurements the demo-data generator and checker share.

Standard library only (no numpy): inner loops use sum(map(operator.mul, ...)) so they run in C.
"""
import array
import math
import operator
import sys
import wave

FULL_SCALE = 32767


def read_wav(path):
    """Returns (sample_rate, samples as a list of ints) of a mono 16-bit PCM WAV file."""
    with wave.open(str(path), "rb") as source:
        if source.getnchannels() != 1 or source.getsampwidth() != 2:
            raise ValueError(f"{path}: expected mono 16-bit PCM")
        rate = source.getframerate()
        samples = array.array("h", source.readframes(source.getnframes()))
    if sys.byteorder == "big":
        samples.byteswap()
    return rate, samples.tolist()


def write_wav(path, rate, samples):
    """Writes ints (already within the 16-bit range) as a mono 16-bit PCM WAV file."""
    data = array.array("h", samples)
    if sys.byteorder == "big":
        data.byteswap()
    with wave.open(str(path), "wb") as target:
        target.setnchannels(1)
        target.setsampwidth(2)
        target.setframerate(rate)
        target.writeframes(data.tobytes())


def to_pcm16(values):
    """Hard-clips floats in full-scale units to the 16-bit range and rounds them."""
    return [max(-FULL_SCALE - 1, min(FULL_SCALE, round(v))) for v in values]


def frame_powers(samples, rate, frame_s=0.02):
    """Mean square per non-overlapping frame, in full-scale units (1.0 = full-scale square wave)."""
    size = max(1, int(rate * frame_s))
    scale = float(FULL_SCALE) ** 2
    return [sum(map(operator.mul, samples[i:i + size], samples[i:i + size])) / (size * scale)
            for i in range(0, len(samples) - size + 1, size)]


def decibels(power, floor=1e-10):
    return 10.0 * math.log10(max(power, floor))


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(fraction * (len(ordered) - 1)))))]


def clipped_fraction(samples):
    """Share of samples sitting at (or beyond) full scale."""
    return sum(1 for s in samples if s >= FULL_SCALE or s <= -FULL_SCALE) / len(samples)


def _low_band(samples, rate, cutoff_hz=900.0):
    """Decimates to about 8 kHz and keeps the band from ~50 Hz to ~cutoff_hz, where voiced speech has most
    of its energy: fricatives and broadband noise mostly fall away, which keeps them from looking periodic."""
    factor = max(1, rate // 8000)
    x = [sum(samples[i:i + factor]) / factor for i in range(0, len(samples) - factor + 1, factor)]
    r = rate / factor
    # Block DC and rumble below ~50 Hz first: a slow drift correlates with itself at every lag.
    pole = math.exp(-2 * math.pi * 50.0 / r)
    previous, state, blocked = 0.0, 0.0, []
    for v in x:
        state = v - previous + pole * state
        previous = v
        blocked.append(state)
    x = blocked
    pole = math.exp(-2 * math.pi * cutoff_hz / r)
    for _ in range(2):  # two one-pole low-passes: 12 dB per octave
        state, filtered = 0.0, []
        for v in x:
            state = pole * state + (1 - pole) * v
            filtered.append(state)
        x = filtered
    return x, r


def track_pitch(samples, rate, fmin=60.0, fmax=450.0, hop_s=0.01, frame_s=0.03,
                voicing_threshold=0.6, silence_db=-25.0):
    """Normalised-autocorrelation F0 track: list of (time_s, f0_hz or None), one entry per hop.

    Works on the low band (see _low_band). Frames whose low-band energy is silence_db below the
    loudest frame's, or whose best autocorrelation peak is weaker than voicing_threshold, are unvoiced.
    Voiced pieces shorter than 4 frames are dropped and the rest median-filtered, which removes the
    isolated octave jumps a plain autocorrelation makes.
    """
    x, r = _low_band(samples, rate)
    frame = int(frame_s * r)
    hop = int(hop_s * r)
    min_lag, max_lag = int(r / fmax), int(r / fmin) + 1
    squares = [0.0]
    for v in x:
        squares.append(squares[-1] + v * v)
    starts = list(range(0, len(x) - frame - max_lag, hop))
    energies = [squares[s + frame] - squares[s] for s in starts]
    loudest = max(energies, default=0.0)
    gate = loudest * 10 ** (silence_db / 10.0)
    raw = []
    for start, energy in zip(starts, energies):
        if energy <= gate or energy <= 0:
            raw.append(None)
            continue
        head = x[start:start + frame]
        correlations = []
        for lag in range(min_lag, max_lag + 1):
            lagged_energy = squares[start + lag + frame] - squares[start + lag]
            dot = sum(map(operator.mul, head, x[start + lag:start + lag + frame]))
            correlations.append(dot / math.sqrt(energy * lagged_energy) if lagged_energy > 0 else 0.0)
        best_index = _best_peak(correlations, min_lag)
        if best_index is None or correlations[best_index] < voicing_threshold:
            raw.append(None)
        else:
            raw.append(r / (min_lag + best_index))
    cleaned = _median_filter(_drop_short_runs(raw, 4), 5)
    return [(start / r, f0) for start, f0 in zip(starts, cleaned)]


def _best_peak(correlations, min_lag):
    """Index of the period's autocorrelation peak: the strongest local maximum, unless a shorter lag that
    divides it (period/k) is nearly as strong, which means the strongest one was a multiple period."""
    peaks = [i for i in range(1, len(correlations) - 1)
             if correlations[i] >= correlations[i - 1] and correlations[i] >= correlations[i + 1]]
    if not peaks:
        return None
    strongest = max(peaks, key=lambda i: correlations[i])
    for i in peaks:
        ratio = (min_lag + strongest) / (min_lag + i)
        if i < strongest and correlations[i] >= 0.9 * correlations[strongest] and abs(ratio - round(ratio)) < 0.05:
            return i
    return strongest


def _drop_short_runs(track, min_length, max_jump_semitones=4.0):
    """Blanks voiced pieces shorter than min_length frames; a piece also ends where F0 jumps by more than
    max_jump_semitones from one frame to the next, which real voices do not do within 10 ms."""
    result = list(track)
    pieces, current = [], []
    for i, value in enumerate(result):
        jump = (current and abs(semitones(value, result[current[-1]])) > max_jump_semitones) if value else False
        if value is None or jump:
            pieces.append(current)
            current = []
        if value is not None:
            current.append(i)
    pieces.append(current)
    for piece in pieces:
        if len(piece) < min_length:
            for i in piece:
                result[i] = None
    return result


def _median_filter(track, width):
    half = width // 2
    result = []
    for i, value in enumerate(track):
        if value is None:
            result.append(None)
            continue
        window = sorted(v for v in track[max(0, i - half):i + half + 1] if v is not None)
        result.append(window[len(window) // 2])
    return result


def semitones(f0, reference_hz=100.0):
    return 12.0 * math.log2(f0 / reference_hz)


def final_pitch_movement(track, window_s=0.3):
    """Least-squares F0 slope over the last window_s of voiced speech, as semitones across that window.

    Positive = rising end (question-like), negative = falling end. None if too little is voiced.
    """
    voiced = [(t, semitones(f)) for t, f in track if f is not None]
    if not voiced:
        return None
    end = voiced[-1][0]
    tail = [(t, s) for t, s in voiced if t >= end - window_s]
    if len(tail) < 5:
        return None
    mean_t = sum(t for t, _ in tail) / len(tail)
    mean_s = sum(s for _, s in tail) / len(tail)
    covariance = sum((t - mean_t) * (s - mean_s) for t, s in tail)
    variance = sum((t - mean_t) ** 2 for t, _ in tail)
    return covariance / variance * window_s if variance > 0 else 0.0

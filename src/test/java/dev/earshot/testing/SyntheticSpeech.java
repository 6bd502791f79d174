package dev.earshot.testing;

import java.util.Arrays;
import java.util.Random;

/**
 * A speech-like test signal at any sample rate, built from components whose frequencies are known,
 * so that band limits and clipped shares are exact by construction: a voiced part (harmonics of an
 * F0 gliding between 120 and 180 Hz, amplitude 1/k, under a sin⁴ envelope of 4 syllables a second)
 * and a fricative part (seeded random-phase sinusoids every 20 Hz from 3.5 kHz up, in the gaps of
 * the rhythm). Every component outside the requested band is left out, so a band-limited twin has
 * no energy at all outside its band.
 */
public final class SyntheticSpeech {

  private static final double F0_MIN_HZ = 120;
  private static final double F0_MAX_HZ = 180;
  private static final double FRICATIVE_FROM_HZ = 3500;
  private static final double FRICATIVE_STEP_HZ = 20;
  private static final double FRICATIVE_AMPLITUDE = 0.008;
  private static final double SYLLABLE_HZ = 4;

  private SyntheticSpeech() {}

  /**
   * {@code seconds} of speech-like sound at {@code sampleRate} with components only inside {@code
   * lowHz..highHz} (and below 0.45 of the rate), scaled to a peak of 0.5.
   */
  public static float[] speech(
      int sampleRate, double seconds, double lowHz, double highHz, long seed) {
    double top = Math.min(highHz, 0.45 * sampleRate);
    int n = (int) Math.round(seconds * sampleRate);
    double[] out = new double[n];
    // Voiced: harmonic k is kept only if its whole glide stays inside the band.
    int harmonics = (int) Math.floor(top / F0_MAX_HZ);
    double phase = 0;
    for (int i = 0; i < n; i++) {
      double t = i / (double) sampleRate;
      double f0 = (F0_MIN_HZ + F0_MAX_HZ) / 2 + (F0_MAX_HZ - F0_MIN_HZ) / 2 * Math.sin(1.4 * t);
      double syllable = Math.sin(Math.PI * SYLLABLE_HZ * t);
      double voicedEnvelope = syllable * syllable * syllable * syllable;
      // sin(kθ) by the Chebyshev recurrence sin(kθ) = 2cos θ · sin((k−1)θ) − sin((k−2)θ).
      double twoCos = 2 * Math.cos(phase);
      double previous = 0;
      double current = Math.sin(phase);
      double value = 0;
      for (int k = 1; k <= harmonics; k++) {
        if (k * F0_MIN_HZ >= lowHz) {
          value += current / k;
        }
        double next = twoCos * current - previous;
        previous = current;
        current = next;
      }
      out[i] = voicedEnvelope * value;
      phase += 2 * Math.PI * f0 / sampleRate;
    }
    double[] gaps = new double[n];
    for (int i = 0; i < n; i++) {
      double gap = Math.cos(Math.PI * SYLLABLE_HZ * i / sampleRate);
      gaps[i] = Math.pow(gap, 8);
    }
    Random random = new Random(seed);
    for (double f = FRICATIVE_FROM_HZ; f <= top; f += FRICATIVE_STEP_HZ) {
      double start = 2 * Math.PI * random.nextDouble();
      if (f < lowHz) {
        continue;
      }
      // The component as a unit phasor turned by one step per sample.
      double stepCos = Math.cos(2 * Math.PI * f / sampleRate);
      double stepSin = Math.sin(2 * Math.PI * f / sampleRate);
      double re = Math.cos(start);
      double im = Math.sin(start);
      for (int i = 0; i < n; i++) {
        out[i] += FRICATIVE_AMPLITUDE * gaps[i] * im;
        double turned = re * stepCos - im * stepSin;
        im = re * stepSin + im * stepCos;
        re = turned;
      }
    }
    double peak = 0;
    for (double v : out) {
      peak = Math.max(peak, Math.abs(v));
    }
    float[] scaled = new float[n];
    for (int i = 0; i < n; i++) {
      scaled[i] = (float) (0.5 * out[i] / peak);
    }
    return scaled;
  }

  /** Wideband speech: everything from 50 Hz to 7 kHz. */
  public static float[] wideband(int sampleRate, double seconds, long seed) {
    return speech(sampleRate, seconds, 50, 7000, seed);
  }

  /**
   * The gain that puts {@code share} of the samples at or beyond full scale: the reciprocal of the
   * (1 − share) quantile of the magnitudes.
   */
  public static double gainForClippedShare(float[] signal, double share) {
    double[] magnitudes = new double[signal.length];
    for (int i = 0; i < signal.length; i++) {
      magnitudes[i] = Math.abs(signal[i]);
    }
    Arrays.sort(magnitudes);
    return 1 / magnitudes[(int) Math.floor((1 - share) * (magnitudes.length - 1))];
  }

  /** Amplifies by {@code gain} and hard-clips at full scale, as an overdriven gain stage does. */
  public static float[] amplifyAndClip(float[] signal, double gain) {
    float[] out = new float[signal.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) Math.max(-1, Math.min(1, gain * signal[i]));
    }
    return out;
  }

  /** Share of samples (all channels) that {@code gain} drives to or beyond full scale. */
  public static double shareAtFullScale(double gain, float[]... channels) {
    long count = 0;
    long total = 0;
    for (float[] channel : channels) {
      for (float s : channel) {
        count += Math.abs(gain * s) >= 1 ? 1 : 0;
      }
      total += channel.length;
    }
    return count / (double) total;
  }

  /** {@code signal} with {@code seconds} of digital silence inserted at its middle. */
  public static float[] withSilenceInMiddle(float[] signal, int sampleRate, double seconds) {
    int half = signal.length / 2;
    int gap = (int) Math.round(seconds * sampleRate);
    float[] out = new float[signal.length + gap];
    System.arraycopy(signal, 0, out, 0, half);
    System.arraycopy(signal, half, out, half + gap, signal.length - half);
    return out;
  }

  /**
   * A copy of {@code signal} with seeded white noise of RMS {@code rms} added, as a microphone
   * adds.
   */
  public static float[] withNoise(float[] signal, double rms, long seed) {
    Random random = new Random(seed);
    float[] out = new float[signal.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) (signal[i] + rms * random.nextGaussian());
    }
    return out;
  }

  /** Two-pole resonator (Klatt) with unit gain at DC: one formant of a vowel at {@code rate}. */
  public static double[] resonate(double[] in, double frequencyHz, double bandwidthHz, int rate) {
    double r = Math.exp(-Math.PI * bandwidthHz / rate);
    double a1 = 2 * r * Math.cos(2 * Math.PI * frequencyHz / rate);
    double a2 = -r * r;
    double gain = 1 - a1 - a2;
    double[] out = new double[in.length];
    double y1 = 0;
    double y2 = 0;
    for (int i = 0; i < in.length; i++) {
      double y = gain * in[i] + a1 * y1 + a2 * y2;
      out[i] = y;
      y2 = y1;
      y1 = y;
    }
    return out;
  }
}

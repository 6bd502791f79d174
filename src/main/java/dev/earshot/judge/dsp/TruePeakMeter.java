package dev.earshot.judge.dsp;

import java.util.Arrays;

/**
 * True peak per ITU-R BS.1770-4 Annex 2: the largest magnitude of the signal interpolated at four
 * times its sample rate, which catches inter-sample peaks that a DAC or a lossy encoder would
 * produce above the largest sample. The interpolator is a Hann-windowed sinc 32 input samples long
 * (cut off at the original Nyquist frequency, every phase at unit gain for DC), flat up to about
 * 0.4 of the sample rate; the standard's own example filter is shorter (12 taps per phase).
 */
public final class TruePeakMeter {

  static final int OVERSAMPLING = 4;
  private static final int HALF_TAPS = 16;

  /** Coefficients of the fractional phases 1/4, 2/4, 3/4, each over input samples n−15 .. n+16. */
  private static final double[][] PHASES = interpolatorPhases();

  /** The largest sum of absolute coefficients of a phase: no output exceeds its inputs by more. */
  private static final double GAIN_BOUND = gainBound();

  /**
   * For the window after sample n = 16·b + r: {@code [r][3 * (phase - 1) + j]} sums the absolute
   * coefficients of the phase over the taps that read block b − 1 + j. Weighted by the three
   * blocks' maxima they bound the window's interpolated values far tighter than {@link #GAIN_BOUND}
   * times the largest of them, since the outer taps are small.
   */
  private static final double[][] BLOCK_GAINS = blockGains();

  private TruePeakMeter() {}

  /**
   * Largest magnitude of the 4× oversampled signal, linear (0 for silence).
   *
   * <p>Exact, but only where it can matter: an interpolated value is at most {@link #GAIN_BOUND}
   * times the largest sample under the filter, and at most the {@link #BLOCK_GAINS} bound of its
   * window, so stretches and windows that cannot beat the peak found so far are skipped. The
   * loudest stretches are interpolated first, so the peak is found early and the search stops at
   * the first stretch that cannot beat it; speech is mostly far below its peak, so most of it is
   * never interpolated.
   */
  public static double truePeak(float[] samples) {
    double[] blockMax = blockMaxima(samples);
    double peak = 0;
    for (double max : blockMax) {
      peak = Math.max(peak, max);
    }
    // The windows of the samples of block b read blocks b-1 .. b+1. Each block's key holds that
    // neighbourhood's largest magnitude (a float's bits, ordered as the non-negative floats they
    // encode: the maxima are magnitudes of float samples) above the block's index.
    long[] loudestFirst = new long[blockMax.length];
    for (int b = 0; b < blockMax.length; b++) {
      float neighbourhood =
          (float)
              Math.max(
                  blockMax[b],
                  Math.max(
                      b > 0 ? blockMax[b - 1] : 0, b + 1 < blockMax.length ? blockMax[b + 1] : 0));
      loudestFirst[b] = ((long) Float.floatToIntBits(neighbourhood) << 32) | b;
    }
    Arrays.sort(loudestFirst);
    for (int k = loudestFirst.length - 1; k >= 0; k--) {
      if (Float.intBitsToFloat((int) (loudestFirst[k] >>> 32)) * GAIN_BOUND <= peak) {
        break;
      }
      int block = (int) loudestFirst[k];
      for (int n = block * HALF_TAPS; n < Math.min(samples.length, (block + 1) * HALF_TAPS); n++) {
        peak = interpolatedPeak(samples, blockMax, n, peak);
      }
    }
    return peak;
  }

  /** The larger of {@code peak} and the interpolated values after sample n, if they can beat it. */
  private static double interpolatedPeak(float[] samples, double[] blockMax, int n, double peak) {
    int block = n / HALF_TAPS;
    // Blocks beyond either end hold no samples; the filter reads silence there.
    double before = block > 0 ? blockMax[block - 1] : 0;
    double within = blockMax[block];
    double after = block + 1 < blockMax.length ? blockMax[block + 1] : 0;
    double[] gains = BLOCK_GAINS[n % HALF_TAPS];
    for (int p = 1; p < OVERSAMPLING; p++) {
      int g = 3 * (p - 1);
      if (gains[g] * before + gains[g + 1] * within + gains[g + 2] * after > peak) {
        peak = Math.max(peak, Math.abs(interpolate(samples, n, p)));
      }
    }
    return peak;
  }

  /** The signal between samples {@code n} and {@code n + 1}, at {@code phase} quarters past n. */
  static double interpolate(float[] samples, int n, int phase) {
    double[] coefficients = PHASES[phase - 1];
    int first = n - HALF_TAPS + 1;
    double sum = 0;
    for (int t = Math.max(0, -first), to = Math.min(2 * HALF_TAPS, samples.length - first);
        t < to;
        t++) {
      sum += coefficients[t] * samples[first + t];
    }
    return sum;
  }

  /** Largest magnitude per block of {@link #HALF_TAPS} samples; a filter window spans three. */
  private static double[] blockMaxima(float[] samples) {
    double[] maxima = new double[samples.length / HALF_TAPS + 1];
    for (int i = 0; i < samples.length; i++) {
      int block = i / HALF_TAPS;
      maxima[block] = Math.max(maxima[block], Math.abs(samples[i]));
    }
    return maxima;
  }

  private static double gainBound() {
    double bound = 1;
    for (double[] phase : PHASES) {
      double sum = 0;
      for (double coefficient : phase) {
        sum += Math.abs(coefficient);
      }
      bound = Math.max(bound, sum);
    }
    return bound;
  }

  private static double[][] blockGains() {
    double[][] gains = new double[HALF_TAPS][3 * (OVERSAMPLING - 1)];
    for (int r = 0; r < HALF_TAPS; r++) {
      for (int p = 1; p < OVERSAMPLING; p++) {
        double[] phase = PHASES[p - 1];
        for (int t = 0; t < phase.length; t++) {
          // Tap t reads sample n − HALF_TAPS + 1 + t, in block b − 1 + j of this j.
          int j = (r + 1 + t) / HALF_TAPS;
          gains[r][3 * (p - 1) + j] += Math.abs(phase[t]);
        }
      }
    }
    return gains;
  }

  private static double[][] interpolatorPhases() {
    double[][] phases = new double[OVERSAMPLING - 1][2 * HALF_TAPS];
    for (int p = 1; p < OVERSAMPLING; p++) {
      double fraction = p / (double) OVERSAMPLING;
      double sum = 0;
      double[] row = phases[p - 1];
      for (int t = 0; t < row.length; t++) {
        // Tap t reads input sample n - HALF_TAPS + 1 + t; this is its distance from time n +
        // fraction.
        double distance = fraction + HALF_TAPS - 1 - t;
        double window = 0.5 + 0.5 * Math.cos(Math.PI * distance / HALF_TAPS);
        row[t] = Math.sin(Math.PI * distance) / (Math.PI * distance) * window;
        sum += row[t];
      }
      for (int t = 0; t < row.length; t++) {
        row[t] /= sum;
      }
    }
    return phases;
  }
}

package dev.earshot.judge.dsp;

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

  private TruePeakMeter() {}

  /** Largest magnitude of the 4× oversampled signal, linear (0 for silence). */
  public static double truePeak(float[] samples) {
    double peak = 0;
    int taps = 2 * HALF_TAPS;
    for (int n = 0; n < samples.length; n++) {
      peak = Math.max(peak, Math.abs(samples[n]));
      int first = n - HALF_TAPS + 1;
      int from = Math.max(0, -first);
      int to = Math.min(taps, samples.length - first);
      for (double[] phase : PHASES) {
        double sum = 0;
        for (int t = from; t < to; t++) {
          sum += phase[t] * samples[first + t];
        }
        peak = Math.max(peak, Math.abs(sum));
      }
    }
    return peak;
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

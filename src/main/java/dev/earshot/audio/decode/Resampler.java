package dev.earshot.audio.decode;

import dev.earshot.platform.concurrent.RecentValues;

/**
 * Band-limited sample-rate conversion: a Kaiser-windowed sinc low-pass applied as a polyphase
 * filter for the rational ratio {@code toRate / fromRate} (reduced by their gcd). The cutoff sits
 * at 95% of the lower Nyquist frequency and the stopband starts at that Nyquist frequency with
 * about 80 dB of attenuation, so downsampling does not alias and upsampling does not image. Samples
 * beyond either end of the input count as silence; the filter is symmetric, so output sample {@code
 * k} lines up with input time {@code k / toRate}.
 */
public final class Resampler {

  private static final double CUTOFF_FRACTION = 0.95;
  private static final double STOPBAND_ATTENUATION_DB = 80;

  /**
   * Upper bound on the coefficient table; odd ratios beyond it share the nearest of fewer phases.
   */
  private static final long MAX_TABLE_COEFFICIENTS = 1L << 20;

  /**
   * How many filters are kept. Building one (a Bessel series per coefficient) costs about as much
   * as resampling a few seconds with it, and a service sees the same few rate pairs over and over;
   * the bound keeps odd rates from piling up tables of up to {@link #MAX_TABLE_COEFFICIENTS}.
   */
  private static final int CACHED_FILTERS = 4;

  /** The filters of the most recently used conversions; shared, as a filter is never changed. */
  private static final RecentValues<FilterKey, PolyphaseFilter> FILTERS =
      new RecentValues<>(CACHED_FILTERS);

  private record FilterKey(int fromRate, int toRate, double cutoffFraction) {}

  private Resampler() {}

  /**
   * Resamples {@code input} from {@code fromRate} to {@code toRate}; the output has round(n * to /
   * from) samples.
   */
  public static float[] resample(float[] input, int fromRate, int toRate) {
    return resample(input, fromRate, toRate, CUTOFF_FRACTION);
  }

  /**
   * {@link #resample(float[], int, int)} with the passband ending at {@code cutoffFraction} of the
   * lower Nyquist frequency instead of 95%: a lower edge widens the transition band and shortens
   * the filter, for consumers that ignore the top of the band anyway (STOI stops at 4.3 kHz of 5).
   */
  public static float[] resample(float[] input, int fromRate, int toRate, double cutoffFraction) {
    if (!(cutoffFraction > 0 && cutoffFraction < 1)) {
      throw new IllegalArgumentException("cutoffFraction must lie in (0, 1): " + cutoffFraction);
    }
    if (fromRate <= 0 || toRate <= 0) {
      throw new IllegalArgumentException(
          "sample rates must be positive: " + fromRate + " -> " + toRate);
    }
    if (fromRate == toRate) {
      return input.clone();
    }
    long outputLength = Math.round((double) input.length * toRate / fromRate);
    if (outputLength > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "resampled output would have " + outputLength + " samples");
    }
    int gcd = gcd(fromRate, toRate);
    int up = toRate / gcd;
    int down = fromRate / gcd;
    PolyphaseFilter filter =
        FILTERS.get(
            new FilterKey(fromRate, toRate, cutoffFraction),
            key -> new PolyphaseFilter(fromRate, toRate, up, cutoffFraction));
    float[] output = new float[(int) outputLength];
    for (int k = 0; k < output.length; k++) {
      long position = (long) k * down;
      long center = position / up;
      output[k] = filter.apply(input, center, (int) (position % up));
    }
    return output;
  }

  private static int gcd(int a, int b) {
    while (b != 0) {
      int rest = a % b;
      a = b;
      b = rest;
    }
    return a;
  }

  /**
   * Coefficients for each fractional input offset {@code phase / up}, taps ordered by input index.
   */
  private static final class PolyphaseFilter {

    private final int up;
    private final int halfTaps;
    private final float[][] phases;

    PolyphaseFilter(int fromRate, int toRate, int up, double cutoffFraction) {
      this.up = up;
      // Frequencies in cycles per input sample.
      double nyquist = Math.min(fromRate, toRate) / 2.0 / fromRate;
      double cutoff = cutoffFraction * nyquist;
      double transition = 2 * (nyquist - cutoff);
      // Kaiser's estimate of the filter length for the attenuation and transition width.
      double length = (STOPBAND_ATTENUATION_DB - 7.95) / (2.285 * 2 * Math.PI * transition);
      this.halfTaps = (int) Math.ceil(length / 2) + 1;
      int taps = 2 * halfTaps;
      int phaseCount = (int) Math.min(up, MAX_TABLE_COEFFICIENTS / taps);
      double beta = 0.1102 * (STOPBAND_ATTENUATION_DB - 8.7);
      double besselBeta = besselI0(beta);
      this.phases = new float[phaseCount][taps];
      for (int phase = 0; phase < phaseCount; phase++) {
        double fraction = phase / (double) phaseCount;
        double sum = 0;
        double[] row = new double[taps];
        for (int tap = 0; tap < taps; tap++) {
          // Tap t reads input index center - halfTaps + 1 + t, at this distance from the output
          // time.
          double distance = halfTaps - 1 - tap + fraction;
          double window = distance / halfTaps;
          row[tap] =
              Math.abs(window) >= 1
                  ? 0
                  : 2
                      * cutoff
                      * sinc(2 * cutoff * distance)
                      * besselI0(beta * Math.sqrt(1 - window * window))
                      / besselBeta;
          sum += row[tap];
        }
        // Unit gain at DC for every phase, so a constant signal stays exactly constant.
        for (int tap = 0; tap < taps; tap++) {
          phases[phase][tap] = (float) (row[tap] / sum);
        }
      }
    }

    float apply(float[] input, long center, int phase) {
      float[] coefficients = phases[(int) ((long) phase * phases.length / up)];
      long first = center - halfTaps + 1;
      int from = (int) Math.max(0, -first);
      int to = (int) Math.min(coefficients.length, input.length - first);
      double sum = 0;
      for (int tap = from; tap < to; tap++) {
        sum += coefficients[tap] * input[(int) (first + tap)];
      }
      return (float) sum;
    }

    private static double sinc(double x) {
      return x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    }

    /** Modified Bessel function of the first kind, order 0, by its power series. */
    private static double besselI0(double x) {
      double sum = 1;
      double term = 1;
      double quarterSquare = x * x / 4;
      for (int k = 1; term > 1e-12 * sum; k++) {
        term *= quarterSquare / ((double) k * k);
        sum += term;
      }
      return sum;
    }
  }
}

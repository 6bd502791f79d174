package dev.earshot.judge.dsp.paired;

import dev.earshot.judge.dsp.Fft;
import java.util.Arrays;

/**
 * Lines a resynthesis up with its original: the lag that maximises their cross-correlation, and the
 * overlapping parts once shifted by it.
 *
 * <p>The cross-correlation {@code c[m] = sum_n original[n] * resynthesised[n + m]} comes from one
 * FFT of both signals packed into a complex array (original real, resynthesis imaginary), their
 * cross-spectrum and one inverse FFT; the transform is at least as long as both signals together,
 * so no lag wraps around. The sum runs over the loudest {@value #SEARCH_SECONDS} s of the original
 * (the whole of a shorter one), against every resynthesis sample those lags reach: a codec's delay
 * is constant, and this keeps the transform small (2<sup>17</sup> points at 16 kHz) however long
 * the files are.
 *
 * @param lagSamples how many samples later the resynthesis starts than the original (negative when
 *     it starts earlier)
 * @param original the original's part that overlaps the shifted resynthesis
 * @param resynthesised the resynthesis's part that overlaps the original, sample for sample
 */
public record SignalAlignment(int lagSamples, float[] original, float[] resynthesised) {

  /** How much of the original the lag search correlates. */
  static final double SEARCH_SECONDS = 3;

  /**
   * Aligns {@code resynthesised} to {@code original} (both at {@code sampleRate}), searching lags
   * of at most {@code maxLagSamples} either way.
   */
  public static SignalAlignment align(
      float[] original, float[] resynthesised, int sampleRate, int maxLagSamples) {
    if (maxLagSamples < 0) {
      throw new IllegalArgumentException("maxLagSamples must not be negative");
    }
    int searched = Math.min(original.length, (int) Math.round(SEARCH_SECONDS * sampleRate));
    int from = loudestStart(original, searched, sampleRate / 10);
    int resynthesisedFrom = Math.min(resynthesised.length, Math.max(0, from - maxLagSamples));
    int resynthesisedTo =
        Math.max(
            resynthesisedFrom, Math.min(resynthesised.length, from + searched + maxLagSamples));
    int lag =
        bestLag(
            Arrays.copyOfRange(original, from, from + searched),
            Arrays.copyOfRange(resynthesised, resynthesisedFrom, resynthesisedTo),
            from - resynthesisedFrom,
            maxLagSamples);
    int originalStart = Math.max(0, -lag);
    int resynthesisedStart = Math.max(0, lag);
    int length =
        Math.max(
            0,
            Math.min(original.length - originalStart, resynthesised.length - resynthesisedStart));
    return new SignalAlignment(
        lag,
        Arrays.copyOfRange(original, originalStart, originalStart + length),
        Arrays.copyOfRange(resynthesised, resynthesisedStart, resynthesisedStart + length));
  }

  /** Overlap length in samples. */
  public int length() {
    return original.length;
  }

  /**
   * Start of the {@code length} samples of {@code signal} with the most energy, on a grid of {@code
   * step} samples.
   */
  static int loudestStart(float[] signal, int length, int step) {
    double[] cumulative = new double[signal.length + 1];
    for (int i = 0; i < signal.length; i++) {
      cumulative[i + 1] = cumulative[i] + (double) signal[i] * signal[i];
    }
    int best = 0;
    for (int start = step; start + length <= signal.length; start += Math.max(1, step)) {
      if (cumulative[start + length] - cumulative[start]
          > cumulative[best + length] - cumulative[best]) {
        best = start;
      }
    }
    return best;
  }

  /**
   * The lag {@code m} in {@code [-maxLag, maxLag]} with the largest {@code sum_i x[i] y[i + offset
   * + m]}, where {@code y} starts {@code offset} samples before {@code x}; 0 wins ties.
   */
  static int bestLag(float[] x, float[] y, int offset, int maxLag) {
    Fft fft = Fft.ofSize(Fft.sizeAtLeast(x.length + y.length));
    int n = fft.size();
    double[] re = new double[n];
    double[] im = new double[n];
    for (int i = 0; i < x.length; i++) {
      re[i] = x[i];
    }
    for (int i = 0; i < y.length; i++) {
      im[i] = y[i];
    }
    fft.forward(re, im);
    // Z = X + iY with x, y real: X[k] = (Z[k] + conj Z[-k]) / 2, Y[k] = (Z[k] - conj Z[-k]) / 2i.
    // The cross-spectrum conj(X[k]) Y[k] is what inverts to c[m]; k and -k are done together, and
    // at -k it is the conjugate of its value at k.
    for (int k = 0; k <= n / 2; k++) {
      int mirror = (n - k) % n;
      double xr = (re[k] + re[mirror]) / 2;
      double xi = (im[k] - im[mirror]) / 2;
      double yr = (im[k] + im[mirror]) / 2;
      double yi = (re[mirror] - re[k]) / 2;
      double cr = xr * yr + xi * yi;
      double ci = xr * yi - xi * yr;
      re[k] = cr;
      im[k] = ci;
      re[mirror] = cr;
      im[mirror] = -ci;
    }
    fft.inverseUnscaled(re, im);
    int best = 0;
    double bestValue = correlationAt(re, offset, x.length, y.length);
    for (int lag = 1; lag <= maxLag; lag++) {
      double later = correlationAt(re, offset + lag, x.length, y.length);
      if (later > bestValue) {
        best = lag;
        bestValue = later;
      }
      double earlier = correlationAt(re, offset - lag, x.length, y.length);
      if (earlier > bestValue) {
        best = -lag;
        bestValue = earlier;
      }
    }
    return best;
  }

  /**
   * The correlation at {@code index} from its circular form (negative indices counted from the
   * end); 0 where {@code x} and {@code y} do not overlap.
   */
  private static double correlationAt(double[] circular, int index, int xLength, int yLength) {
    if (index <= -xLength || index >= yLength) {
      return 0;
    }
    return circular[index < 0 ? circular.length + index : index];
  }
}

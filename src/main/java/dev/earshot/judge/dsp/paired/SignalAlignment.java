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
 * so no lag wraps around. Only the first {@value #SEARCH_SECONDS} s of each signal enter the
 * search: a codec's delay is constant, and this bounds the transform (2<sup>20</sup> points at 16
 * kHz) however long the files are.
 *
 * @param lagSamples how many samples later the resynthesis starts than the original (negative when
 *     it starts earlier)
 * @param original the original's part that overlaps the shifted resynthesis
 * @param resynthesised the resynthesis's part that overlaps the original, sample for sample
 */
public record SignalAlignment(int lagSamples, float[] original, float[] resynthesised) {

  /** Signal length, per signal, that the lag search looks at. */
  static final double SEARCH_SECONDS = 30;

  /**
   * Aligns {@code resynthesised} to {@code original} (both at {@code sampleRate}), searching lags
   * of at most {@code maxLagSamples} either way.
   */
  public static SignalAlignment align(
      float[] original, float[] resynthesised, int sampleRate, int maxLagSamples) {
    if (maxLagSamples < 0) {
      throw new IllegalArgumentException("maxLagSamples must not be negative");
    }
    int searched = (int) Math.round(SEARCH_SECONDS * sampleRate);
    int lag =
        bestLag(
            Arrays.copyOf(original, Math.min(original.length, searched)),
            Arrays.copyOf(resynthesised, Math.min(resynthesised.length, searched)),
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

  /** The lag in {@code [-maxLag, maxLag]} with the largest cross-correlation; 0 wins ties. */
  static int bestLag(float[] x, float[] y, int maxLag) {
    Fft fft = new Fft(Fft.sizeAtLeast(x.length + y.length));
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
    double bestValue = re[0];
    for (int lag = 1; lag <= maxLag; lag++) {
      if (lag < n && re[lag] > bestValue) {
        best = lag;
        bestValue = re[lag];
      }
      if (lag < n && re[n - lag] > bestValue) {
        best = -lag;
        bestValue = re[n - lag];
      }
    }
    return best;
  }
}

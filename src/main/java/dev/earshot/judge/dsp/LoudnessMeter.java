package dev.earshot.judge.dsp;

/**
 * Integrated loudness of a mono signal per ITU-R BS.1770-4: K-weighting (high shelf, then high
 * pass), mean square over 400 ms blocks with 75 % overlap, an absolute gate at −70 LUFS and a
 * relative gate 10 LU below the absolute-gated level; channel weight 1.0.
 *
 * <p>The standard publishes the filter coefficients only for 48 kHz. Like pyloudnorm, the filters
 * are re-derived for the actual rate from their analog prototypes; the prototype parameters and the
 * bilinear-transform design are libebur128's, which (unlike the audio-EQ-cookbook shelf) reproduce
 * the published 48 kHz coefficients exactly.
 */
public final class LoudnessMeter {

  private static final double SHELF_FREQUENCY_HZ = 1681.974450955533;
  private static final double SHELF_GAIN_DB = 3.999843853973347;
  private static final double SHELF_Q = 0.7071752369554196;

  /** Exponent giving the shelf's mid-band gain from its high-frequency gain. */
  private static final double SHELF_BAND_EXPONENT = 0.4996667741545416;

  private static final double HIGH_PASS_FREQUENCY_HZ = 38.13547087602444;
  private static final double HIGH_PASS_Q = 0.5003270373238773;

  private static final double BLOCK_SECONDS = 0.4;
  private static final double STEP_SECONDS = 0.1;
  private static final double ABSOLUTE_GATE_LUFS = -70;
  private static final double RELATIVE_GATE_LU = -10;

  /** Offset that makes a 1 kHz sine read its RMS level in dBFS after K-weighting. */
  private static final double LOUDNESS_OFFSET_DB = -0.691;

  private LoudnessMeter() {}

  /**
   * Integrated loudness in LUFS, or {@code null} when the signal is shorter than one 400 ms block
   * or every block falls below the absolute gate.
   */
  public static Double integratedLoudness(float[] samples, int sampleRate) {
    double[][] filters = kWeighting(sampleRate);
    double[] weighted = filter(filter(toDouble(samples), filters[0]), filters[1]);

    int blockLength = (int) Math.round(BLOCK_SECONDS * sampleRate);
    int step = (int) Math.round(STEP_SECONDS * sampleRate);
    if (weighted.length < blockLength) {
      return null;
    }
    double[] prefix = new double[weighted.length + 1];
    for (int i = 0; i < weighted.length; i++) {
      prefix[i + 1] = prefix[i] + weighted[i] * weighted[i];
    }
    int blockCount = (weighted.length - blockLength) / step + 1;
    double[] meanSquares = new double[blockCount];
    for (int block = 0; block < blockCount; block++) {
      int start = block * step;
      meanSquares[block] = (prefix[start + blockLength] - prefix[start]) / blockLength;
    }
    double absoluteGated = gatedMeanSquare(meanSquares, ABSOLUTE_GATE_LUFS);
    if (Double.isNaN(absoluteGated)) {
      return null;
    }
    double relativeGate = Math.max(ABSOLUTE_GATE_LUFS, loudness(absoluteGated) + RELATIVE_GATE_LU);
    return loudness(gatedMeanSquare(meanSquares, relativeGate));
  }

  /**
   * The K-weighting biquads for {@code sampleRate}: {@code {shelf, highPass}}, each as {b0, b1, b2,
   * a1, a2} with a0 = 1.
   */
  static double[][] kWeighting(double sampleRate) {
    double k = Math.tan(Math.PI * SHELF_FREQUENCY_HZ / sampleRate);
    double highGain = Math.pow(10, SHELF_GAIN_DB / 20);
    double bandGain = Math.pow(highGain, SHELF_BAND_EXPONENT);
    double a0 = 1 + k / SHELF_Q + k * k;
    double[] shelf = {
      (highGain + bandGain * k / SHELF_Q + k * k) / a0,
      2 * (k * k - highGain) / a0,
      (highGain - bandGain * k / SHELF_Q + k * k) / a0,
      2 * (k * k - 1) / a0,
      (1 - k / SHELF_Q + k * k) / a0,
    };
    k = Math.tan(Math.PI * HIGH_PASS_FREQUENCY_HZ / sampleRate);
    a0 = 1 + k / HIGH_PASS_Q + k * k;
    double[] highPass = {1, -2, 1, 2 * (k * k - 1) / a0, (1 - k / HIGH_PASS_Q + k * k) / a0};
    return new double[][] {shelf, highPass};
  }

  /** Mean of the block mean squares whose loudness is above {@code gateLufs}; NaN if none is. */
  private static double gatedMeanSquare(double[] meanSquares, double gateLufs) {
    double sum = 0;
    int count = 0;
    for (double z : meanSquares) {
      if (z > 0 && loudness(z) > gateLufs) {
        sum += z;
        count++;
      }
    }
    return count == 0 ? Double.NaN : sum / count;
  }

  private static double loudness(double meanSquare) {
    return LOUDNESS_OFFSET_DB + 10 * Math.log10(meanSquare);
  }

  private static double[] toDouble(float[] samples) {
    double[] out = new double[samples.length];
    for (int i = 0; i < samples.length; i++) {
      out[i] = samples[i];
    }
    return out;
  }

  /** Direct form II transposed biquad, in place. */
  private static double[] filter(double[] x, double[] c) {
    double z1 = 0;
    double z2 = 0;
    for (int i = 0; i < x.length; i++) {
      double in = x[i];
      double out = c[0] * in + z1;
      z1 = c[1] * in - c[3] * out + z2;
      z2 = c[2] * in - c[4] * out;
      x[i] = out;
    }
    return x;
  }
}

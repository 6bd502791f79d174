package dev.earshot.judge.dsp;

/**
 * Integrated loudness per ITU-R BS.1770-4: K-weighting (high shelf, then high pass) of each channel
 * at its own sample rate, mean square over 400 ms blocks with 75 % overlap, the channels' mean
 * squares summed per block (weight 1.0 each, the standard's weight for left, right and centre; the
 * 1.41 surround weights of multichannel layouts are not applied), an absolute gate at −70 LUFS and
 * a relative gate 10 LU below the absolute-gated level. Two identical channels therefore read 3.01
 * LU above one of them.
 *
 * <p>A clip shorter than one block (a short "Yes.", a bell) is measured as one block of its own
 * length, still gated at −70 LUFS: the standard defines no block for it, and calling an audible
 * clip unmeasurable would score it as silence.
 *
 * <p>A block is four 100 ms steps ({@code round(0.1 × rate)} samples each), which is exactly 400 ms
 * at every common rate (8 to 192 kHz); the filtered signal is never held in memory, only one sum
 * per step.
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

  private static final double STEP_SECONDS = 0.1;
  private static final int STEPS_PER_BLOCK = 4;
  private static final double ABSOLUTE_GATE_LUFS = -70;
  private static final double RELATIVE_GATE_LU = -10;

  /** Offset that makes a 1 kHz sine read its RMS level in dBFS after K-weighting. */
  private static final double LOUDNESS_OFFSET_DB = -0.691;

  private LoudnessMeter() {}

  /**
   * Integrated loudness of a mono signal in LUFS, or {@code null} when it is empty or every block
   * falls below the absolute gate.
   */
  public static Double integratedLoudness(float[] samples, int sampleRate) {
    return integratedLoudness(new float[][] {samples}, sampleRate);
  }

  /**
   * Integrated loudness of channels of equal length at {@code sampleRate}, their powers summed; in
   * LUFS, or {@code null} when they are empty or every block falls below the absolute gate.
   */
  public static Double integratedLoudness(float[][] channels, int sampleRate) {
    int length = channels[0].length;
    int step = (int) Math.round(STEP_SECONDS * sampleRate);
    int blockLength = STEPS_PER_BLOCK * step;
    if (length == 0) {
      return null;
    }
    double[][] filters = kWeighting(sampleRate);
    if (length < blockLength) {
      double[] whole = new double[1];
      for (float[] channel : channels) {
        addWeightedPower(channel, filters, length, whole);
      }
      double meanSquare = whole[0] / length;
      return loudness(meanSquare) > ABSOLUTE_GATE_LUFS ? loudness(meanSquare) : null;
    }
    double[] stepSums = new double[length / step];
    for (float[] channel : channels) {
      addWeightedPower(channel, filters, step, stepSums);
    }
    int blockCount = (length - blockLength) / step + 1;
    double[] meanSquares = new double[blockCount];
    for (int block = 0; block < blockCount; block++) {
      double sum = 0;
      for (int s = block; s < block + STEPS_PER_BLOCK; s++) {
        sum += stepSums[s];
      }
      meanSquares[block] = sum / blockLength;
    }
    double absoluteGated = gatedMeanSquare(meanSquares, ABSOLUTE_GATE_LUFS);
    if (Double.isNaN(absoluteGated)) {
      return null;
    }
    double relativeGate = Math.max(ABSOLUTE_GATE_LUFS, loudness(absoluteGated) + RELATIVE_GATE_LU);
    return loudness(gatedMeanSquare(meanSquares, relativeGate));
  }

  /**
   * Adds the K-weighted power of {@code samples} in each whole step to {@code stepSums}; both
   * biquads run in direct form II transposed.
   */
  private static void addWeightedPower(
      float[] samples, double[][] filters, int step, double[] stepSums) {
    double[] shelf = filters[0];
    double[] highPass = filters[1];
    double s1 = 0;
    double s2 = 0;
    double h1 = 0;
    double h2 = 0;
    for (int s = 0; s < stepSums.length; s++) {
      double power = 0;
      for (int i = s * step, end = i + step; i < end; i++) {
        double in = samples[i];
        double shelved = shelf[0] * in + s1;
        s1 = shelf[1] * in - shelf[3] * shelved + s2;
        s2 = shelf[2] * in - shelf[4] * shelved;
        double out = highPass[0] * shelved + h1;
        h1 = highPass[1] * shelved - highPass[3] * out + h2;
        h2 = highPass[2] * shelved - highPass[4] * out;
        power += out * out;
      }
      stepSums[s] += power;
    }
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
}

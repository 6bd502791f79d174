package dev.earshot.judge.dsp;

/**
 * Gain that brings a mono signal to a target integrated loudness (ITU-R BS.1770-4, {@link
 * LoudnessMeter}) without clipping: the gain is limited so that the true peak ({@link
 * TruePeakMeter}, 4× oversampled) stays at or below {@link #TRUE_PEAK_CEILING_DBTP}. A limited
 * signal ends up quieter than the target; nothing is compressed or clipped. Silence (no measurable
 * loudness) is left as it is.
 */
public final class LoudnessNormalisation {

  /** The highest true peak a normalised signal may have, dBTP (EBU R 128's ceiling). */
  public static final double TRUE_PEAK_CEILING_DBTP = -1.0;

  private LoudnessNormalisation() {}

  /**
   * The linear gain for {@code samples} at {@code sampleRate}: the one that reaches {@code
   * targetLufs}, or smaller where that would put the true peak above the ceiling; 1 for silence.
   */
  public static double gain(float[] samples, int sampleRate, double targetLufs) {
    Double loudness = LoudnessMeter.integratedLoudness(samples, sampleRate);
    if (loudness == null) {
      return 1;
    }
    double wanted = Math.pow(10, (targetLufs - loudness) / 20);
    double peak = TruePeakMeter.truePeak(samples);
    double ceiling = Math.pow(10, TRUE_PEAK_CEILING_DBTP / 20);
    return peak * wanted > ceiling ? ceiling / peak : wanted;
  }

  /** A copy of {@code samples} normalised as {@link #gain} says. */
  public static float[] normalised(float[] samples, int sampleRate, double targetLufs) {
    double gain = gain(samples, sampleRate, targetLufs);
    float[] out = new float[samples.length];
    for (int i = 0; i < samples.length; i++) {
      out[i] = (float) (samples[i] * gain);
    }
    return out;
  }
}

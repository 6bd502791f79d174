package dev.earshot.judge.dsp;

import dev.earshot.testing.SyntheticSpeech;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;

/** Deterministic synthetic test signals with known F0, level and timing. */
final class TestSignals {

  static final int RATE = 16_000;

  /** Formants of /a/ (F1–F4, Hz) with their bandwidths. */
  private static final double[][] VOWEL_A = {{700, 80}, {1220, 90}, {2600, 120}, {3300, 150}};

  private TestSignals() {}

  static float[] sine(double frequencyHz, double peak, double seconds) {
    float[] out = new float[(int) Math.round(seconds * RATE)];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) (peak * Math.sin(2 * Math.PI * frequencyHz * i / RATE));
    }
    return out;
  }

  /**
   * Sine whose frequency follows {@code f0AtTime} (Hz as a function of seconds); phase is
   * integrated.
   */
  static float[] sweep(DoubleUnaryOperator f0AtTime, double peak, double seconds) {
    float[] out = new float[(int) Math.round(seconds * RATE)];
    double phase = 0;
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) (peak * Math.sin(phase));
      phase += 2 * Math.PI * f0AtTime.applyAsDouble(i / (double) RATE) / RATE;
    }
    return out;
  }

  /**
   * Vowel /a/: a band-limited glottal source (all harmonics below 5 kHz, amplitude 1/k, i.e. the
   * -12 dB/oct glottal slope with +6 dB/oct lip radiation) at the time-varying F0, through four
   * formant resonators; scaled to the given peak. {@code noiseRelativeToPeak} adds seeded white
   * noise of that RMS relative to the peak.
   */
  static float[] vowel(
      DoubleUnaryOperator f0AtTime,
      double seconds,
      double peak,
      double noiseRelativeToPeak,
      long seed) {
    int n = (int) Math.round(seconds * RATE);
    double[] source = new double[n];
    double phase = 0;
    for (int i = 0; i < n; i++) {
      double f0 = f0AtTime.applyAsDouble(i / (double) RATE);
      int harmonics = (int) (5000 / f0);
      double value = 0;
      for (int k = 1; k <= harmonics; k++) {
        value += Math.sin(k * phase) / k;
      }
      source[i] = value;
      phase += 2 * Math.PI * f0 / RATE;
      if (phase > 2 * Math.PI) {
        phase -= 2 * Math.PI;
      }
    }
    double[] signal = source;
    for (double[] formant : VOWEL_A) {
      signal = SyntheticSpeech.resonate(signal, formant[0], formant[1], RATE);
    }
    return scaleAndAddNoise(signal, peak, noiseRelativeToPeak, seed);
  }

  private static float[] scaleAndAddNoise(
      double[] signal, double peak, double noiseRelativeToPeak, long seed) {
    double max = 0;
    for (double v : signal) {
      max = Math.max(max, Math.abs(v));
    }
    Random random = new Random(seed);
    float[] out = new float[signal.length];
    for (int i = 0; i < signal.length; i++) {
      out[i] =
          (float) (signal[i] / max * peak + noiseRelativeToPeak * peak * random.nextGaussian());
    }
    return out;
  }

  /**
   * Multiplies a copy of {@code signal} sample by sample with {@code envelope} (a function of
   * seconds).
   */
  static float[] modulate(float[] signal, DoubleUnaryOperator envelope) {
    float[] out = new float[signal.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) (signal[i] * envelope.applyAsDouble(i / (double) RATE));
    }
    return out;
  }

  static float[] silence(double seconds) {
    return new float[(int) Math.round(seconds * RATE)];
  }

  static float[] concat(float[]... parts) {
    int total = 0;
    for (float[] part : parts) {
      total += part.length;
    }
    float[] out = new float[total];
    int at = 0;
    for (float[] part : parts) {
      System.arraycopy(part, 0, out, at, part.length);
      at += part.length;
    }
    return out;
  }

  static float[] whiteNoise(double rms, double seconds, long seed) {
    Random random = new Random(seed);
    float[] out = new float[(int) Math.round(seconds * RATE)];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) (rms * random.nextGaussian());
    }
    return out;
  }
}

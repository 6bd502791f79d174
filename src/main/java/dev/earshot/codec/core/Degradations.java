package dev.earshot.codec.core;

import dev.earshot.audio.decode.Resampler;
import java.util.Arrays;
import java.util.Random;

/** Degradations of known size, standing in for codecs where the right answer must be known. */
public final class Degradations {

  /** Highest sample magnitude a degraded signal keeps, a little below full scale. */
  private static final double CLIP_FREE_PEAK = 0.99;

  private Degradations() {}

  /**
   * The signal plus seeded white Gaussian noise scaled to {@code snrDb} over the whole signal. A
   * sum that would clip is scaled down as a whole, which leaves the SNR (and SI-SDR) unchanged; one
   * that would not is left at the original's level, so loudness differences are the noise's own.
   */
  public static float[] withWhiteNoise(float[] signal, double snrDb, long seed) {
    Random random = new Random(seed);
    double[] noise = new double[signal.length];
    double signalEnergy = 0;
    double noiseEnergy = 0;
    for (int i = 0; i < signal.length; i++) {
      noise[i] = random.nextGaussian();
      signalEnergy += (double) signal[i] * signal[i];
      noiseEnergy += noise[i] * noise[i];
    }
    double gain = Math.sqrt(signalEnergy / noiseEnergy / Math.pow(10, snrDb / 10));
    double[] noisy = new double[signal.length];
    double peak = 0;
    for (int i = 0; i < signal.length; i++) {
      noisy[i] = signal[i] + gain * noise[i];
      peak = Math.max(peak, Math.abs(noisy[i]));
    }
    double scale = peak > CLIP_FREE_PEAK ? CLIP_FREE_PEAK / peak : 1;
    float[] out = new float[signal.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) (scale * noisy[i]);
    }
    return out;
  }

  /**
   * The signal band-limited to {@code cutoffHz}: down to twice that rate and back up with the
   * band-limited resampler, cut to the original length.
   */
  public static float[] lowPass(float[] signal, int sampleRate, int cutoffHz) {
    float[] narrow = Resampler.resample(signal, sampleRate, 2 * cutoffHz);
    return Arrays.copyOf(Resampler.resample(narrow, 2 * cutoffHz, sampleRate), signal.length);
  }
}

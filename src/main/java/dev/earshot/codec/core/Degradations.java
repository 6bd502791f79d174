package dev.earshot.codec.core;

import dev.earshot.audio.decode.Resampler;
import java.util.Arrays;
import java.util.Random;

/** Degradations of known size, standing in for codecs where the right answer must be known. */
public final class Degradations {

  private Degradations() {}

  /**
   * The signal plus seeded white Gaussian noise scaled to {@code snrDb} over the whole signal; the
   * sum is halved against clipping, which leaves the SNR (and SI-SDR) unchanged.
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
    float[] out = new float[signal.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) (0.5 * (signal[i] + gain * noise[i]));
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

package dev.earshot.judge.dsp.paired;

import dev.earshot.audio.decode.DecodedAudio;
import dev.earshot.audio.decode.NativeAudio;
import dev.earshot.testing.SyntheticSpeech;
import java.util.Arrays;

/** Speech-like originals and known "resyntheses" of them at 16 kHz. */
final class PairedSignals {

  static final int RATE = 16_000;

  private PairedSignals() {}

  /** Harmonic speech-like sound (gliding F0, syllable rhythm, fricatives) from 50 Hz to 7 kHz. */
  static float[] speech(double seconds) {
    return SyntheticSpeech.wideband(RATE, seconds, 11);
  }

  static DecodedAudio decoded(float[] samples) {
    return DecodedAudio.of(new NativeAudio(new float[][] {samples}, RATE));
  }

  /** {@code signal} starting {@code samples} later (leading zeros), or earlier when negative. */
  static float[] delayed(float[] signal, int samples) {
    if (samples >= 0) {
      float[] out = new float[signal.length + samples];
      System.arraycopy(signal, 0, out, samples, signal.length);
      return out;
    }
    return Arrays.copyOfRange(signal, -samples, signal.length);
  }

  static float[] scaled(float[] signal, double gain) {
    float[] out = new float[signal.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) (signal[i] * gain);
    }
    return out;
  }

  static double energy(float[] signal) {
    double sum = 0;
    for (float s : signal) {
      sum += (double) s * s;
    }
    return sum;
  }

  /**
   * {@code signal} plus seeded white noise scaled so that the SNR, measured on the noise actually
   * added, is exactly {@code snrDb}.
   */
  static float[] withNoiseAt(float[] signal, double snrDb, long seed) {
    float[] noise = SyntheticSpeech.withNoise(new float[signal.length], 1, seed);
    double gain = Math.sqrt(energy(signal) / energy(noise) / Math.pow(10, snrDb / 10));
    float[] out = new float[signal.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) (signal[i] + gain * noise[i]);
    }
    return out;
  }
}

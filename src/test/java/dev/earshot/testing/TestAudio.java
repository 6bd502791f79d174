package dev.earshot.testing;

import dev.earshot.audio.decode.WavWriter;

/** Small audio files made by the tests themselves. */
public final class TestAudio {

  private TestAudio() {}

  /**
   * A 16-bit mono WAV of a sine tone; the frequency makes each file's bytes (and hash) distinct.
   */
  public static byte[] toneWav(double frequencyHz, double seconds, int sampleRate) {
    int n = (int) Math.round(seconds * sampleRate);
    float[] samples = new float[n];
    for (int i = 0; i < n; i++) {
      samples[i] = (float) (0.3 * Math.sin(2 * Math.PI * frequencyHz * i / sampleRate));
    }
    return WavWriter.pcm16(samples, sampleRate);
  }
}

package dev.earshot.audio.decode;

/**
 * Mono audio as floats in [-1, 1]. The array is shared, not copied: treat it as read-only.
 *
 * @param samples one sample per frame
 * @param sampleRate samples per second
 */
public record MonoAudio(float[] samples, int sampleRate) {

  /** Duration in seconds. */
  public double durationSeconds() {
    return samples.length / (double) sampleRate;
  }
}

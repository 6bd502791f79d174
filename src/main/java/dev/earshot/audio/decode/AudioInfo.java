package dev.earshot.audio.decode;

/**
 * What a validated audio file holds.
 *
 * @param format container format
 * @param sampleRate frames per second
 * @param channels interleaved channels per frame
 * @param bitsPerSample container bits per sample (for FLAC: the stream's bit depth)
 * @param frames number of complete frames (samples per channel)
 */
public record AudioInfo(
    AudioFormat format, int sampleRate, int channels, int bitsPerSample, long frames) {

  /** Duration in seconds. */
  public double durationSeconds() {
    return frames / (double) sampleRate;
  }
}

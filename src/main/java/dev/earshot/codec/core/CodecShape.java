package dev.earshot.codec.core;

/**
 * How a neural codec (speech tokenizer) encodes: {@code codebooks} token streams (residual vector
 * quantiser levels) at {@code frameRate} frames per second, each token one of {@code codebookSize}
 * codes.
 *
 * @param frameRate token frames per second of audio, > 0
 * @param codebooks token streams per frame, >= 1
 * @param codebookSize codes per codebook, >= 2
 */
public record CodecShape(double frameRate, int codebooks, int codebookSize) {

  public CodecShape {
    if (!(frameRate > 0) || !Double.isFinite(frameRate)) {
      throw new IllegalArgumentException("frameRate must be a positive number, got " + frameRate);
    }
    if (codebooks < 1) {
      throw new IllegalArgumentException("codebooks must be at least 1, got " + codebooks);
    }
    if (codebookSize < 2) {
      throw new IllegalArgumentException("codebookSize must be at least 2, got " + codebookSize);
    }
  }

  /**
   * Bits per second of the token streams: frameRate × codebooks × log2(codebookSize), the bitrate
   * codec papers quote (EnCodec 24 kHz with 8 codebooks of 1024 at 75 Hz: 6,000 bit/s).
   */
  public double bitsPerSecond() {
    return frameRate * codebooks * (Math.log(codebookSize) / Math.log(2));
  }
}

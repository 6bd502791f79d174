package dev.earshot.judge.onnx;

/**
 * A stretch of detected speech.
 *
 * @param startSeconds where it starts
 * @param endSeconds where it ends (exclusive)
 */
public record SpeechSegment(double startSeconds, double endSeconds) {

  public SpeechSegment {
    if (!(startSeconds >= 0 && endSeconds >= startSeconds)) {
      throw new IllegalArgumentException(
          "segment must satisfy 0 <= start <= end, got " + startSeconds + " .. " + endSeconds);
    }
  }

  public double durationSeconds() {
    return endSeconds - startSeconds;
  }
}

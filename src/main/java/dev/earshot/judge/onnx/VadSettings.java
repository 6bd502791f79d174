package dev.earshot.judge.onnx;

/**
 * How per-window speech probabilities become speech segments; the {@link #DEFAULTS} are those of
 * Silero's {@code get_speech_timestamps} (with no maximum segment length).
 *
 * @param threshold a window at or above this probability starts (or continues) speech; default 0.5
 * @param negThreshold a window below this ends speech, once the silence has lasted {@code
 *     minSilenceMs}; default 0.35 (Silero's {@code threshold - 0.15})
 * @param minSpeechMs shorter segments are dropped; default 250 ms
 * @param minSilenceMs silence shorter than this does not split a segment; default 100 ms
 * @param speechPadMs each segment is widened by this much on both sides (by half the gap when two
 *     segments are closer than twice this); default 30 ms
 */
public record VadSettings(
    double threshold, double negThreshold, int minSpeechMs, int minSilenceMs, int speechPadMs) {

  public static final VadSettings DEFAULTS = new VadSettings(0.5, 0.35, 250, 100, 30);

  public VadSettings {
    if (!(threshold > 0 && threshold < 1)) {
      throw new IllegalArgumentException("threshold must be in (0, 1), got " + threshold);
    }
    if (!(negThreshold > 0 && negThreshold <= threshold)) {
      throw new IllegalArgumentException(
          "neg threshold must be in (0, threshold = " + threshold + "], got " + negThreshold);
    }
    if (minSpeechMs < 0 || minSilenceMs < 0 || speechPadMs < 0) {
      throw new IllegalArgumentException(
          "durations must not be negative: min speech "
              + minSpeechMs
              + " ms, min silence "
              + minSilenceMs
              + " ms, speech pad "
              + speechPadMs
              + " ms");
    }
  }
}

package dev.earshot.judge.onnx;

import java.util.List;

/**
 * Voice activity of one recording.
 *
 * @param segments speech segments in time order, not overlapping
 * @param durationSeconds length of the recording
 * @param speechFraction share of the recording inside segments, 0 for an empty recording
 * @param pauseCount gaps between consecutive segments (silence before the first and after the last
 *     segment is not a pause)
 * @param longestPauseSeconds the longest such gap, 0 if none
 */
public record VadResult(
    List<SpeechSegment> segments,
    double durationSeconds,
    double speechFraction,
    int pauseCount,
    double longestPauseSeconds) {

  public VadResult {
    segments = List.copyOf(segments);
  }

  /** Derives the summary figures from the segments. */
  static VadResult of(List<SpeechSegment> segments, double durationSeconds) {
    double speech = 0;
    int pauses = 0;
    double longestPause = 0;
    for (int i = 0; i < segments.size(); i++) {
      speech += segments.get(i).durationSeconds();
      if (i > 0) {
        double gap = segments.get(i).startSeconds() - segments.get(i - 1).endSeconds();
        if (gap > 0) {
          pauses++;
          longestPause = Math.max(longestPause, gap);
        }
      }
    }
    double fraction = durationSeconds > 0 ? speech / durationSeconds : 0;
    return new VadResult(segments, durationSeconds, fraction, pauses, longestPause);
  }
}

package dev.earshot.judge.dsp;

import java.util.List;

/**
 * F0 contour produced by {@link PitchTracker}: equally spaced frames, unvoiced ones carrying no F0.
 *
 * @param timeStepSeconds distance between frame centres
 * @param frames frames in time order
 */
public record PitchTrack(double timeStepSeconds, List<PitchFrame> frames) {

  public PitchTrack {
    frames = List.copyOf(frames);
  }

  /** Fraction of frames that are voiced; 0 for an empty track. */
  public double voicedFraction() {
    return frames.isEmpty()
        ? 0
        : (double) frames.stream().filter(PitchFrame::voiced).count() / frames.size();
  }

  /**
   * The frame whose centre is nearest to {@code timeSeconds}, or {@code null} for an empty track.
   */
  public PitchFrame frameAt(double timeSeconds) {
    if (frames.isEmpty()) {
      return null;
    }
    double first = frames.get(0).timeSeconds();
    int index = (int) Math.round((timeSeconds - first) / timeStepSeconds);
    return frames.get(Math.max(0, Math.min(frames.size() - 1, index)));
  }
}

package dev.earshot.judge.dsp;

/**
 * One analysis frame of a {@link PitchTrack}.
 *
 * @param timeSeconds centre of the analysis window
 * @param f0Hz fundamental frequency, or {@code null} when the frame is unvoiced
 * @param voicingStrength normalised autocorrelation of the best periodic candidate (0 = aperiodic,
 *     1 = periodic)
 */
public record PitchFrame(double timeSeconds, Double f0Hz, double voicingStrength) {

  public boolean voiced() {
    return f0Hz != null;
  }
}

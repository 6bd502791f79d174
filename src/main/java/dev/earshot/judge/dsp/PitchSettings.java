package dev.earshot.judge.dsp;

/**
 * Parameters of {@link PitchTracker}; the defaults are Praat's {@code To Pitch (ac)} defaults with
 * a 10 ms time step and a 500 Hz ceiling.
 *
 * @param timeStepSeconds distance between frame centres
 * @param minPitchHz pitch floor; also fixes the analysis window at three periods of it
 * @param maxPitchHz pitch ceiling
 * @param maxCandidates candidates kept per frame, the unvoiced one included
 * @param silenceThreshold frames whose peak is below this fraction of the global peak lean towards
 *     unvoiced
 * @param voicingThreshold normalised autocorrelation a voiced candidate must beat the unvoiced one
 *     with
 * @param octaveCost per-octave bonus favouring high-frequency candidates (against undertones)
 * @param octaveJumpCost path cost per octave of F0 change between adjacent frames
 * @param voicedUnvoicedCost path cost of a voiced/unvoiced transition
 * @param noiseCompensated whether the tracker subtracts the signal's stationary noise floor from
 *     each frame's energy before normalising its autocorrelation (not Praat; see {@link
 *     PitchTracker})
 */
public record PitchSettings(
    double timeStepSeconds,
    double minPitchHz,
    double maxPitchHz,
    int maxCandidates,
    double silenceThreshold,
    double voicingThreshold,
    double octaveCost,
    double octaveJumpCost,
    double voicedUnvoicedCost,
    boolean noiseCompensated) {

  public PitchSettings {
    if (!(timeStepSeconds > 0)) {
      throw new IllegalArgumentException("timeStepSeconds must be positive");
    }
    if (!(minPitchHz > 0) || !(maxPitchHz > minPitchHz)) {
      throw new IllegalArgumentException("need 0 < minPitchHz < maxPitchHz");
    }
    if (maxCandidates < 2) {
      throw new IllegalArgumentException(
          "maxCandidates must be at least 2 (one voiced, one unvoiced)");
    }
  }

  /** Praat's defaults, 10 ms hop, 75–500 Hz. */
  public static PitchSettings defaults() {
    return new PitchSettings(0.01, 75, 500, 15, 0.03, 0.45, 0.01, 0.35, 0.14, false);
  }

  /** These settings with another pitch range. */
  public PitchSettings withRange(double newMinPitchHz, double newMaxPitchHz) {
    return new PitchSettings(
        timeStepSeconds,
        newMinPitchHz,
        newMaxPitchHz,
        maxCandidates,
        silenceThreshold,
        voicingThreshold,
        octaveCost,
        octaveJumpCost,
        voicedUnvoicedCost,
        noiseCompensated);
  }
}

package dev.earshot.judge.dsp;

/** Direction of the final F0 contour of an utterance, as {@link FinalIntonation} decides it. */
public enum Intonation {
  /** Final rise at or above +{@value FinalIntonation#THRESHOLD_SEMITONES} semitone. */
  RISING,
  /** Final rise at or below −{@value FinalIntonation#THRESHOLD_SEMITONES} semitone. */
  FALLING,
  /** Final rise in between. */
  LEVEL,
  /** Too little voiced speech at the end to measure a slope. */
  UNVOICED
}

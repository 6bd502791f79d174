package dev.earshot.judge.dsp;

/** Direction of the final F0 contour of an utterance. */
public enum Intonation {
  /**
   * Final slope at or above +{@value ProsodyAnalyzer#INTONATION_THRESHOLD_ST_PER_S} semitones per
   * second.
   */
  RISING,
  /**
   * Final slope at or below −{@value ProsodyAnalyzer#INTONATION_THRESHOLD_ST_PER_S} semitones per
   * second.
   */
  FALLING,
  /** Final slope in between. */
  LEVEL,
  /** Too little voiced speech at the end to measure a slope. */
  UNVOICED
}

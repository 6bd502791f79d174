package dev.earshot.judge.scoring;

/**
 * Smooth score shapes: judges use these instead of pass/fail steps so that close systems can still
 * be ordered.
 */
final class ScoreCurves {

  private ScoreCurves() {}

  /**
   * The logistic function 1 / (1 + e^−x): ½ at 0, towards 1 for large x and 0 for very negative x.
   */
  static double logistic(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  /** 1 at 0, ½ where |value| = half, then falling off as 1 / (1 + (value / half)²). */
  static double halfAt(double value, double half) {
    double ratio = value / half;
    return 1 / (1 + ratio * ratio);
  }
}

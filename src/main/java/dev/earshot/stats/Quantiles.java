package dev.earshot.stats;

/** Quantiles of sorted samples. */
public final class Quantiles {

  private Quantiles() {}

  /**
   * Linearly interpolated quantile of sorted values (type 7, as numpy and pandas compute it).
   *
   * @param sorted at least one value, in ascending order
   * @param probability in [0, 1]
   */
  public static double ofSorted(double[] sorted, double probability) {
    if (sorted.length == 0) {
      throw new IllegalArgumentException("a quantile needs at least one value");
    }
    double position = probability * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(below + 1, sorted.length - 1);
    return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
  }
}

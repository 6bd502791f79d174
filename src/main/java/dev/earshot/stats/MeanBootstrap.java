package dev.earshot.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The mean of per-item values with a percentile bootstrap interval: items are resampled with
 * replacement {@code rounds} times, each round's mean taken, and the interval read off the sorted
 * round means at the two tails. Seeded: the same values and settings always give the same interval
 * (the thread count of the settings is not used; the rounds are cheap).
 */
public final class MeanBootstrap {

  private MeanBootstrap() {}

  /**
   * A mean and its interval.
   *
   * @param mean the mean of the items
   * @param lower lower end of the two-sided interval (the mean itself with 0 rounds or one item)
   * @param upper upper end of the interval
   * @param n number of items
   */
  public record MeanInterval(double mean, double lower, double upper, int n) {}

  /**
   * The mean of {@code values} with a {@code settings.confidenceLevel()} percentile interval.
   *
   * @param values at least one finite value per item
   */
  public static MeanInterval of(double[] values, BootstrapSettings settings) {
    if (values.length == 0) {
      throw new IllegalArgumentException("a mean needs at least one value");
    }
    double mean = mean(values);
    if (settings.rounds() == 0 || values.length == 1) {
      return new MeanInterval(mean, mean, mean, values.length);
    }
    SplittableRandom random = new SplittableRandom(settings.seed());
    double[] roundMeans = new double[settings.rounds()];
    for (int round = 0; round < roundMeans.length; round++) {
      double sum = 0;
      for (int i = 0; i < values.length; i++) {
        sum += values[random.nextInt(values.length)];
      }
      roundMeans[round] = sum / values.length;
    }
    Arrays.sort(roundMeans);
    double tail = (1 - settings.confidenceLevel()) / 2;
    return new MeanInterval(
        mean,
        Quantiles.ofSorted(roundMeans, tail),
        Quantiles.ofSorted(roundMeans, 1 - tail),
        values.length);
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double value : values) {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("values must be finite, got " + value);
      }
      sum += value;
    }
    return sum / values.length;
  }
}

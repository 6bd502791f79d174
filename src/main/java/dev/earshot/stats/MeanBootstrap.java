package dev.earshot.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap interval of a mean over items: resample the items with replacement {@code
 * rounds} times from a generator seeded with {@code seed}, take each resample's mean, and read the
 * interval's ends at the quantiles (1 ± level) / 2 of those means.
 */
public final class MeanBootstrap {

  /**
   * A mean with its interval.
   *
   * @param mean the items' mean
   * @param low lower end of the interval
   * @param high upper end of the interval
   * @param count number of items
   */
  public record MeanInterval(double mean, double low, double high, int count) {}

  private MeanBootstrap() {}

  /**
   * The mean of {@code values} with its percentile interval; a single item gives a zero-width
   * interval.
   *
   * @throws IllegalArgumentException without values, with fewer than one round or a level outside
   *     (0, 1)
   */
  public static MeanInterval of(double[] values, int rounds, long seed, double confidenceLevel) {
    if (values.length == 0 || rounds < 1 || !(confidenceLevel > 0 && confidenceLevel < 1)) {
      throw new IllegalArgumentException(
          "Need at least one value, rounds >= 1 and 0 < confidenceLevel < 1");
    }
    double mean = Arrays.stream(values).average().orElseThrow();
    SplittableRandom random = new SplittableRandom(seed);
    double[] means = new double[rounds];
    for (int round = 0; round < rounds; round++) {
      double sum = 0;
      for (int i = 0; i < values.length; i++) {
        sum += values[random.nextInt(values.length)];
      }
      means[round] = sum / values.length;
    }
    Arrays.sort(means);
    double tail = (1 - confidenceLevel) / 2;
    return new MeanInterval(
        mean, Quantiles.ofSorted(means, tail), Quantiles.ofSorted(means, 1 - tail), values.length);
  }
}

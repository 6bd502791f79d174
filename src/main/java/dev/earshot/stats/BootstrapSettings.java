package dev.earshot.stats;

/**
 * Settings of the vote bootstrap behind the leaderboard's confidence intervals.
 *
 * @param rounds resamples (default 1000); 0 skips the bootstrap and takes Wald normal intervals
 *     instead
 * @param seed master seed; round r uses its own generator derived from it, so results do not depend
 *     on {@code threads}
 * @param threads worker threads (default: available processors)
 * @param confidenceLevel two-sided level of the percentile intervals (default 0.95)
 * @param degenerateRoundRidge ridge used for a resample whose maximum likelihood is at infinity
 *     (e.g. a rarely compared system drew only wins); such a round yields a very large but finite
 *     strength, which widens the interval as it should (default 1e-6)
 */
public record BootstrapSettings(
    int rounds, long seed, int threads, double confidenceLevel, double degenerateRoundRidge) {

  public static final int DEFAULT_ROUNDS = 1000;
  public static final double DEFAULT_CONFIDENCE_LEVEL = 0.95;
  public static final double DEFAULT_DEGENERATE_ROUND_RIDGE = 1e-6;

  public BootstrapSettings {
    if (rounds < 0
        || threads < 1
        || !(confidenceLevel > 0 && confidenceLevel < 1)
        || !(degenerateRoundRidge > 0)) {
      throw new IllegalArgumentException(
          "Need rounds >= 0, threads >= 1, 0 < confidenceLevel < 1 and degenerateRoundRidge > 0");
    }
  }

  /** Defaults with the given seed. */
  public static BootstrapSettings seeded(long seed) {
    return new BootstrapSettings(
        DEFAULT_ROUNDS,
        seed,
        Runtime.getRuntime().availableProcessors(),
        DEFAULT_CONFIDENCE_LEVEL,
        DEFAULT_DEGENERATE_ROUND_RIDGE);
  }

  public BootstrapSettings withRounds(int newRounds) {
    return new BootstrapSettings(newRounds, seed, threads, confidenceLevel, degenerateRoundRidge);
  }

  public BootstrapSettings withThreads(int newThreads) {
    return new BootstrapSettings(rounds, seed, newThreads, confidenceLevel, degenerateRoundRidge);
  }

  public BootstrapSettings withConfidenceLevel(double newConfidenceLevel) {
    return new BootstrapSettings(rounds, seed, threads, newConfidenceLevel, degenerateRoundRidge);
  }
}

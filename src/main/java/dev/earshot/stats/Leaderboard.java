package dev.earshot.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Builds the leaderboard: Bradley–Terry point estimate, Wald standard errors, seeded vote-bootstrap
 * percentile intervals and rank upper bounds (as Chatbot Arena shows them).
 */
public final class Leaderboard {

  private Leaderboard() {}

  /**
   * Bootstrap rounds run on a pool made for this call.
   *
   * @throws NonIdentifiableRatingsException when the model has no ridge and the data have no finite
   *     MLE
   */
  public static LeaderboardResult compute(
      PairwiseCounts counts,
      BradleyTerryModel model,
      RatingScale scale,
      BootstrapSettings bootstrap) {
    return compute(counts, model, scale, bootstrap, null);
  }

  /**
   * Bootstrap rounds run on the given shared pool (a service's one bounded pool, so that concurrent
   * requests queue instead of each starting threads); null: a pool made for this call.
   *
   * @throws NonIdentifiableRatingsException when the model has no ridge and the data have no finite
   *     MLE
   */
  public static LeaderboardResult compute(
      PairwiseCounts counts,
      BradleyTerryModel model,
      RatingScale scale,
      BootstrapSettings bootstrap,
      ExecutorService pool) {
    List<String> systems = counts.systems();
    int k = systems.size();
    BradleyTerryFit fit = model.fit(counts);
    double[] ratings = scale.ratings(systems, fit.logStrengths());
    double[] standardErrors = scale.standardErrors(systems, fit.covarianceMatrix());
    double[] ciLow = new double[k];
    double[] ciHigh = new double[k];
    double[] bootstrapErrors = new double[k];
    int regularisedRounds = 0;
    if (bootstrap.rounds() > 0) {
      VoteBootstrap.Samples samples = VoteBootstrap.run(counts, model, fit, bootstrap, pool);
      regularisedRounds = samples.regularisedRounds();
      double[][] roundRatings =
          Arrays.stream(samples.logStrengths())
              .map(logStrengths -> scale.ratings(systems, logStrengths))
              .toArray(double[][]::new);
      double tail = (1 - bootstrap.confidenceLevel()) / 2;
      for (int system = 0; system < k; system++) {
        double[] values = column(roundRatings, system);
        Arrays.sort(values);
        ciLow[system] = Quantiles.ofSorted(values, tail);
        ciHigh[system] = Quantiles.ofSorted(values, 1 - tail);
        bootstrapErrors[system] = standardDeviation(values);
      }
    } else {
      double z =
          new NormalDistribution()
              .inverseCumulativeProbability((1 + bootstrap.confidenceLevel()) / 2);
      for (int system = 0; system < k; system++) {
        ciLow[system] = ratings[system] - z * standardErrors[system];
        ciHigh[system] = ratings[system] + z * standardErrors[system];
        bootstrapErrors[system] = Double.NaN;
      }
    }
    List<LeaderboardRow> rows = new ArrayList<>(k);
    for (int system = 0; system < k; system++) {
      PairwiseCounts.SystemTally tally = counts.tally(system);
      rows.add(
          new LeaderboardRow(
              systems.get(system),
              ratings[system],
              standardErrors[system],
              bootstrapErrors[system],
              ciLow[system],
              ciHigh[system],
              rankUpperBound(system, ciLow, ciHigh),
              tally.battles(),
              tally.wins(),
              tally.losses(),
              tally.ties(),
              tally.bothBad()));
    }
    rows.sort(
        Comparator.comparingDouble(LeaderboardRow::rating)
            .reversed()
            .thenComparing(LeaderboardRow::system));
    return new LeaderboardResult(rows, fit, bootstrap.rounds(), regularisedRounds);
  }

  private static int rankUpperBound(int system, double[] ciLow, double[] ciHigh) {
    int rank = 1;
    for (int other = 0; other < ciLow.length; other++) {
      if (ciLow[other] > ciHigh[system]) {
        rank++;
      }
    }
    return rank;
  }

  private static double[] column(double[][] rows, int column) {
    double[] values = new double[rows.length];
    for (int row = 0; row < rows.length; row++) {
      values[row] = rows[row][column];
    }
    return values;
  }

  private static double standardDeviation(double[] values) {
    if (values.length < 2) {
      return Double.NaN;
    }
    double mean = Arrays.stream(values).average().orElseThrow();
    double sumOfSquares = 0;
    for (double value : values) {
      sumOfSquares += (value - mean) * (value - mean);
    }
    return Math.sqrt(sumOfSquares / (values.length - 1));
  }
}

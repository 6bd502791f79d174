package dev.earshot.bench;

import dev.earshot.stats.BootstrapSettings;
import dev.earshot.stats.BradleyTerryFit;
import dev.earshot.stats.BradleyTerryModel;
import dev.earshot.stats.Leaderboard;
import dev.earshot.stats.LeaderboardResult;
import dev.earshot.stats.Outcome;
import dev.earshot.stats.PairwiseCounts;
import dev.earshot.stats.RatingScale;
import dev.earshot.stats.TieModel;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The leaderboard over 50 systems and 1,000,000 simulated votes ({@link SimulatedVotes}, aggregated
 * in the set-up): the full {@code Leaderboard.compute} with 1000 bootstrap rounds on 2 threads, its
 * point fit alone, the aggregation of the individual votes into {@code PairwiseCounts}, and, for
 * comparison, the FastChat way: a logistic regression over every vote ({@link
 * PerVoteLogisticRegression}), alone and as one round of a per-vote bootstrap (resample 1,000,000
 * votes, refit).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class LeaderboardBenchmark {

  static final int SYSTEMS = 50;
  static final int VOTES = 1_000_000;
  static final int BOOTSTRAP_ROUNDS = 1000;
  static final int BOOTSTRAP_THREADS = 2;
  static final long SEED = 20_251_126L;

  /**
   * The per-vote and the aggregated fit must agree this closely (log-strength units) or the set-up
   * fails.
   */
  static final double AGREEMENT_TOLERANCE = 1e-6;

  private SimulatedVotes votes;
  private PairwiseCounts counts;
  private double[] scoreA;
  private SplittableRandom resampling;

  @Setup
  public void simulate() {
    votes = new SimulatedVotes(SYSTEMS, VOTES, SEED);
    counts = votes.aggregate();
    scoreA = new double[VOTES];
    for (int v = 0; v < VOTES; v++) {
      scoreA[v] = score(votes.outcomes[v]);
    }
    resampling = new SplittableRandom(SEED);
    requirePerVoteFitAgrees();
  }

  /**
   * The rating model, by tie model; only the benchmarks that take it as an argument run once per
   * value.
   */
  @State(Scope.Benchmark)
  public static class RatingModel {
    @Param({"HALF_WIN", "DAVIDSON"})
    public TieModel tieModel;

    private BradleyTerryModel model;

    @Setup
    public void choose() {
      model =
          tieModel == TieModel.DAVIDSON
              ? BradleyTerryModel.davidson()
              : BradleyTerryModel.halfWin();
    }
  }

  @Benchmark
  public LeaderboardResult leaderboard(RatingModel rating) {
    BootstrapSettings bootstrap =
        BootstrapSettings.seeded(SEED).withRounds(BOOTSTRAP_ROUNDS).withThreads(BOOTSTRAP_THREADS);
    return Leaderboard.compute(counts, rating.model, RatingScale.elo(), bootstrap);
  }

  @Benchmark
  public BradleyTerryFit pointFit(RatingModel rating) {
    return rating.model.fit(counts);
  }

  @Benchmark
  public PairwiseCounts aggregateVotes() {
    return votes.aggregate();
  }

  @Benchmark
  public double[] perVoteFit() {
    return PerVoteLogisticRegression.fit(SYSTEMS, votes.systemA, votes.systemB, scoreA);
  }

  @Benchmark
  public double[] perVoteBootstrapRound() {
    int[] systemA = new int[VOTES];
    int[] systemB = new int[VOTES];
    double[] resampledScore = new double[VOTES];
    for (int v = 0; v < VOTES; v++) {
      int drawn = resampling.nextInt(VOTES);
      systemA[v] = votes.systemA[drawn];
      systemB[v] = votes.systemB[drawn];
      resampledScore[v] = scoreA[drawn];
    }
    return PerVoteLogisticRegression.fit(SYSTEMS, systemA, systemB, resampledScore);
  }

  private static double score(Outcome outcome) {
    return switch (outcome) {
      case A_WINS -> 1;
      case B_WINS -> 0;
      case TIE, BOTH_BAD -> 0.5;
    };
  }

  /** The comparison is only fair if both ways fit the same model to the same votes. */
  private void requirePerVoteFitAgrees() {
    double[] aggregated = BradleyTerryModel.halfWin().fit(counts).logStrengths();
    double[] perVote = perVoteFit();
    int[] countsIndex = new int[SYSTEMS];
    for (int s = 0; s < SYSTEMS; s++) {
      countsIndex[s] = counts.systems().indexOf(votes.names[s]);
    }
    for (int s = 0; s < SYSTEMS; s++) {
      if (Math.abs(perVote[s] - aggregated[countsIndex[s]]) > AGREEMENT_TOLERANCE) {
        throw new IllegalStateException(
            "Per-vote and aggregated fits disagree for "
                + votes.names[s]
                + ": "
                + perVote[s]
                + " vs "
                + aggregated[countsIndex[s]]);
      }
    }
  }
}

package dev.earshot.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Nonparametric bootstrap over votes on aggregated counts: each round draws the total number of
 * votes multinomially over the (pair, outcome) cells — outcome being first wins, second wins, tie
 * (both-bad folded in) — with probabilities proportional to the observed counts, and refits
 * warm-started from the point estimate. Round r draws from its own generator seeded by the r-th
 * number of the master seed's stream, so the samples are identical for any thread count.
 */
final class VoteBootstrap {

  /**
   * @param logStrengths per round, the fitted log-strengths (only differences are meaningful)
   * @param regularisedRounds rounds fitted with the degenerate-round ridge
   */
  record Samples(double[][] logStrengths, int regularisedRounds) {}

  private final PairwiseCounts counts;
  private final BradleyTerryModel model;
  private final BootstrapSettings settings;
  private final long[] roundSeeds;
  private final double[] warmStart;
  private final long[] cellWeights;
  private final double[][] logStrengths;
  private final boolean[] regularised;

  private VoteBootstrap(
      PairwiseCounts counts,
      BradleyTerryModel model,
      BradleyTerryFit pointFit,
      BootstrapSettings settings) {
    this.counts = counts;
    this.model = model;
    this.settings = settings;
    roundSeeds = new SplittableRandom(settings.seed()).longs(settings.rounds()).toArray();
    warmStart = model.parameters(pointFit);
    cellWeights = cellWeights(counts);
    logStrengths = new double[settings.rounds()][];
    regularised = new boolean[settings.rounds()];
  }

  /**
   * @param pool where the rounds run, in {@code settings.threads()} tasks; null: a pool made for
   *     this call
   */
  static Samples run(
      PairwiseCounts counts,
      BradleyTerryModel model,
      BradleyTerryFit pointFit,
      BootstrapSettings settings,
      ExecutorService pool) {
    return new VoteBootstrap(counts, model, pointFit, settings).run(pool);
  }

  private Samples run(ExecutorService pool) {
    int threads = Math.min(settings.threads(), Math.max(1, settings.rounds()));
    if (threads == 1) {
      runRounds(0, 1);
    } else {
      ExecutorService executor = pool == null ? Executors.newFixedThreadPool(threads) : pool;
      try {
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int worker = 0; worker < threads; worker++) {
          int firstRound = worker;
          tasks.add(
              () -> {
                runRounds(firstRound, threads);
                return null;
              });
        }
        for (Future<Void> done : executor.invokeAll(tasks)) {
          done.get();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Bootstrap interrupted", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("Bootstrap round failed", e.getCause());
      } finally {
        if (pool == null) {
          executor.shutdownNow();
        }
      }
    }
    int regularisedRounds = 0;
    for (boolean flag : regularised) {
      regularisedRounds += flag ? 1 : 0;
    }
    return new Samples(logStrengths, regularisedRounds);
  }

  /** Rounds firstRound, firstRound + stride, ...; each writes only its own slots. */
  private void runRounds(int firstRound, int stride) {
    long totalVotes = counts.totalVotes();
    for (int round = firstRound; round < settings.rounds(); round += stride) {
      long[] draws =
          BinomialSampler.multinomial(
              totalVotes, cellWeights, new SplittableRandom(roundSeeds[round]));
      PairwiseCounts resampled = resampledCounts(counts, draws);
      double ridge = model.ridge();
      if (ridge == 0 && !model.isIdentifiable(resampled)) {
        ridge = settings.degenerateRoundRidge();
        regularised[round] = true;
      }
      double[] parameters = model.refit(resampled, warmStart, ridge);
      logStrengths[round] = Arrays.copyOf(parameters, counts.systemCount());
    }
  }

  /** Cells in order pair 0 (first wins, second wins, ties), pair 1 (...), ... */
  private static long[] cellWeights(PairwiseCounts counts) {
    long[] weights = new long[3 * counts.pairCount()];
    for (int pair = 0; pair < counts.pairCount(); pair++) {
      weights[3 * pair] = counts.winsFirst(pair);
      weights[3 * pair + 1] = counts.winsSecond(pair);
      weights[3 * pair + 2] = counts.modelTies(pair);
    }
    return weights;
  }

  private static PairwiseCounts resampledCounts(PairwiseCounts counts, long[] draws) {
    int pairs = counts.pairCount();
    long[] winsFirst = new long[pairs];
    long[] winsSecond = new long[pairs];
    long[] ties = new long[pairs];
    for (int pair = 0; pair < pairs; pair++) {
      winsFirst[pair] = draws[3 * pair];
      winsSecond[pair] = draws[3 * pair + 1];
      ties[pair] = draws[3 * pair + 2];
    }
    return counts.withCounts(winsFirst, winsSecond, ties);
  }
}

package dev.earshot.reward.core;

import java.util.List;

/** How a batch's combined scores become rewards. */
public sealed interface Normalisation {

  /** Rewards for the batch's scores, in the same order. */
  List<Double> apply(List<Double> scores);

  /** Stable description, part of the profile fingerprint. */
  String canonical();

  /** Rewards are the combined scores. */
  record None() implements Normalisation {
    @Override
    public List<Double> apply(List<Double> scores) {
      return scores;
    }

    @Override
    public String canonical() {
      return "none";
    }
  }

  /**
   * Rewards are z-scores within the request's batch, with the population standard deviation
   * (divided by n). A batch without spread (one item, or equal scores up to rounding noise of 1e-12
   * relative) gets rewards of 0: it carries no signal about which response is better.
   */
  record BatchZScore() implements Normalisation {
    private static final double RELATIVE_NOISE = 1e-12;

    @Override
    public List<Double> apply(List<Double> scores) {
      double mean = scores.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
      double variance =
          scores.stream().mapToDouble(s -> (s - mean) * (s - mean)).average().orElseThrow();
      double deviation = Math.sqrt(variance);
      if (deviation <= RELATIVE_NOISE * Math.max(1, Math.abs(mean))) {
        return scores.stream().map(s -> 0.0).toList();
      }
      return scores.stream().map(s -> (s - mean) / deviation).toList();
    }

    @Override
    public String canonical() {
      return "batch-z-score";
    }
  }

  /** Rewards are the combined scores clamped to [min, max]. */
  record Clip(double min, double max) implements Normalisation {
    public Clip {
      if (!(min < max)) {
        throw new IllegalArgumentException("Clip needs min < max");
      }
    }

    @Override
    public List<Double> apply(List<Double> scores) {
      return scores.stream().map(s -> Math.min(max, Math.max(min, s))).toList();
    }

    @Override
    public String canonical() {
      return "clip:" + min + ":" + max;
    }
  }
}

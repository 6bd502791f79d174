package dev.earshot.reward.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the judges' scores of a batch into the reward response of one {@link RewardProfile}.
 *
 * <p>An item's combined score is the weighted mean over the profile's dimensions that have a score
 * for it: a missing dimension drops out and the remaining weights are renormalised, so a judge that
 * could not score an item neither rewards nor punishes it. An item with no score at all, a score
 * that is not finite, or a dimension the profile does not know is a bug upstream and fails the
 * whole batch.
 *
 * <p>{@code extra_logs} holds only numbers, because OpenRLHF turns every value into a tensor and a
 * null stops training: per dimension, each item's score or {@link #NOT_SCORED} where the judge gave
 * none, and a companion {@code <dimension>/scored} list of 1 (scored) or 0 (stand-in). Because the
 * stand-in is 0, {@code sum(dimension) / sum(dimension/scored)} is the mean over scored items.
 */
public final class RewardCombiner {

  /** The stand-in score of a dimension that its judge did not score for an item. */
  public static final double NOT_SCORED = 0.0;

  /** Suffix of the 0/1 companion key that tells a real score from the stand-in. */
  public static final String SCORED_SUFFIX = "/scored";

  private final RewardProfile profile;

  public RewardCombiner(RewardProfile profile) {
    this.profile = profile;
  }

  /**
   * Builds the response for a batch.
   *
   * @param scoresPerItem per item, in request order, the judges' scores by dimension (any subset of
   *     the profile's dimensions, at least one); an empty batch gets empty lists under the same
   *     keys
   */
  public RewardResponse combine(List<Map<String, Double>> scoresPerItem) {
    List<Double> combined = new ArrayList<>(scoresPerItem.size());
    for (int i = 0; i < scoresPerItem.size(); i++) {
      combined.add(weightedMean(i, scoresPerItem.get(i)));
    }
    // Normalising nothing is nothing; a batch z-score has no mean to take.
    List<Double> rewards = combined.isEmpty() ? combined : profile.normalisation().apply(combined);
    Map<String, List<Double>> extraLogs = new LinkedHashMap<>();
    for (String dimension : profile.weights().keySet()) {
      List<Double> perItem = new ArrayList<>(scoresPerItem.size());
      List<Double> scored = new ArrayList<>(scoresPerItem.size());
      for (Map<String, Double> scores : scoresPerItem) {
        Double score = scores.get(dimension);
        perItem.add(score == null ? NOT_SCORED : round(score));
        scored.add(score == null ? 0.0 : 1.0);
      }
      extraLogs.put(dimension, List.copyOf(perItem));
      extraLogs.put(dimension + SCORED_SUFFIX, List.copyOf(scored));
    }
    return new RewardResponse(
        rewards.stream().map(this::round).toList(),
        combined.stream().map(this::round).toList(),
        Collections.unmodifiableMap(extraLogs));
  }

  private double weightedMean(int item, Map<String, Double> scores) {
    double weightedSum = 0;
    double weightSum = 0;
    for (Map.Entry<String, Double> score : scores.entrySet()) {
      Double weight = profile.weights().get(score.getKey());
      if (weight == null) {
        throw new IllegalArgumentException(
            "item %d: dimension '%s' is not in profile '%s'"
                .formatted(item, score.getKey(), profile.name()));
      }
      if (score.getValue() == null || !Double.isFinite(score.getValue())) {
        throw new IllegalArgumentException(
            "item %d: dimension '%s' has no finite score".formatted(item, score.getKey()));
      }
      weightedSum += weight * score.getValue();
      weightSum += weight;
    }
    if (weightSum == 0) {
      throw new IllegalArgumentException(
          "item %d has no score for any dimension of profile '%s'".formatted(item, profile.name()));
    }
    return weightedSum / weightSum;
  }

  private double round(double value) {
    return BigDecimal.valueOf(value)
        .setScale(profile.decimals(), RoundingMode.HALF_EVEN)
        .doubleValue();
  }
}

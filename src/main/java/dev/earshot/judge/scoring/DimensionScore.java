package dev.earshot.judge.scoring;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A judge's verdict on one dimension of one response.
 *
 * @param dimension the dimension scored
 * @param score 0 (worst) to 1 (best)
 * @param reason one line a person can read, naming the measurements behind the score
 * @param details the measurements by name, in the order the judge reports them
 */
public record DimensionScore(
    String dimension, double score, String reason, Map<String, Object> details) {

  public DimensionScore {
    Objects.requireNonNull(dimension, "dimension");
    Objects.requireNonNull(reason, "reason");
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score must lie in [0, 1], got " + score);
    }
    details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }
}

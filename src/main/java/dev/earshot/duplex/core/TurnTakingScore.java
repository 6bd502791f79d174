package dev.earshot.duplex.core;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * A dialogue's turn-taking as one score in [0, 1], 1 best: the mean of the factors that apply.
 *
 * <ul>
 *   <li><b>latency</b> (when the model answered at least one turn): logistic((mid − median latency)
 *       / scale); answering sooner scores higher, answering before the user has finished is charged
 *       to the interruption factor;
 *   <li><b>interruption</b> (always, given user speech): 1 − interruptions / user segments, not
 *       below 0;
 *   <li><b>yielding</b> (when the user barged in): the share of barge-ins after which the model
 *       stopped within 1 s.
 * </ul>
 *
 * @param latencyFactor null without turns
 * @param interruptionFactor 1 without interruptions
 * @param yieldFactor null without barge-ins
 * @param score mean of the factors present
 */
public record TurnTakingScore(
    Double latencyFactor, double interruptionFactor, Double yieldFactor, double score) {

  /**
   * @param latencyMidSeconds median latency scoring 0.5
   * @param latencyScaleSeconds latency change per logit, above 0
   */
  public record Settings(double latencyMidSeconds, double latencyScaleSeconds) {

    public static final Settings DEFAULTS = new Settings(1.0, 0.25);

    public Settings {
      if (!(latencyScaleSeconds > 0)) {
        throw new IllegalArgumentException("latencyScaleSeconds must be above 0");
      }
    }
  }

  /**
   * The score of a measured dialogue; empty when the user never speaks (nothing to take turns on).
   */
  public static Optional<TurnTakingScore> of(DuplexTiming timing, Settings settings) {
    if (timing.user().isEmpty()) {
      return Optional.empty();
    }
    Double median = timing.latencySeconds().median();
    Double latency =
        median == null
            ? null
            : 1
                / (1
                    + Math.exp(
                        -(settings.latencyMidSeconds() - median) / settings.latencyScaleSeconds()));
    double interruption = Math.max(0, 1 - timing.interruptions() / (double) timing.user().size());
    Double yielding = timing.yieldedWithin1s();
    double score =
        Stream.of(latency, interruption, yielding)
            .filter(factor -> factor != null)
            .mapToDouble(Double::doubleValue)
            .average()
            .orElseThrow();
    return Optional.of(new TurnTakingScore(latency, interruption, yielding, score));
  }
}

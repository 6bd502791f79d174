package dev.earshot.reward;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Data and results of a finished training: stored as JSON in {@link RewardModelTraining#metrics}
 * and shown by the API as stored.
 */
@Schema(name = "RewardModelMetrics")
public record TrainingMetrics(
    @Schema(description = "pairs with a winner (ties and both-bad left out)") int pairs,
    @Schema(description = "pairs left out because they were ties or both bad") int excludedPairs,
    int trainingPairs,
    int heldOutPairs,
    @Schema(description = "distinct responses measured") int responses,
    @Schema(description = "the network, which becomes the judge") Accuracy network,
    @Schema(description = "the linear Bradley–Terry baseline on the same features") Accuracy linear,
    @Schema(description = "the baseline's weight per standardised feature, in feature order")
        List<FeatureWeight> linearWeights,
    @Schema(description = "seconds spent measuring the responses") double featureSeconds,
    @Schema(description = "seconds spent training both models") double trainingSeconds,
    @Schema(description = "where the network ran: cpu() or gpu(n)") String device) {

  /**
   * How well a model ranks pairs: the share whose chosen response gets the higher utility.
   *
   * @param trainingAccuracy on the pairs it was fitted on
   * @param heldOutAccuracy on the held-out prompts' pairs; null without any
   * @param trainingLoss mean −log σ(s_chosen − s_rejected) over the training pairs
   */
  @Schema(name = "RewardModelAccuracy")
  public record Accuracy(double trainingAccuracy, Double heldOutAccuracy, double trainingLoss) {}

  /** A linear weight on one standardised feature. */
  @Schema(name = "RewardModelFeatureWeight")
  public record FeatureWeight(String feature, double weight) {}
}

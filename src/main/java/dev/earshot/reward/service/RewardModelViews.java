package dev.earshot.reward.service;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the reward-model API takes and shows. */
public final class RewardModelViews {

  private RewardModelViews() {}

  /** A training request; absent values take the defaults documented on each field. */
  @Schema(name = "NewRewardModel")
  public record NewRewardModel(
      @Schema(
              required = true,
              description =
                  "id of the judge it becomes: lower-case letters, digits, inner hyphens; a"
                      + " reward-model judge of this name gets a new version")
          String name,
      @Schema(description = "only pairs on this dataset's prompts; absent: every dataset")
          String dataset,
      @Schema(
              description = "the dimension voted on, also the judge's dimension",
              defaultValue = "overall")
          String dimension,
      @Schema(
              description =
                  "whose preferences: humans, judges, judge:<id>, judge:<id>@<version> or"
                      + " rater:<name>",
              defaultValue = "humans")
          String source,
      @Schema(description = "Adam steps, one mini-batch of 64 pairs each", defaultValue = "200")
          Integer steps,
      @Schema(description = "width of the hidden layer", defaultValue = "32") Integer hiddenUnits,
      @Schema(description = "Adam's learning rate", defaultValue = "0.01") Double learningRate,
      @Schema(
              description = "share of prompts whose pairs are held out, in [0, 0.9]",
              defaultValue = "0.2")
          Double holdoutFraction,
      @Schema(
              description = "seeds the split, the initialisation and the batches",
              defaultValue = "1")
          Long seed) {}

  /** A training's settings with every default filled in, as stored. */
  @Schema(name = "RewardModelConfig")
  public record RewardModelConfig(
      String name,
      String dataset,
      String dimension,
      String source,
      int steps,
      int hiddenUnits,
      double learningRate,
      double holdoutFraction,
      long seed) {}

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

  /** Data and results of a finished training. */
  @Schema(name = "RewardModelMetrics")
  public record TrainingMetrics(
      @Schema(description = "pairs with a winner (ties and both-bad left out)") int pairs,
      @Schema(description = "pairs left out because they were ties or both bad") int excludedPairs,
      int trainingPairs,
      int heldOutPairs,
      @Schema(description = "distinct responses measured") int responses,
      @Schema(description = "the network, which becomes the judge") Accuracy network,
      @Schema(description = "the linear Bradley–Terry baseline on the same features")
          Accuracy linear,
      @Schema(description = "the baseline's weight per standardised feature, in feature order")
          List<FeatureWeight> linearWeights,
      @Schema(description = "seconds spent measuring the responses") double featureSeconds,
      @Schema(description = "seconds spent training both models") double trainingSeconds,
      @Schema(description = "where the network ran: cpu() or gpu(n)") String device) {}

  /** A training as the API shows it. */
  @Schema(name = "RewardModelTraining")
  public record TrainingView(
      long id,
      @Schema(enumeration = {"queued", "running", "succeeded", "failed"}) String status,
      @Schema(description = "training steps done") int step,
      int totalSteps,
      RewardModelConfig config,
      @Schema(description = "present once trained") TrainingMetrics metrics,
      @Schema(description = "the judge version it produced, as id@version") String judge,
      String error,
      OffsetDateTime createdAt,
      OffsetDateTime startedAt,
      OffsetDateTime finishedAt) {}
}

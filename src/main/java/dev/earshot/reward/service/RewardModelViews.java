package dev.earshot.reward.service;

import dev.earshot.reward.RewardModelConfig;
import dev.earshot.reward.TrainingMetrics;
import java.time.OffsetDateTime;
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
                  "whose preferences: humans (people's votes only), simulated (simulated"
                      + " raters' votes, such as the demo data set's: used only when asked for),"
                      + " judges, judge:<id>, judge:<id>@<version>, rater:<name> or"
                      + " simulated:<name>",
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

package dev.earshot.reward.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.earshot.dataset.manifest.PromptExpectations;
import dev.earshot.judge.scoring.DimensionScore;
import dev.earshot.judge.scoring.JudgeDefinition;
import dev.earshot.judge.scoring.JudgeInput;
import dev.earshot.judge.scoring.JudgeKind;
import dev.earshot.judge.scoring.JudgeParameters;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RewardModelJudgeTest {

  private static final int HIDDEN = 8;

  @TempDir Path folder;

  private final ResponseFeatureVector vector = new ResponseFeatureVector();

  /** A network trained on random vectors of the real feature length: having text wins. */
  private TrainingResult train() {
    Random random = new Random(5);
    int hasText = vector.names().indexOf("has_text");
    List<PreferencePair> pairs = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      double[] with = new double[vector.size()];
      double[] without = new double[vector.size()];
      for (int j = 0; j < vector.size(); j++) {
        with[j] = random.nextGaussian();
        without[j] = random.nextGaussian();
      }
      with[hasText] = 1;
      without[hasText] = 0;
      pairs.add(new PreferencePair("p" + (i % 10), with, without));
    }
    return RewardModelTrainer.train(
        HeldOutSplit.byGroup(pairs, 0, 1),
        vector.size(),
        new TrainingSettings(100, HIDDEN, 0.01, 64, 1),
        folder,
        (done, total, loss) -> {});
  }

  private JudgeDefinition definition(List<String> features, FeatureScaler scaler) {
    return new JudgeDefinition(
        "learnt",
        JudgeKind.REWARD_MODEL,
        List.of("overall"),
        "test",
        new JudgeParameters(
            "learnt",
            RewardModelJudge.parameters(
                RewardNetwork.PARAMETERS_FILE, HIDDEN, features, scaler, Map.of("id", 1))),
        "v1");
  }

  @Test
  void shouldScoreAResponseAsTheSigmoidOfItsLearntUtility() {
    TrainingResult result = train();
    Path model = folder.resolve(RewardNetwork.PARAMETERS_FILE);
    JudgeDefinition definition = definition(vector.names(), result.scaler());
    assertThat(RewardModelJudge.unavailableReason(definition, model)).isNull();

    try (RewardModelJudge judge = RewardModelJudge.load(definition, model)) {
      DimensionScore withText =
          judge.score(new JudgeInput(PromptExpectations.none(), null, "Hello.", null, null));
      DimensionScore withoutText =
          judge.score(new JudgeInput(PromptExpectations.none(), null, null, null, null));

      assertThat(withText.dimension()).isEqualTo("overall");
      assertThat(withText.score())
          .isGreaterThan(withoutText.score())
          .isCloseTo(
              LinearBradleyTerry.sigmoid((Double) withText.details().get("utility")), within(1e-9));
      assertThat(withText.details()).containsEntry("has_text", 1.0).containsEntry("snr_db", null);
      assertThat(withText.reason()).startsWith("learnt utility");
    }
  }

  @Test
  void shouldNotRunWithoutItsModelOrOnOtherFeatures() {
    TrainingResult result = train();
    Path model = folder.resolve(RewardNetwork.PARAMETERS_FILE);
    List<String> renamed = new ArrayList<>(vector.names());
    renamed.set(0, "length_s");

    assertThat(
            RewardModelJudge.unavailableReason(
                definition(vector.names(), result.scaler()), folder.resolve("gone.params")))
        .contains("not found");
    assertThat(RewardModelJudge.unavailableReason(definition(renamed, result.scaler()), model))
        .contains("length_s")
        .endsWith("train it again");
    assertThatThrownBy(() -> RewardModelJudge.load(definition(renamed, result.scaler()), model))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("train it again");
  }
}

package dev.earshot.reward.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RewardModelTrainerTest {

  private static final int FEATURES = 6;
  private static final double[] TRUE_WEIGHTS = {1.5, -1.0, 0.8, 0, 0, 0.4};
  private static final TrainingSettings SETTINGS = new TrainingSettings(300, 16, 0.01, 64, 7);

  @TempDir Path output;

  /**
   * Pairs of {@code prompts} groups whose winner is drawn from the Bradley–Terry model of a known
   * linear utility ({@code signal = true}), or by a fair coin ({@code false}). Features are on
   * different scales and one is missing now and then, as measurements are.
   */
  private static List<PreferencePair> simulate(int prompts, int pairsPerPrompt, boolean signal) {
    Random random = new Random(42);
    List<PreferencePair> pairs = new ArrayList<>();
    for (int prompt = 0; prompt < prompts; prompt++) {
      for (int k = 0; k < pairsPerPrompt; k++) {
        double[] a = response(random);
        double[] b = response(random);
        double pA = signal ? LinearBradleyTerry.sigmoid(3 * (utility(a) - utility(b))) : 0.5;
        boolean aWins = random.nextDouble() < pA;
        pairs.add(new PreferencePair("prompt-" + prompt, aWins ? a : b, aWins ? b : a));
      }
    }
    return pairs;
  }

  private static double[] response(Random random) {
    double[] x = new double[FEATURES];
    for (int i = 0; i < FEATURES; i++) {
      x[i] = random.nextGaussian();
    }
    double[] raw = x.clone();
    raw[0] = 20 + 10 * x[0];
    raw[2] = 0.001 * x[2];
    if (random.nextDouble() < 0.05) {
      raw[4] = Double.NaN;
    }
    return raw;
  }

  /** The known utility, on the standardised scale of the simulated features. */
  private static double utility(double[] raw) {
    double[] x = raw.clone();
    x[0] = (raw[0] - 20) / 10;
    x[2] = raw[2] / 0.001;
    double sum = 0;
    for (int i = 0; i < FEATURES; i++) {
      sum += TRUE_WEIGHTS[i] * (Double.isNaN(x[i]) ? 0 : x[i]);
    }
    return sum;
  }

  @Test
  void shouldLearnAKnownLinearUtilityWellAboveChance() {
    HeldOutSplit split = HeldOutSplit.byGroup(simulate(60, 20, true), 0.2, 1);
    List<Integer> steps = new ArrayList<>();

    TrainingResult result =
        RewardModelTrainer.train(
            split, FEATURES, SETTINGS, output, (done, total, loss) -> steps.add(done));

    assertThat(steps).hasSize(300).startsWith(1, 2).endsWith(300);
    assertThat(result.trainingPairs()).isEqualTo(split.training().size());
    assertThat(result.heldOutPairs()).isEqualTo(split.heldOut().size());
    // Both reach about 0.9 here; the thresholds leave room for PyTorch not being bit-reproducible.
    assertThat(result.networkHeldOutAccuracy()).isGreaterThan(0.78);
    assertThat(result.linearHeldOutAccuracy()).isGreaterThan(0.80);
    assertThat(result.networkTrainingLoss()).isLessThan(Math.log(2) - 0.2);
    // The baseline recovers the direction of the true weights (one feature carries no weight).
    assertThat(result.linearWeights().get(0)).isGreaterThan(1);
    assertThat(result.linearWeights().get(1)).isLessThan(-0.5);
    assertThat(Math.abs(result.linearWeights().get(3))).isLessThan(0.3);
  }

  @Test
  void shouldStayNearChanceOnCoinFlipPreferences() {
    HeldOutSplit split = HeldOutSplit.byGroup(simulate(60, 20, false), 0.2, 1);

    TrainingResult result =
        RewardModelTrainer.train(split, FEATURES, SETTINGS, output, (done, total, loss) -> {});

    assertThat(result.networkHeldOutAccuracy()).isBetween(0.40, 0.60);
    assertThat(result.linearHeldOutAccuracy()).isBetween(0.40, 0.60);
  }

  @Test
  void shouldScoreWithTheSavedNetworkAsItWasTrained() throws Exception {
    HeldOutSplit split = HeldOutSplit.byGroup(simulate(30, 20, true), 0.2, 3);
    TrainingResult result =
        RewardModelTrainer.train(split, FEATURES, SETTINGS, output, (done, total, loss) -> {});

    assertThat(Files.list(output).map(p -> p.getFileName().toString()))
        .containsExactly(RewardNetwork.PARAMETERS_FILE);
    try (RewardNetwork network =
        RewardNetwork.load(output.resolve(RewardNetwork.PARAMETERS_FILE), 16)) {
      double right = 0;
      for (PreferencePair pair : split.heldOut()) {
        double margin =
            network.utility(result.scaler().scale(pair.chosen()))
                - network.utility(result.scaler().scale(pair.rejected()));
        right += margin > 0 ? 1 : margin == 0 ? 0.5 : 0;
      }
      assertThat(right / split.heldOut().size())
          .isCloseTo(result.networkHeldOutAccuracy(), within(1e-9));
    }
  }

  @Test
  void shouldRefuseToTrainWithoutPairs() {
    HeldOutSplit empty = new HeldOutSplit(List.of(), List.of());

    assertThatThrownBy(
            () ->
                RewardModelTrainer.train(
                    empty, FEATURES, SETTINGS, output, (done, total, loss) -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no training pairs");
  }
}

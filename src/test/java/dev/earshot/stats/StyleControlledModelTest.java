package dev.earshot.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StyleControlledModelTest {

  private static final List<String> SYSTEMS = List.of("terse", "brief", "chatty", "verbose");

  /**
   * Mean response duration per system (standardised units); all systems are equally good otherwise.
   */
  private static final double[] MEAN_DURATION = {-1, -0.3, 0.3, 1};

  private static final double DURATION_EFFECT = 0.8;

  @Test
  void shouldRemoveAdvantageThatOnlyComesFromDuration() {
    StyleBattles battles = simulate(20_000, new SplittableRandom(31), false);

    StyleControlledFit controlled = StyleControlledModel.defaults().fit(battles);
    LeaderboardResult plain =
        Leaderboard.compute(
            battles.toPairwiseCounts(),
            BradleyTerryModel.halfWin(),
            RatingScale.elo(),
            BootstrapSettings.seeded(1).withRounds(0));

    StyleCoefficient duration = controlled.coefficients().get(0);
    assertThat(duration.name()).isEqualTo("duration");
    assertThat(duration.estimate())
        .isCloseTo(DURATION_EFFECT, within(3 * duration.standardError()));
    assertThat(controlled.ratings(RatingScale.elo()))
        .allSatisfy(
            rating ->
                assertThat(rating.rating()).isCloseTo(1000, within(3 * rating.standardError())));
    assertThat(plain.rows().get(0).system()).isEqualTo("verbose");
    assertThat(plain.rows().get(0).rating() - plain.rows().get(3).rating()).isGreaterThan(150);
  }

  @Test
  void shouldNotDependOnWhichSideOfThePairAVoteIsRecordedFrom() {
    StyleControlledFit asDrawn =
        StyleControlledModel.defaults().fit(simulate(3000, new SplittableRandom(4), false));
    StyleControlledFit mirrored =
        StyleControlledModel.defaults().fit(simulate(3000, new SplittableRandom(4), true));

    assertThat(mirrored.logStrengths()).containsExactly(asDrawn.logStrengths(), within(1e-9));
    assertThat(mirrored.coefficients().get(0).estimate())
        .isCloseTo(asDrawn.coefficients().get(0).estimate(), within(1e-9));
  }

  @Test
  void shouldReduceToPlainBradleyTerryWithoutCovariates() {
    StyleBattles.Builder builder = StyleBattles.builder(List.of());
    PairwiseCounts.Builder pairs = PairwiseCounts.builder();
    SplittableRandom random = new SplittableRandom(12);
    for (int v = 0; v < 500; v++) {
      String a = SYSTEMS.get(random.nextInt(4));
      String b = SYSTEMS.get((SYSTEMS.indexOf(a) + 1 + random.nextInt(3)) % 4);
      Outcome outcome = Outcome.values()[random.nextInt(4)];
      builder.add(a, b, outcome);
      pairs.add(a, b, outcome);
    }

    StyleControlledFit style = StyleControlledModel.defaults().fit(builder.build());
    BradleyTerryFit plain = BradleyTerryModel.halfWin().fit(pairs.build());

    assertThat(style.systems()).isEqualTo(plain.systems());
    assertThat(style.logStrengths()).containsExactly(plain.logStrengths(), within(1e-9));
  }

  /**
   * Equal true strengths; a vote's outcome depends only on the duration difference x: expected
   * score of A σ(0.8·x), ties with probability 0.2·min(σ, 1 − σ).
   */
  private static StyleBattles simulate(int votes, SplittableRandom random, boolean mirrorOddVotes) {
    StyleBattles.Builder builder = StyleBattles.builder(List.of("duration"));
    for (int v = 0; v < votes; v++) {
      int a = random.nextInt(4);
      int b = (a + 1 + random.nextInt(3)) % 4;
      double difference =
          MEAN_DURATION[a] + random.nextGaussian() - MEAN_DURATION[b] - random.nextGaussian();
      double expectedScore = 1 / (1 + Math.exp(-DURATION_EFFECT * difference));
      double tie = 0.2 * Math.min(expectedScore, 1 - expectedScore);
      double u = random.nextDouble();
      Outcome outcome =
          u < tie
              ? Outcome.TIE
              : u < tie + expectedScore - tie / 2 ? Outcome.A_WINS : Outcome.B_WINS;
      if (mirrorOddVotes && v % 2 == 1) {
        builder.add(SYSTEMS.get(b), SYSTEMS.get(a), outcome.swapped(), -difference);
      } else {
        builder.add(SYSTEMS.get(a), SYSTEMS.get(b), outcome, difference);
      }
    }
    return builder.build();
  }
}

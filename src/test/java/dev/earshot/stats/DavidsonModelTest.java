package dev.earshot.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DavidsonModelTest {

  @Test
  void shouldMatchClosedFormForTwoSystems() {
    // With two systems the MLE reproduces the observed shares: e^d = w/l and ν = t/√(w·l).
    PairwiseCounts counts =
        PairwiseCounts.builder()
            .add("alpha", "beta", Outcome.A_WINS, 40)
            .add("alpha", "beta", Outcome.B_WINS, 20)
            .add("alpha", "beta", Outcome.TIE, 25)
            .add("alpha", "beta", Outcome.BOTH_BAD, 5)
            .build();

    BradleyTerryFit fit = BradleyTerryModel.davidson().fit(counts);

    assertThat(fit.logStrength(0) - fit.logStrength(1)).isCloseTo(Math.log(2), within(1e-10));
    assertThat(fit.tieParameter().orElseThrow()).isCloseTo(30 / Math.sqrt(800), within(1e-10));
  }

  @Test
  void shouldRecoverKnownTieParameterAndStrengthsFromSimulatedVotes() {
    List<String> systems = List.of("A", "B", "C", "D", "E");
    double[] theta = {0.8, 0.3, 0, -0.4, -0.7};
    PairwiseCounts counts =
        Simulations.davidsonVotes(systems, theta, 3000, 0.6, new SplittableRandom(11));

    BradleyTerryFit fit = BradleyTerryModel.davidson().fit(counts);

    double tie = fit.tieParameter().orElseThrow();
    double tieError = fit.tieParameterStandardError().orElseThrow();
    assertThat(tieError).isBetween(0.005, 0.05);
    assertThat(tie).isCloseTo(0.6, within(3 * tieError));
    for (int i = 0; i < systems.size(); i++) {
      double error = Math.sqrt(fit.covariance(i, i));
      assertThat(fit.logStrength(i)).isCloseTo(theta[i], within(3 * error));
    }
  }

  @Test
  void shouldBootstrapDavidsonLeaderboardAroundItsPointEstimate() {
    List<String> systems = List.of("A", "B", "C");
    PairwiseCounts counts =
        Simulations.davidsonVotes(
            systems, new double[] {0.5, 0, -0.5}, 400, 0.8, new SplittableRandom(2));

    LeaderboardResult result =
        Leaderboard.compute(
            counts,
            BradleyTerryModel.davidson(),
            RatingScale.elo(),
            BootstrapSettings.seeded(3).withRounds(300));

    assertThat(result.fit().tieParameter()).isPresent();
    assertThat(result.rows()).extracting(LeaderboardRow::system).containsExactly("A", "B", "C");
    assertThat(result.rows())
        .allSatisfy(
            row -> {
              assertThat(row.rating()).isBetween(row.ciLow(), row.ciHigh());
              assertThat(row.bootstrapStandardError() / row.standardError()).isBetween(0.8, 1.25);
            });
  }

  @Test
  void shouldRejectDavidsonWithoutTiesUnlessRegularised() {
    PairwiseCounts counts =
        PairwiseCounts.builder()
            .add("alpha", "beta", Outcome.A_WINS, 40)
            .add("alpha", "beta", Outcome.B_WINS, 20)
            .build();

    assertThatThrownBy(() -> BradleyTerryModel.davidson().fit(counts))
        .isInstanceOf(NonIdentifiableRatingsException.class)
        .hasMessageContaining("tie parameter");
    assertThat(
            BradleyTerryModel.davidson().withRidge(1e-6).fit(counts).tieParameter().orElseThrow())
        .isBetween(0.0, 1e-3);
  }

  @Test
  void shouldNotReportTieParameterForHalfWinModel() {
    PairwiseCounts counts =
        PairwiseCounts.builder()
            .add("alpha", "beta", Outcome.A_WINS, 4)
            .add("alpha", "beta", Outcome.TIE, 4)
            .add("alpha", "beta", Outcome.B_WINS, 2)
            .build();

    assertThat(BradleyTerryModel.halfWin().fit(counts).tieParameter()).isEmpty();
  }
}

package dev.earshot.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.junit.jupiter.api.Test;

class BradleyTerryModelTest {

  private static final double POINTS_PER_LOG_UNIT = 400 / Math.log(10);

  @Test
  void shouldGiveLogOddsRatingGapForTwoSystems() {
    PairwiseCounts counts =
        PairwiseCounts.builder()
            .add("alpha", "beta", Outcome.A_WINS, 30)
            .add("alpha", "beta", Outcome.B_WINS, 10)
            .build();

    double[] ratings =
        RatingScale.elo()
            .ratings(counts.systems(), BradleyTerryModel.halfWin().fit(counts).logStrengths());

    assertThat(ratings[0] - ratings[1]).isCloseTo(POINTS_PER_LOG_UNIT * Math.log(3), within(1e-9));
    assertThat((ratings[0] + ratings[1]) / 2).isCloseTo(1000, within(1e-9));
  }

  @Test
  void shouldCountTiesAndBothBadAsHalfWins() {
    PairwiseCounts counts =
        PairwiseCounts.builder()
            .add("alpha", "beta", Outcome.A_WINS, 3)
            .add("beta", "alpha", Outcome.A_WINS, 1)
            .add("alpha", "beta", Outcome.TIE, 1)
            .add("beta", "alpha", Outcome.BOTH_BAD, 1)
            .build();

    BradleyTerryFit fit = BradleyTerryModel.halfWin().fit(counts);

    assertThat(fit.logStrength(0) - fit.logStrength(1))
        .isCloseTo(Math.log(4.0 / 2.0), within(1e-12));
  }

  @Test
  void shouldMatchIndependentNelderMeadMaximisationForThreeSystems() {
    // pair (wins first, wins second, ties) for A-B, A-C, B-C
    long[][] pairs = {{12, 5, 3}, {7, 9, 2}, {4, 11, 6}};
    String[][] names = {{"A", "B"}, {"A", "C"}, {"B", "C"}};
    PairwiseCounts.Builder builder = PairwiseCounts.builder();
    for (int p = 0; p < 3; p++) {
      builder
          .add(names[p][0], names[p][1], Outcome.A_WINS, pairs[p][0])
          .add(names[p][0], names[p][1], Outcome.B_WINS, pairs[p][1])
          .add(names[p][0], names[p][1], Outcome.TIE, pairs[p][2]);
    }
    BradleyTerryFit fit = BradleyTerryModel.halfWin().fit(builder.build());

    int[][] index = {{0, 1}, {0, 2}, {1, 2}};
    // Free parameters θ_A, θ_B with θ_C = 0; ties contribute log √(p·(1−p)).
    ObjectiveFunction logLikelihood =
        new ObjectiveFunction(
            free -> {
              double[] theta = {free[0], free[1], 0};
              double sum = 0;
              for (int p = 0; p < 3; p++) {
                double win = 1 / (1 + Math.exp(theta[index[p][1]] - theta[index[p][0]]));
                sum +=
                    pairs[p][0] * Math.log(win)
                        + pairs[p][1] * Math.log(1 - win)
                        + pairs[p][2] * 0.5 * Math.log(win * (1 - win));
              }
              return sum;
            });
    PointValuePair best =
        new SimplexOptimizer(1e-15, 1e-15)
            .optimize(
                new MaxEval(100_000),
                logLikelihood,
                GoalType.MAXIMIZE,
                new InitialGuess(new double[] {0, 0}),
                new NelderMeadSimplex(2));

    assertThat(fit.logStrength(0) - fit.logStrength(2)).isCloseTo(best.getPoint()[0], within(1e-6));
    assertThat(fit.logStrength(1) - fit.logStrength(2)).isCloseTo(best.getPoint()[1], within(1e-6));
    assertThat(fit.logLikelihood()).isCloseTo(best.getValue(), within(1e-9));
  }

  @Test
  void shouldGiveClosedFormWaldErrorsForTwoSystems() {
    PairwiseCounts counts =
        PairwiseCounts.builder()
            .add("alpha", "beta", Outcome.A_WINS, 60)
            .add("alpha", "beta", Outcome.B_WINS, 40)
            .build();
    BradleyTerryFit fit = BradleyTerryModel.halfWin().fit(counts);
    // Var(d̂) = 1 / (n·p·(1−p)) for the log-odds d of a binomial proportion.
    double differenceError = 1 / Math.sqrt(100 * 0.6 * 0.4);

    double[] centred = RatingScale.elo().standardErrors(counts.systems(), fit.covarianceMatrix());
    double[] anchored =
        RatingScale.anchored(400, 10, "beta", 1200)
            .standardErrors(counts.systems(), fit.covarianceMatrix());

    assertThat(centred[0]).isCloseTo(POINTS_PER_LOG_UNIT * differenceError / 2, within(1e-9));
    assertThat(centred[1]).isCloseTo(POINTS_PER_LOG_UNIT * differenceError / 2, within(1e-9));
    assertThat(anchored[0]).isCloseTo(POINTS_PER_LOG_UNIT * differenceError, within(1e-9));
    assertThat(anchored[1]).isZero();
  }

  @Test
  void shouldGiveCentredCovarianceEqualToPseudoInverseOfInformation() {
    PairwiseCounts counts =
        PairwiseCounts.builder()
            .add("A", "B", Outcome.A_WINS, 30)
            .add("A", "B", Outcome.B_WINS, 20)
            .add("B", "C", Outcome.A_WINS, 25)
            .add("B", "C", Outcome.B_WINS, 15)
            .add("C", "D", Outcome.A_WINS, 9)
            .add("C", "D", Outcome.B_WINS, 14)
            .add("A", "D", Outcome.A_WINS, 40)
            .add("A", "D", Outcome.TIE, 10)
            .add("A", "D", Outcome.B_WINS, 5)
            .build();
    BradleyTerryFit fit = BradleyTerryModel.halfWin().fit(counts);

    RealMatrix information = new Array2DRowRealMatrix(4, 4);
    for (int pair = 0; pair < counts.pairCount(); pair++) {
      int i = counts.first(pair);
      int j = counts.second(pair);
      double p = 1 / (1 + Math.exp(fit.logStrength(j) - fit.logStrength(i)));
      double weight = counts.votes(pair) * p * (1 - p);
      information.addToEntry(i, i, weight);
      information.addToEntry(j, j, weight);
      information.addToEntry(i, j, -weight);
      information.addToEntry(j, i, -weight);
    }
    RealMatrix pseudoInverse = new SingularValueDecomposition(information).getSolver().getInverse();

    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        assertThat(fit.covariance(i, j)).isCloseTo(pseudoInverse.getEntry(i, j), within(1e-10));
      }
    }
  }

  @Test
  void shouldReachTheSameEstimateFromAnyStartAndStopAtOnceWhenWarmStartedAtIt() {
    PairwiseCounts counts =
        PairwiseCounts.builder()
            .add("A", "B", Outcome.A_WINS, 300)
            .add("A", "B", Outcome.B_WINS, 20)
            .add("B", "C", Outcome.A_WINS, 250)
            .add("B", "C", Outcome.B_WINS, 5)
            .add("A", "C", Outcome.A_WINS, 80)
            .add("A", "C", Outcome.B_WINS, 1)
            .build();
    BradleyTerryModel model = BradleyTerryModel.halfWin();
    BradleyTerryFit cold = model.fit(counts);

    BradleyTerryFit farStart = model.fit(counts, new double[] {-20, 15, 40});
    BradleyTerryFit warm = model.fit(counts, cold.logStrengths());

    assertThat(farStart.logStrengths()).containsExactly(cold.logStrengths(), within(1e-9));
    assertThat(warm.iterations()).isZero();
    assertThat(warm.logStrengths()).containsExactly(cold.logStrengths(), within(1e-12));
  }

  @Test
  void shouldRejectSystemWithOnlyWinsAndNameIt() {
    PairwiseCounts counts =
        PairwiseCounts.builder()
            .add("champion", "B", Outcome.A_WINS, 5)
            .add("B", "C", Outcome.A_WINS, 4)
            .add("B", "C", Outcome.B_WINS, 3)
            .build();

    assertThatThrownBy(() -> BradleyTerryModel.halfWin().fit(counts))
        .isInstanceOf(NonIdentifiableRatingsException.class)
        .hasMessageContaining("[champion] never lost or tied")
        .satisfies(
            e ->
                assertThat(((NonIdentifiableRatingsException) e).groups())
                    .containsExactly(List.of("champion"), List.of("B", "C")));
  }

  @Test
  void shouldRejectGroupsThatWereNeverCompared() {
    PairwiseCounts counts =
        PairwiseCounts.builder()
            .add("A", "B", Outcome.A_WINS, 4)
            .add("A", "B", Outcome.TIE, 1)
            .add("C", "D", Outcome.B_WINS, 2)
            .add("C", "D", Outcome.A_WINS, 2)
            .build();

    assertThatThrownBy(() -> BradleyTerryModel.halfWin().fit(counts))
        .isInstanceOf(NonIdentifiableRatingsException.class)
        .hasMessageContaining("never compared")
        .satisfies(
            e ->
                assertThat(((NonIdentifiableRatingsException) e).groups())
                    .containsExactly(List.of("A", "B"), List.of("C", "D")));
  }

  @Test
  void shouldGiveFiniteFlaggedEstimateWithRidgeWhenMaximumIsAtInfinity() {
    PairwiseCounts counts =
        PairwiseCounts.builder()
            .add("champion", "B", Outcome.A_WINS, 5)
            .add("B", "C", Outcome.A_WINS, 4)
            .add("B", "C", Outcome.B_WINS, 3)
            .build();

    BradleyTerryFit fit = BradleyTerryModel.halfWin().withRidge(1e-6).fit(counts);

    assertThat(fit.regularised()).isTrue();
    assertThat(Arrays.stream(fit.logStrengths()).boxed().toList())
        .allSatisfy(theta -> assertThat(theta).isFinite());
    assertThat(fit.logStrength(0) - fit.logStrength(1)).isGreaterThan(5);
    // B vs C is still estimated from its own counts: log(4/3).
    assertThat(fit.logStrength(1) - fit.logStrength(2))
        .isCloseTo(Math.log(4.0 / 3.0), within(1e-3));
  }

  @Test
  void shouldBarelyMoveWellDeterminedEstimatesWithTinyRidge() {
    PairwiseCounts counts =
        PairwiseCounts.builder()
            .add("A", "B", Outcome.A_WINS, 30)
            .add("A", "B", Outcome.B_WINS, 20)
            .add("B", "C", Outcome.A_WINS, 25)
            .add("B", "C", Outcome.B_WINS, 15)
            .build();

    BradleyTerryFit plain = BradleyTerryModel.halfWin().fit(counts);
    BradleyTerryFit ridged = BradleyTerryModel.halfWin().withRidge(1e-8).fit(counts);

    assertThat(plain.regularised()).isFalse();
    assertThat(ridged.logStrengths()).containsExactly(plain.logStrengths(), within(1e-6));
  }
}

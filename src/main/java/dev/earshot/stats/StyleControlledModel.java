package dev.earshot.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Style-controlled Bradley–Terry (the Chatbot Arena idea): logit P(A beats B) = θ_A − θ_B + β·x
 * with x the battle's covariate differences, ties as half wins, fitted jointly by Newton–Raphson on
 * the aggregated cells of {@link StyleBattles}. The θ are the strengths with the style effects
 * removed.
 *
 * <p>The same identifiability rule as {@link BradleyTerryModel} applies (a strongly connected
 * comparison graph, else {@link NonIdentifiableRatingsException}, unless {@code ridge > 0}, which
 * penalises the strengths and coefficients). Covariates that are collinear, or that separate wins
 * from losses perfectly, have no finite estimate; the fit then fails with an {@link
 * IllegalStateException}.
 */
public final class StyleControlledModel {

  private final double ridge;
  private final double gradientTolerance;
  private final int maxIterations;

  public StyleControlledModel(double ridge, double gradientTolerance, int maxIterations) {
    if (!(ridge >= 0) || !(gradientTolerance > 0) || maxIterations < 1) {
      throw new IllegalArgumentException(
          "Need ridge >= 0, gradientTolerance > 0 and maxIterations >= 1");
    }
    this.ridge = ridge;
    this.gradientTolerance = gradientTolerance;
    this.maxIterations = maxIterations;
  }

  /** No ridge, the default Bradley–Terry tolerance and iteration cap. */
  public static StyleControlledModel defaults() {
    return new StyleControlledModel(
        0, BradleyTerryModel.DEFAULT_GRADIENT_TOLERANCE, BradleyTerryModel.DEFAULT_MAX_ITERATIONS);
  }

  public StyleControlledFit fit(StyleBattles battles) {
    PairwiseCounts pairCounts = battles.toPairwiseCounts();
    if (ridge == 0) {
      ComparisonGraph.of(pairCounts).requireStronglyConnected(pairCounts.systems());
    }
    int k = battles.systems().size();
    int covariateCount = battles.covariateNames().size();
    List<StyleBattles.Cell> cells = battles.cells();
    int n = cells.size();
    int[] first = new int[n];
    int[] second = new int[n];
    double[][] covariates = new double[n][];
    double[] votes = new double[n];
    double[] score = new double[n];
    for (int c = 0; c < n; c++) {
      StyleBattles.Cell cell = cells.get(c);
      long[] counts = cell.counts();
      first[c] = cell.first();
      second[c] = cell.second();
      covariates[c] = cell.covariates();
      long ties = counts[Outcome.TIE.ordinal()] + counts[Outcome.BOTH_BAD.ordinal()];
      votes[c] = counts[Outcome.A_WINS.ordinal()] + counts[Outcome.B_WINS.ordinal()] + ties;
      score[c] = counts[Outcome.A_WINS.ordinal()] + 0.5 * ties;
    }
    LogisticCellObjective objective =
        new LogisticCellObjective(k, covariateCount, first, second, covariates, votes, score);
    NewtonMaximizer.Solution solution =
        NewtonMaximizer.maximise(
            objective,
            new double[k + covariateCount],
            ridge == 0 ? k - 1 : -1,
            ridge,
            gradientTolerance * Math.max(1, pairCounts.totalVotes()),
            maxIterations,
            true);
    double[] point = solution.point();
    double[][] covariance = solution.covariance();
    List<StyleCoefficient> coefficients = new ArrayList<>(covariateCount);
    for (int c = 0; c < covariateCount; c++) {
      coefficients.add(
          new StyleCoefficient(
              battles.covariateNames().get(c), point[k + c], Math.sqrt(covariance[k + c][k + c])));
    }
    return new StyleControlledFit(
        battles.systems(),
        BradleyTerryModel.centred(point, k),
        BradleyTerryModel.centredCovariance(covariance, k),
        coefficients,
        solution.iterations());
  }
}

package dev.earshot.stats;

import java.util.List;

/**
 * Bradley–Terry maximum-likelihood fitter on aggregated pair counts: P(i beats j) = σ(θ_i − θ_j)
 * with natural-log strengths θ, ties handled per {@link TieModel}.
 *
 * <p>Newton–Raphson with step halving on the concave log-likelihood, one strength held fixed for
 * identifiability (the estimates are centred afterwards), until every gradient component is at most
 * {@code gradientTolerance × max(1, total votes)}, i.e. the gradient of the per-vote mean
 * log-likelihood is below {@code gradientTolerance}.
 *
 * <p>Degenerate data: with {@code ridge == 0} (the default) a comparison graph that is not strongly
 * connected — a system with only wins or only losses, or groups never compared — and, for Davidson,
 * data without ties or with only ties, is rejected with a {@link NonIdentifiableRatingsException}
 * naming the groups. With {@code ridge > 0} the fit maximises the log-likelihood minus {@code
 * ridge/2·Σ x²} over all parameters (log-strengths and log ν) — a Gaussian prior — which is finite
 * for any data; the result is then flagged {@link BradleyTerryFit#regularised()}.
 */
public final class BradleyTerryModel {

  public static final double DEFAULT_GRADIENT_TOLERANCE = 1e-10;
  public static final int DEFAULT_MAX_ITERATIONS = 200;

  private final TieModel tieModel;
  private final double ridge;
  private final double gradientTolerance;
  private final int maxIterations;

  public BradleyTerryModel(
      TieModel tieModel, double ridge, double gradientTolerance, int maxIterations) {
    if (!(ridge >= 0) || !(gradientTolerance > 0) || maxIterations < 1) {
      throw new IllegalArgumentException(
          "Need ridge >= 0, gradientTolerance > 0 and maxIterations >= 1");
    }
    this.tieModel = tieModel;
    this.ridge = ridge;
    this.gradientTolerance = gradientTolerance;
    this.maxIterations = maxIterations;
  }

  /** Ties as half wins, no ridge, default tolerance. */
  public static BradleyTerryModel halfWin() {
    return new BradleyTerryModel(
        TieModel.HALF_WIN, 0, DEFAULT_GRADIENT_TOLERANCE, DEFAULT_MAX_ITERATIONS);
  }

  /** Davidson ties, no ridge, default tolerance. */
  public static BradleyTerryModel davidson() {
    return new BradleyTerryModel(
        TieModel.DAVIDSON, 0, DEFAULT_GRADIENT_TOLERANCE, DEFAULT_MAX_ITERATIONS);
  }

  public BradleyTerryModel withRidge(double newRidge) {
    return new BradleyTerryModel(tieModel, newRidge, gradientTolerance, maxIterations);
  }

  public TieModel tieModel() {
    return tieModel;
  }

  public double ridge() {
    return ridge;
  }

  /** Fits from equal strengths. */
  public BradleyTerryFit fit(PairwiseCounts counts) {
    return fit(counts, new double[counts.systemCount()]);
  }

  /**
   * Fits starting from {@code initialLogStrengths} (natural log, indexed like {@code
   * counts.systems()}; only differences matter), e.g. the previous leaderboard's estimates.
   *
   * @throws NonIdentifiableRatingsException when {@code ridge == 0} and the data have no finite MLE
   */
  public BradleyTerryFit fit(PairwiseCounts counts, double[] initialLogStrengths) {
    int k = counts.systemCount();
    if (initialLogStrengths.length != k) {
      throw new IllegalArgumentException(
          "Expected " + k + " initial strengths, got " + initialLogStrengths.length);
    }
    if (ridge == 0) {
      requireIdentifiable(counts);
    }
    double[] start = startingPoint(initialLogStrengths, initialLogTieParameter(counts));
    NewtonMaximizer.Solution solution = solve(counts, start, ridge, true);
    double[] point = solution.point();
    double[][] covariance = solution.covariance();
    double tie = Double.NaN;
    double tieStandardError = Double.NaN;
    if (tieModel == TieModel.DAVIDSON) {
      tie = Math.exp(point[k]);
      tieStandardError = tie * Math.sqrt(covariance[k][k]);
    }
    return new BradleyTerryFit(
        counts.systems(),
        centred(point, k),
        centredCovariance(covariance, k),
        tie,
        tieStandardError,
        objective(counts).value(point),
        solution.iterations(),
        ridge > 0);
  }

  /** Whether the data have a finite maximum-likelihood estimate under this tie model. */
  boolean isIdentifiable(PairwiseCounts counts) {
    return ComparisonGraph.of(counts).isStronglyConnected() && hasIdentifiableTieParameter(counts);
  }

  /**
   * Refit for the bootstrap: returns the raw parameter vector (log-strengths, then log ν for
   * Davidson), not centred, without covariance.
   */
  double[] refit(PairwiseCounts counts, double[] start, double refitRidge) {
    return solve(counts, start, refitRidge, false).point();
  }

  /** Parameter vector of a fit, for warm starts: its log-strengths, then log ν for Davidson. */
  double[] parameters(BradleyTerryFit fit) {
    double tie = fit.tieParameter().orElse(Double.NaN);
    return startingPoint(fit.logStrengths(), Math.log(tie));
  }

  private double[] startingPoint(double[] logStrengths, double logTieParameter) {
    int k = logStrengths.length;
    double[] start = new double[tieModel == TieModel.DAVIDSON ? k + 1 : k];
    System.arraycopy(logStrengths, 0, start, 0, k);
    if (tieModel == TieModel.DAVIDSON) {
      start[k] = logTieParameter;
    }
    return start;
  }

  private NewtonMaximizer.Solution solve(
      PairwiseCounts counts, double[] start, double fitRidge, boolean withCovariance) {
    int fixedIndex = fitRidge == 0 ? counts.systemCount() - 1 : -1;
    double tolerance = gradientTolerance * Math.max(1, counts.totalVotes());
    return NewtonMaximizer.maximise(
        objective(counts), start, fixedIndex, fitRidge, tolerance, maxIterations, withCovariance);
  }

  private NewtonMaximizer.Objective objective(PairwiseCounts counts) {
    return tieModel == TieModel.DAVIDSON
        ? new DavidsonObjective(counts)
        : LogisticCellObjective.halfWin(counts);
  }

  private void requireIdentifiable(PairwiseCounts counts) {
    ComparisonGraph.of(counts).requireStronglyConnected(counts.systems());
    if (!hasIdentifiableTieParameter(counts)) {
      throw new NonIdentifiableRatingsException(
          "The Davidson tie parameter needs both ties and decisive votes (MLE of ν at 0 or infinity)",
          List.of(counts.systems()));
    }
  }

  private boolean hasIdentifiableTieParameter(PairwiseCounts counts) {
    if (tieModel != TieModel.DAVIDSON) {
      return true;
    }
    long ties = totalModelTies(counts);
    return ties > 0 && ties < counts.totalVotes();
  }

  /** log ν that reproduces the observed tie share between equal systems: P(tie) = ν/(2 + ν). */
  private static double initialLogTieParameter(PairwiseCounts counts) {
    double ties = Math.max(totalModelTies(counts), 0.5);
    double decisive = Math.max(counts.totalVotes() - totalModelTies(counts), 0.5);
    return Math.log(2 * ties / decisive);
  }

  private static long totalModelTies(PairwiseCounts counts) {
    long ties = 0;
    for (int pair = 0; pair < counts.pairCount(); pair++) {
      ties += counts.modelTies(pair);
    }
    return ties;
  }

  static double[] centred(double[] point, int systemCount) {
    double mean = 0;
    for (int i = 0; i < systemCount; i++) {
      mean += point[i];
    }
    mean /= systemCount;
    double[] centred = new double[systemCount];
    for (int i = 0; i < systemCount; i++) {
      centred[i] = point[i] - mean;
    }
    return centred;
  }

  /** P·C·P on the strength block, P = I − 11ᵀ/k: the covariance of the centred strengths. */
  static double[][] centredCovariance(double[][] covariance, int systemCount) {
    double[] rowMean = new double[systemCount];
    double grandMean = 0;
    for (int i = 0; i < systemCount; i++) {
      for (int j = 0; j < systemCount; j++) {
        rowMean[i] += covariance[i][j] / systemCount;
      }
      grandMean += rowMean[i] / systemCount;
    }
    double[][] centred = new double[systemCount][systemCount];
    for (int i = 0; i < systemCount; i++) {
      for (int j = 0; j < systemCount; j++) {
        centred[i][j] = covariance[i][j] - rowMean[i] - rowMean[j] + grandMean;
      }
    }
    return centred;
  }
}

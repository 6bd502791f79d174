package dev.earshot.stats;

/**
 * Bradley–Terry log-likelihood with ties as half wins, optionally with covariates, on aggregated
 * cells.
 *
 * <p>Parameters: log-strengths θ of the {@code systemCount} systems, then one coefficient β per
 * covariate. Cell {@code c} holds {@code votes[c]} votes between {@code first[c]} and {@code
 * second[c]} with covariate differences {@code covariates[c]} (first minus second) and {@code
 * score[c]} = wins of first + ½ ties. Its contribution is {@code score·log p + (votes −
 * score)·log(1 − p)} with {@code logit p = θ_first − θ_second + β·x}.
 */
final class LogisticCellObjective implements NewtonMaximizer.Objective {

  private final int systemCount;
  private final int covariateCount;
  private final int[] first;
  private final int[] second;
  private final double[][] covariates;
  private final double[] votes;
  private final double[] score;

  LogisticCellObjective(
      int systemCount,
      int covariateCount,
      int[] first,
      int[] second,
      double[][] covariates,
      double[] votes,
      double[] score) {
    this.systemCount = systemCount;
    this.covariateCount = covariateCount;
    this.first = first;
    this.second = second;
    this.covariates = covariates;
    this.votes = votes;
    this.score = score;
  }

  /** Plain Bradley–Terry with ties as half wins, one cell per pair. */
  static LogisticCellObjective halfWin(PairwiseCounts counts) {
    int pairs = counts.pairCount();
    int[] first = new int[pairs];
    int[] second = new int[pairs];
    double[] votes = new double[pairs];
    double[] score = new double[pairs];
    for (int pair = 0; pair < pairs; pair++) {
      first[pair] = counts.first(pair);
      second[pair] = counts.second(pair);
      votes[pair] = counts.votes(pair);
      score[pair] = counts.winsFirst(pair) + 0.5 * counts.modelTies(pair);
    }
    return new LogisticCellObjective(
        counts.systemCount(), 0, first, second, new double[pairs][0], votes, score);
  }

  @Override
  public int dimension() {
    return systemCount + covariateCount;
  }

  @Override
  public double value(double[] x) {
    double value = 0;
    for (int cell = 0; cell < votes.length; cell++) {
      double eta = linearPredictor(x, cell);
      value += score[cell] * logSigmoid(eta) + (votes[cell] - score[cell]) * logSigmoid(-eta);
    }
    return value;
  }

  @Override
  public double evaluate(double[] x, double[] gradient, double[][] negativeHessian) {
    double value = 0;
    int[] index = new int[2 + covariateCount];
    double[] design = new double[2 + covariateCount];
    for (int cell = 0; cell < votes.length; cell++) {
      double eta = linearPredictor(x, cell);
      value += score[cell] * logSigmoid(eta) + (votes[cell] - score[cell]) * logSigmoid(-eta);
      double p = sigmoid(eta);
      double residual = score[cell] - votes[cell] * p;
      double weight = votes[cell] * p * sigmoid(-eta);
      index[0] = first[cell];
      design[0] = 1;
      index[1] = second[cell];
      design[1] = -1;
      for (int c = 0; c < covariateCount; c++) {
        index[2 + c] = systemCount + c;
        design[2 + c] = covariates[cell][c];
      }
      for (int a = 0; a < index.length; a++) {
        gradient[index[a]] += residual * design[a];
        double weightedA = weight * design[a];
        for (int b = 0; b < index.length; b++) {
          negativeHessian[index[a]][index[b]] += weightedA * design[b];
        }
      }
    }
    return value;
  }

  private double linearPredictor(double[] x, int cell) {
    double eta = x[first[cell]] - x[second[cell]];
    for (int c = 0; c < covariateCount; c++) {
      eta += x[systemCount + c] * covariates[cell][c];
    }
    return eta;
  }

  static double sigmoid(double eta) {
    return eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
  }

  static double logSigmoid(double eta) {
    return eta >= 0 ? -Math.log1p(Math.exp(-eta)) : eta - Math.log1p(Math.exp(eta));
  }
}

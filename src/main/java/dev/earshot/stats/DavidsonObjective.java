package dev.earshot.stats;

/**
 * Davidson tie-model log-likelihood on pair counts. Parameters: log-strengths θ of the systems,
 * then τ = log ν. With h = (θ_i − θ_j)/2 the outcome probabilities of a pair are e^h/D, e^−h/D and
 * e^τ/D for i wins, j wins and tie, D = e^h + e^−h + e^τ: a three-way softmax, hence concave in (θ,
 * τ).
 */
final class DavidsonObjective implements NewtonMaximizer.Objective {

  private final int systemCount;
  private final int[] first;
  private final int[] second;
  private final double[] winsFirst;
  private final double[] winsSecond;
  private final double[] ties;

  DavidsonObjective(PairwiseCounts counts) {
    int pairs = counts.pairCount();
    systemCount = counts.systemCount();
    first = new int[pairs];
    second = new int[pairs];
    winsFirst = new double[pairs];
    winsSecond = new double[pairs];
    ties = new double[pairs];
    for (int pair = 0; pair < pairs; pair++) {
      first[pair] = counts.first(pair);
      second[pair] = counts.second(pair);
      winsFirst[pair] = counts.winsFirst(pair);
      winsSecond[pair] = counts.winsSecond(pair);
      ties[pair] = counts.modelTies(pair);
    }
  }

  @Override
  public int dimension() {
    return systemCount + 1;
  }

  @Override
  public double value(double[] x) {
    double tau = x[systemCount];
    double value = 0;
    for (int pair = 0; pair < first.length; pair++) {
      double h = (x[first[pair]] - x[second[pair]]) / 2;
      value += pairValue(pair, h, tau, logNormaliser(h, tau));
    }
    return value;
  }

  @Override
  public double evaluate(double[] x, double[] gradient, double[][] negativeHessian) {
    int tauIndex = systemCount;
    double tau = x[tauIndex];
    double value = 0;
    for (int pair = 0; pair < first.length; pair++) {
      int i = first[pair];
      int j = second[pair];
      double h = (x[i] - x[j]) / 2;
      double logD = logNormaliser(h, tau);
      value += pairValue(pair, h, tau, logD);
      double n = winsFirst[pair] + winsSecond[pair] + ties[pair];
      double pFirst = Math.exp(h - logD);
      double pSecond = Math.exp(-h - logD);
      double pTie = Math.exp(tau - logD);
      // Derivatives with respect to d = θ_i − θ_j (sufficient statistic ½·1[i] − ½·1[j]) and τ
      // (1[tie]).
      double gradientD = (winsFirst[pair] - winsSecond[pair] - n * (pFirst - pSecond)) / 2;
      double gradientTau = ties[pair] - n * pTie;
      double infoDD = n * (pFirst * pSecond + pTie * (pFirst + pSecond) / 4);
      double infoDTau = -n * pTie * (pFirst - pSecond) / 2;
      double infoTauTau = n * pTie * (1 - pTie);
      gradient[i] += gradientD;
      gradient[j] -= gradientD;
      gradient[tauIndex] += gradientTau;
      negativeHessian[i][i] += infoDD;
      negativeHessian[j][j] += infoDD;
      negativeHessian[i][j] -= infoDD;
      negativeHessian[j][i] -= infoDD;
      negativeHessian[i][tauIndex] += infoDTau;
      negativeHessian[tauIndex][i] += infoDTau;
      negativeHessian[j][tauIndex] -= infoDTau;
      negativeHessian[tauIndex][j] -= infoDTau;
      negativeHessian[tauIndex][tauIndex] += infoTauTau;
    }
    return value;
  }

  private double pairValue(int pair, double h, double tau, double logD) {
    return winsFirst[pair] * (h - logD)
        + winsSecond[pair] * (-h - logD)
        + ties[pair] * (tau - logD);
  }

  /** log(e^h + e^−h + e^τ), computed without overflow. */
  private static double logNormaliser(double h, double tau) {
    double max = Math.max(Math.abs(h), tau);
    return max + Math.log(Math.exp(h - max) + Math.exp(-h - max) + Math.exp(tau - max));
  }
}

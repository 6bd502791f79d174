package dev.earshot.stats;

import java.util.Arrays;

/**
 * Damped Newton–Raphson for the concave log-likelihoods of this package, with an optional ridge
 * penalty {@code −ridge/2 · Σ x²} and optionally one coordinate held fixed (the identifiability
 * constraint).
 */
final class NewtonMaximizer {

  /**
   * Relative slack for accepting a step whose objective change is lost in rounding near the
   * optimum.
   */
  private static final double ROUNDING_SLACK = 1e-13;

  private static final int MAX_STEP_HALVINGS = 60;

  /**
   * Largest change of any coordinate per iteration. Far from the optimum the curvature of a
   * logistic likelihood underflows and a raw Newton step can be astronomically long; near it steps
   * are far smaller.
   */
  private static final double MAX_STEP = 4;

  /** A smooth concave function of a parameter vector. */
  interface Objective {
    int dimension();

    double value(double[] x);

    /**
     * Fills {@code gradient} and {@code negativeHessian} (zeroed by the caller) and returns the
     * value.
     */
    double evaluate(double[] x, double[] gradient, double[][] negativeHessian);
  }

  /**
   * @param point the maximiser
   * @param value penalised objective at the maximiser
   * @param covariance inverse of the penalised negative Hessian (the fixed coordinate has zero
   *     variance), or null when not requested
   */
  record Solution(double[] point, double value, double[][] covariance, int iterations) {}

  private NewtonMaximizer() {}

  /**
   * @param fixedIndex coordinate held at its start value, or −1 for none
   * @param gradientTolerance convergence when every gradient component is at most this in absolute
   *     value
   * @throws IllegalStateException when it does not converge within {@code maxIterations}
   */
  static Solution maximise(
      Objective objective,
      double[] start,
      int fixedIndex,
      double ridge,
      double gradientTolerance,
      int maxIterations,
      boolean withCovariance) {
    int n = objective.dimension();
    double[] x = start.clone();
    double[] gradient = new double[n];
    double[][] negativeHessian = new double[n][n];
    for (int iteration = 0; iteration <= maxIterations; iteration++) {
      double value = evaluatePenalised(objective, x, ridge, fixedIndex, gradient, negativeHessian);
      if (maxAbs(gradient) <= gradientTolerance) {
        double[][] covariance = withCovariance ? covariance(negativeHessian, fixedIndex) : null;
        return new Solution(x, value, covariance, iteration);
      }
      double[] step = limited(new Cholesky(negativeHessian).solve(gradient));
      x = lineSearch(objective, x, value, step, ridge);
    }
    throw new IllegalStateException(
        "Newton–Raphson did not converge in "
            + maxIterations
            + " iterations (maximum likelihood probably at infinity)");
  }

  private static double evaluatePenalised(
      Objective objective,
      double[] x,
      double ridge,
      int fixedIndex,
      double[] gradient,
      double[][] negativeHessian) {
    int n = x.length;
    Arrays.fill(gradient, 0);
    for (double[] row : negativeHessian) {
      Arrays.fill(row, 0);
    }
    double value = objective.evaluate(x, gradient, negativeHessian) - penalty(x, ridge);
    for (int i = 0; i < n; i++) {
      gradient[i] -= ridge * x[i];
      negativeHessian[i][i] += ridge;
    }
    if (fixedIndex >= 0) {
      gradient[fixedIndex] = 0;
      for (int i = 0; i < n; i++) {
        negativeHessian[fixedIndex][i] = 0;
        negativeHessian[i][fixedIndex] = 0;
      }
      negativeHessian[fixedIndex][fixedIndex] = 1;
    }
    return value;
  }

  /**
   * Halves the Newton step until the objective does not decrease (it is concave, so this
   * terminates).
   */
  private static double[] lineSearch(
      Objective objective, double[] x, double value, double[] step, double ridge) {
    double scale = 1;
    double slack = ROUNDING_SLACK * Math.max(1, Math.abs(value));
    for (int halving = 0; halving <= MAX_STEP_HALVINGS; halving++) {
      double[] trial = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        trial[i] = x[i] + scale * step[i];
      }
      double trialValue = objective.value(trial) - penalty(trial, ridge);
      if (trialValue >= value - slack) {
        return trial;
      }
      scale /= 2;
    }
    throw new IllegalStateException("Newton–Raphson line search failed to improve the likelihood");
  }

  private static double[] limited(double[] step) {
    double longest = maxAbs(step);
    if (longest > MAX_STEP) {
      for (int i = 0; i < step.length; i++) {
        step[i] *= MAX_STEP / longest;
      }
    }
    return step;
  }

  private static double penalty(double[] x, double ridge) {
    if (ridge == 0) {
      return 0;
    }
    double sum = 0;
    for (double xi : x) {
      sum += xi * xi;
    }
    return ridge / 2 * sum;
  }

  private static double[][] covariance(double[][] negativeHessian, int fixedIndex) {
    double[][] covariance = new Cholesky(negativeHessian).inverse();
    if (fixedIndex >= 0) {
      for (int i = 0; i < covariance.length; i++) {
        covariance[fixedIndex][i] = 0;
        covariance[i][fixedIndex] = 0;
      }
    }
    return covariance;
  }

  private static double maxAbs(double[] values) {
    double max = 0;
    for (double v : values) {
      max = Math.max(max, Math.abs(v));
    }
    return max;
  }
}

package dev.earshot.bench;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * The FastChat way of fitting Bradley–Terry, for comparison: a logistic regression over every
 * individual vote (design row +1 for system A, −1 for system B, no intercept; target 1, 0, or ½ for
 * a tie, which is FastChat's "one tie = one win each" duplication), fitted by Newton/IRLS over all
 * votes in each iteration. The design is never materialised: each row has two non-zeros, so
 * X<sup>T</sup>WX and the gradient are accumulated in one pass over the votes. System 0 is held at
 * 0; the result is centred like {@code BradleyTerryFit.logStrengths()}.
 */
final class PerVoteLogisticRegression {

  /** Same stopping rule as {@code BradleyTerryModel}: every gradient component ≤ this × votes. */
  static final double GRADIENT_TOLERANCE = 1e-10;

  static final int MAX_ITERATIONS = 100;

  private PerVoteLogisticRegression() {}

  static double[] fit(int systems, int[] systemA, int[] systemB, double[] scoreA) {
    double[] theta = new double[systems];
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      double[] gradient = new double[systems];
      double[][] information = new double[systems][systems];
      for (int v = 0; v < scoreA.length; v++) {
        int a = systemA[v];
        int b = systemB[v];
        double p = 1 / (1 + Math.exp(theta[b] - theta[a]));
        double residual = scoreA[v] - p;
        double weight = p * (1 - p);
        gradient[a] += residual;
        gradient[b] -= residual;
        information[a][a] += weight;
        information[b][b] += weight;
        information[a][b] -= weight;
        information[b][a] -= weight;
      }
      double largest = 0;
      for (int s = 1; s < systems; s++) {
        largest = Math.max(largest, Math.abs(gradient[s]));
      }
      if (largest <= GRADIENT_TOLERANCE * Math.max(1, scoreA.length)) {
        return centred(theta);
      }
      RealVector step =
          new CholeskyDecomposition(new Array2DRowRealMatrix(dropFirst(information), false))
              .getSolver()
              .solve(new ArrayRealVector(gradient, 1, systems - 1));
      for (int s = 1; s < systems; s++) {
        theta[s] += step.getEntry(s - 1);
      }
    }
    throw new IllegalStateException("No convergence in " + MAX_ITERATIONS + " Newton iterations");
  }

  private static double[][] dropFirst(double[][] matrix) {
    int n = matrix.length - 1;
    double[][] reduced = new double[n][n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(matrix[i + 1], 1, reduced[i], 0, n);
    }
    return reduced;
  }

  private static double[] centred(double[] theta) {
    double mean = 0;
    for (double t : theta) {
      mean += t / theta.length;
    }
    double[] centred = new double[theta.length];
    for (int s = 0; s < theta.length; s++) {
      centred[s] = theta[s] - mean;
    }
    return centred;
  }
}

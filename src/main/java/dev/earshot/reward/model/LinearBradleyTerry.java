package dev.earshot.reward.model;

import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * The linear baseline beside the network: utility {@code s(x) = w·x} over the scaled features,
 * fitted by maximising the ridge-penalised Bradley–Terry log-likelihood {@code Σ log σ(w·(x_chosen
 * − x_rejected)) − ridge/2·|w|²} with Newton's method (the objective is strictly concave, so it
 * converges to the one maximum, deterministically).
 */
public final class LinearBradleyTerry {

  /** Ridge penalty on the scaled features; keeps separable data from diverging. */
  public static final double DEFAULT_RIDGE = 1.0;

  private static final int MAX_ITERATIONS = 100;
  private static final double TOLERANCE = 1e-8;

  private LinearBradleyTerry() {}

  /**
   * The fitted weights.
   *
   * @param differences {@code x_chosen − x_rejected} per pair, scaled features
   */
  public static double[] fit(List<float[]> differences, int size, double ridge) {
    double[] w = new double[size];
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      double[] gradient = new double[size];
      double[][] negativeHessian = new double[size][size];
      for (int i = 0; i < size; i++) {
        gradient[i] = -ridge * w[i];
        negativeHessian[i][i] = ridge;
      }
      for (float[] x : differences) {
        double p = sigmoid(utility(w, x));
        double curvature = p * (1 - p);
        for (int i = 0; i < size; i++) {
          gradient[i] += (1 - p) * x[i];
          for (int j = 0; j <= i; j++) {
            negativeHessian[i][j] += curvature * x[i] * x[j];
          }
        }
      }
      for (int i = 0; i < size; i++) {
        for (int j = 0; j < i; j++) {
          negativeHessian[j][i] = negativeHessian[i][j];
        }
      }
      RealMatrix matrix = new Array2DRowRealMatrix(negativeHessian, false);
      RealVector step =
          new CholeskyDecomposition(matrix).getSolver().solve(new ArrayRealVector(gradient, false));
      for (int i = 0; i < size; i++) {
        w[i] += step.getEntry(i);
      }
      if (step.getLInfNorm() < TOLERANCE) {
        break;
      }
    }
    return w;
  }

  /** {@code w·x}. */
  public static double utility(double[] weights, float[] x) {
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i] * x[i];
    }
    return sum;
  }

  static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }
}

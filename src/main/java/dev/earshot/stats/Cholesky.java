package dev.earshot.stats;

/**
 * Cholesky factorisation of a small symmetric positive-definite matrix (the negative Hessian of a
 * concave log-likelihood). Hand-rolled because the Newton loops call it thousands of times per
 * bootstrap.
 */
final class Cholesky {

  private final double[][] lower;

  /**
   * @throws IllegalStateException when the matrix is not numerically positive definite
   */
  Cholesky(double[][] matrix) {
    int n = matrix.length;
    lower = new double[n][n];
    for (int row = 0; row < n; row++) {
      for (int col = 0; col <= row; col++) {
        double sum = matrix[row][col];
        for (int k = 0; k < col; k++) {
          sum -= lower[row][k] * lower[col][k];
        }
        if (row == col) {
          if (!(sum > 0)) {
            throw new IllegalStateException(
                "Information matrix is not positive definite (parameters not identifiable)");
          }
          lower[row][row] = Math.sqrt(sum);
        } else {
          lower[row][col] = sum / lower[col][col];
        }
      }
    }
  }

  /** Solves {@code matrix · x = rhs}. */
  double[] solve(double[] rhs) {
    int n = rhs.length;
    double[] x = rhs.clone();
    for (int row = 0; row < n; row++) {
      double sum = x[row];
      for (int k = 0; k < row; k++) {
        sum -= lower[row][k] * x[k];
      }
      x[row] = sum / lower[row][row];
    }
    for (int row = n - 1; row >= 0; row--) {
      double sum = x[row];
      for (int k = row + 1; k < n; k++) {
        sum -= lower[k][row] * x[k];
      }
      x[row] = sum / lower[row][row];
    }
    return x;
  }

  double[][] inverse() {
    int n = lower.length;
    double[][] inverse = new double[n][];
    for (int col = 0; col < n; col++) {
      double[] unit = new double[n];
      unit[col] = 1;
      inverse[col] = solve(unit);
    }
    return inverse; // symmetric, so columns equal rows
  }
}

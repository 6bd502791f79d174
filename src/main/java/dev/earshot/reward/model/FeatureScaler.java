package dev.earshot.reward.model;

import java.util.Collection;
import java.util.List;

/**
 * Standardises feature vectors with the training set's mean and standard deviation, saved with the
 * model so a new clip is scaled exactly as the training data was. A missing feature (NaN) becomes
 * 0, the training average; a feature that never varied in training has sd 1, so it stays 0.
 *
 * @param mean per feature, over the finite training values (0 when there were none)
 * @param sd per feature, population standard deviation over the finite values, or 1 when it is 0
 */
public record FeatureScaler(List<Double> mean, List<Double> sd) {

  public FeatureScaler {
    mean = List.copyOf(mean);
    sd = List.copyOf(sd);
    if (mean.size() != sd.size()) {
      throw new IllegalArgumentException(
          "mean and sd must have one value per feature, got " + mean.size() + " and " + sd.size());
    }
    if (sd.stream().anyMatch(value -> !(value > 0) || !Double.isFinite(value))) {
      throw new IllegalArgumentException("every sd must be finite and above 0, got " + sd);
    }
  }

  /** Mean and sd of the finite values of each feature of {@code vectors}. */
  public static FeatureScaler fit(Collection<double[]> vectors, int size) {
    double[] sum = new double[size];
    double[] sumOfSquares = new double[size];
    int[] count = new int[size];
    for (double[] vector : vectors) {
      for (int i = 0; i < size; i++) {
        if (Double.isFinite(vector[i])) {
          sum[i] += vector[i];
          sumOfSquares[i] += vector[i] * vector[i];
          count[i]++;
        }
      }
    }
    Double[] mean = new Double[size];
    Double[] sd = new Double[size];
    for (int i = 0; i < size; i++) {
      double m = count[i] == 0 ? 0 : sum[i] / count[i];
      double variance = count[i] == 0 ? 0 : Math.max(0, sumOfSquares[i] / count[i] - m * m);
      mean[i] = m;
      sd[i] = variance > 1e-12 ? Math.sqrt(variance) : 1.0;
    }
    return new FeatureScaler(List.of(mean), List.of(sd));
  }

  /** The number of features. */
  public int size() {
    return mean.size();
  }

  /** {@code (x − mean) / sd} per feature, 0 for a missing one. */
  public float[] scale(double[] raw) {
    if (raw.length != mean.size()) {
      throw new IllegalArgumentException(
          "expected " + mean.size() + " features, got " + raw.length);
    }
    float[] scaled = new float[raw.length];
    for (int i = 0; i < raw.length; i++) {
      scaled[i] = Double.isFinite(raw[i]) ? (float) ((raw[i] - mean.get(i)) / sd.get(i)) : 0f;
    }
    return scaled;
  }
}

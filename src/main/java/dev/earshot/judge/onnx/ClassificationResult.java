package dev.earshot.judge.onnx;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A classifier's answer.
 *
 * @param label the most probable label
 * @param confidence its softmax probability
 * @param distribution every label's probability, in the model's label order; sums to 1
 */
public record ClassificationResult(
    String label, double confidence, Map<String, Double> distribution) {

  public ClassificationResult {
    distribution = Collections.unmodifiableMap(new LinkedHashMap<>(distribution));
  }

  /**
   * Softmax over {@code logits} (computed in double, shifted by the maximum so large logits do not
   * overflow); ties go to the first label.
   */
  static ClassificationResult fromLogits(List<String> labels, float[] logits) {
    if (logits.length != labels.size()) {
      throw new OnnxModelException(
          "the model gives "
              + logits.length
              + " logits but "
              + labels.size()
              + " labels are configured: "
              + labels);
    }
    int top = 0;
    for (int i = 1; i < logits.length; i++) {
      if (logits[i] > logits[top]) {
        top = i;
      }
    }
    double[] exps = new double[logits.length];
    double sum = 0;
    for (int i = 0; i < logits.length; i++) {
      exps[i] = Math.exp((double) logits[i] - logits[top]);
      sum += exps[i];
    }
    Map<String, Double> distribution = new LinkedHashMap<>();
    for (int i = 0; i < logits.length; i++) {
      distribution.put(labels.get(i), exps[i] / sum);
    }
    return new ClassificationResult(labels.get(top), exps[top] / sum, distribution);
  }
}

package dev.earshot.stats.agreement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Krippendorff's α with missing data, computed through the coincidence matrix (Krippendorff 2011,
 * "Computing Krippendorff's Alpha-Reliability").
 *
 * <p>Each unit with m_u ≥ 2 values contributes 1/(m_u − 1) to o_ck for every ordered pair of its
 * values (c, k) taken from different observers; units with one value are not pairable and drop out.
 * With n_c the row sums and n = Σ n_c, α = 1 − (n − 1)·Σ o_ck δ²_ck / Σ n_c n_k δ²_ck. α is NaN
 * when there is no expected disagreement (fewer than two pairable values, or only one distinct
 * value).
 */
public final class KrippendorffAlpha {

  /** Difference function δ² over the distinct values in ascending order. */
  public enum Metric {
    /** δ² = 0 for equal values, 1 otherwise. */
    NOMINAL,
    /**
     * δ²_ck = (Σ_{g between c and k} n_g − (n_c + n_k)/2)²: ranks only, with distances set by how
     * many pairable values lie between.
     */
    ORDINAL,
    /** δ² = (c − k)². */
    INTERVAL
  }

  private KrippendorffAlpha() {}

  /**
   * α from the values of each unit; a unit's array holds the values the observers gave it, missing
   * ones simply left out. Values are categories for {@link Metric#NOMINAL}, ranks for {@link
   * Metric#ORDINAL} and numbers for {@link Metric#INTERVAL}. NaN is not a value.
   */
  public static double of(List<double[]> unitValues, Metric metric) {
    if (unitValues.stream().flatMapToDouble(Arrays::stream).anyMatch(Double::isNaN)) {
      throw new IllegalArgumentException("Leave missing values out instead of passing NaN");
    }
    double[] categories =
        unitValues.stream().flatMapToDouble(Arrays::stream).sorted().distinct().toArray();
    int v = categories.length;
    double[][] coincidences = new double[v][v];
    for (double[] unit : unitValues) {
      int m = unit.length;
      for (int a = 0; a < m; a++) {
        for (int b = 0; b < m; b++) {
          if (a != b) {
            int c = Arrays.binarySearch(categories, unit[a]);
            int k = Arrays.binarySearch(categories, unit[b]);
            coincidences[c][k] += 1.0 / (m - 1);
          }
        }
      }
    }
    double[] marginals = new double[v];
    double n = 0;
    for (int c = 0; c < v; c++) {
      for (int k = 0; k < v; k++) {
        marginals[c] += coincidences[c][k];
      }
      n += marginals[c];
    }
    double observed = 0;
    double expected = 0;
    for (int c = 0; c < v; c++) {
      for (int k = 0; k < v; k++) {
        double distance = squaredDistance(metric, categories, marginals, c, k);
        observed += coincidences[c][k] * distance;
        expected += marginals[c] * marginals[k] * distance;
      }
    }
    return expected == 0 ? Double.NaN : 1 - (n - 1) * observed / expected;
  }

  /**
   * α over the verdicts of a rating matrix (missing cells are missing data). {@link Metric#NOMINAL}
   * treats all six verdicts as categories, both-bad included; {@link Metric#ORDINAL} and {@link
   * Metric#INTERVAL} use the scores −2..+2 and treat both-bad as missing.
   */
  public static double of(RatingMatrix ratings, Metric metric) {
    List<double[]> units = new ArrayList<>(ratings.itemCount());
    for (int item = 0; item < ratings.itemCount(); item++) {
      double[] values = new double[ratings.raterCount()];
      int count = 0;
      for (int rater = 0; rater < ratings.raterCount(); rater++) {
        Verdict verdict = ratings.cell(item, rater);
        if (verdict == null || metric != Metric.NOMINAL && !verdict.onScale()) {
          continue;
        }
        // Nominal codes are arbitrary labels; the ordinal position keeps both-bad apart from the
        // scale.
        values[count++] = metric == Metric.NOMINAL ? verdict.ordinal() : verdict.score();
      }
      units.add(Arrays.copyOf(values, count));
    }
    return of(units, metric);
  }

  private static double squaredDistance(
      Metric metric, double[] categories, double[] marginals, int c, int k) {
    return switch (metric) {
      case NOMINAL -> c == k ? 0 : 1;
      case INTERVAL -> (categories[c] - categories[k]) * (categories[c] - categories[k]);
      case ORDINAL -> {
        double between = 0;
        for (int g = Math.min(c, k); g <= Math.max(c, k); g++) {
          between += marginals[g];
        }
        double distance = between - (marginals[c] + marginals[k]) / 2;
        yield distance * distance;
      }
    };
  }
}

package dev.earshot.stats.agreement;

/**
 * Cohen's κ for two raters, unweighted or weighted (Cohen 1968).
 *
 * <p>κ = 1 − Σ v·o / Σ v·e over the contingency table, with o the observed and e the
 * chance-expected proportions (product of the two raters' marginals) and v the disagreement weight
 * of a cell. Unweighted, v = 1 off the diagonal, which is the familiar (p_o − p_e)/(1 − p_e). κ is
 * NaN when chance disagreement is zero (both raters used one and the same category throughout) or
 * nothing was compared.
 */
public final class CohensKappa {

  /** Disagreement weights v(i, j) for categories i, j of k ordered categories. */
  public enum Weighting {
    /** v = 1 for i ≠ j: nominal κ. */
    UNWEIGHTED,
    /** v = |i − j| / (k − 1). */
    LINEAR,
    /** v = (i − j)² / (k − 1)². */
    QUADRATIC;

    double disagreement(int i, int j, int categories) {
      double distance = Math.abs(i - j) / (double) Math.max(1, categories - 1);
      return switch (this) {
        case UNWEIGHTED -> i == j ? 0 : 1;
        case LINEAR -> distance;
        case QUADRATIC -> distance * distance;
      };
    }
  }

  private static final int SCALE_POINTS = 5;

  private CohensKappa() {}

  /**
   * κ from a square contingency table, {@code table[i][j]} = items the first rater put in category
   * i and the second in category j (categories in scale order for weighted κ).
   */
  public static double of(long[][] table, Weighting weighting) {
    int k = table.length;
    double[] rowTotals = new double[k];
    double[] columnTotals = new double[k];
    double total = 0;
    for (int i = 0; i < k; i++) {
      if (table[i].length != k) {
        throw new IllegalArgumentException("Contingency table must be square");
      }
      for (int j = 0; j < k; j++) {
        rowTotals[i] += table[i][j];
        columnTotals[j] += table[i][j];
        total += table[i][j];
      }
    }
    double observed = 0;
    double expected = 0;
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        double weight = weighting.disagreement(i, j, k);
        observed += weight * table[i][j];
        expected += weight * rowTotals[i] * columnTotals[j] / total;
      }
    }
    return total == 0 || expected == 0 ? Double.NaN : 1 - observed / expected;
  }

  /**
   * Unweighted κ on the three-way direction (A / tie / B, both-bad as tie) over items both raters
   * rated.
   */
  public static double onDirection(RatingMatrix ratings, String firstRater, String secondRater) {
    int first = ratings.raterIndex(firstRater);
    int second = ratings.raterIndex(secondRater);
    long[][] table = new long[Directions.COUNT][Directions.COUNT];
    for (int item = 0; item < ratings.itemCount(); item++) {
      Verdict a = ratings.cell(item, first);
      Verdict b = ratings.cell(item, second);
      if (a != null && b != null) {
        table[Directions.index(a.direction())][Directions.index(b.direction())]++;
      }
    }
    return of(table, Weighting.UNWEIGHTED);
  }

  /**
   * κ on the five-point scale (−2..+2) over items both raters rated, leaving out items where either
   * said both-bad.
   */
  public static double onScale(
      RatingMatrix ratings, String firstRater, String secondRater, Weighting weighting) {
    int first = ratings.raterIndex(firstRater);
    int second = ratings.raterIndex(secondRater);
    long[][] table = new long[SCALE_POINTS][SCALE_POINTS];
    for (int item = 0; item < ratings.itemCount(); item++) {
      Verdict a = ratings.cell(item, first);
      Verdict b = ratings.cell(item, second);
      if (a != null && b != null && a.onScale() && b.onScale()) {
        table[a.score() + 2][b.score() + 2]++;
      }
    }
    return of(table, weighting);
  }
}

package dev.earshot.stats.agreement;

/**
 * Fleiss' κ (1971) for many raters, generalised to a varying number of raters per item.
 *
 * <p>Per item i with n_i ≥ 2 ratings, P_i = Σ_j n_ij(n_ij − 1) / (n_i(n_i − 1)) is the share of
 * agreeing ordered rater pairs; P̄ is the plain mean of P_i over those items, p_j the pooled share
 * of category j among their ratings, P̄_e = Σ p_j², and κ = (P̄ − P̄_e)/(1 − P̄_e). With the same n
 * for every item this is exactly Fleiss' statistic. Items with fewer than two ratings carry no
 * agreement information and are left out entirely (also from p_j). κ is NaN when no item qualifies
 * or all ratings fall in one category.
 */
public final class FleissKappa {

  private FleissKappa() {}

  /** κ from {@code counts[item][category]}: how many raters put the item in each category. */
  public static double of(long[][] counts) {
    int categories = counts.length == 0 ? 0 : counts[0].length;
    double[] categoryTotals = new double[categories];
    double ratingTotal = 0;
    double agreementSum = 0;
    int usedItems = 0;
    for (long[] item : counts) {
      if (item.length != categories) {
        throw new IllegalArgumentException(
            "Every item needs a count for each of " + categories + " categories");
      }
      long raters = 0;
      long agreeingPairs = 0;
      for (long count : item) {
        raters += count;
        agreeingPairs += count * (count - 1);
      }
      if (raters < 2) {
        continue;
      }
      usedItems++;
      agreementSum += (double) agreeingPairs / (raters * (raters - 1));
      ratingTotal += raters;
      for (int j = 0; j < categories; j++) {
        categoryTotals[j] += item[j];
      }
    }
    double chance = 0;
    for (double categoryTotal : categoryTotals) {
      double share = categoryTotal / ratingTotal;
      chance += share * share;
    }
    double observed = agreementSum / usedItems;
    return usedItems == 0 || chance == 1 ? Double.NaN : (observed - chance) / (1 - chance);
  }

  /**
   * κ on the three-way direction (A / tie / B, both-bad as tie), every item with at least two
   * ratings.
   */
  public static double onDirection(RatingMatrix ratings) {
    long[][] counts = new long[ratings.itemCount()][Directions.COUNT];
    for (int item = 0; item < ratings.itemCount(); item++) {
      int[] directionCounts = ratings.directionCounts(item, -1);
      for (int j = 0; j < Directions.COUNT; j++) {
        counts[item][j] = directionCounts[j];
      }
    }
    return of(counts);
  }
}

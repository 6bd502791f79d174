package dev.earshot.stats.agreement;

import dev.earshot.stats.Outcome;

/**
 * Raw pairwise percent agreement on the three-way direction (A / tie / B, both-bad as tie).
 *
 * <p>Every unordered pair of raters who rated the same item is one comparison; comparisons are
 * pooled over all items, so items with more raters weigh more. Without ties, only pairs in which
 * both raters expressed a preference count.
 */
public final class PercentAgreement {

  private PercentAgreement() {}

  public static AgreementRate of(RatingMatrix ratings, TieHandling ties) {
    long agreeing = 0;
    long compared = 0;
    for (int item = 0; item < ratings.itemCount(); item++) {
      int[] counts = ratings.directionCounts(item, -1);
      int preferA = counts[Directions.index(Outcome.A_WINS)];
      int preferB = counts[Directions.index(Outcome.B_WINS)];
      int tie = counts[Directions.index(Outcome.TIE)];
      agreeing += pairs(preferA) + pairs(preferB);
      if (ties == TieHandling.WITH_TIES) {
        agreeing += pairs(tie);
        compared += pairs(preferA + preferB + tie);
      } else {
        compared += pairs(preferA + preferB);
      }
    }
    return new AgreementRate(agreeing, compared);
  }

  private static long pairs(long n) {
    return n * (n - 1) / 2;
  }
}

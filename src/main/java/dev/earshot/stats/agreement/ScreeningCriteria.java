package dev.earshot.stats.agreement;

/**
 * When {@link RaterScreening} flags a rater.
 *
 * @param madMultiplier flag agreement with the others' majority below median − madMultiplier·σ̂,
 *     median over the other judged raters and σ̂ the larger of their 1.4826·MAD (consistent for
 *     normal data, so the default 3 is a three-sigma rule) and the binomial standard error √(m(1 −
 *     m)/n) of a rate at that median m over the rater's n compared items (default 3)
 * @param minimumGap the cut-off lies at least this far below the median, so that a rater is not
 *     flagged for a trivial shortfall when the others agree (almost) perfectly and σ̂ is near zero
 *     (default 0.05)
 * @param agreementFloor flag agreement with the others' majority below this absolute value; 0 turns
 *     the floor off (default 0)
 * @param goldAccuracyThreshold flag gold accuracy below this (default 0.7)
 * @param minimumItems a rater is judged on agreement only with at least this many items shared with
 *     other raters, and on gold only with at least this many gold items (default 10)
 */
public record ScreeningCriteria(
    double madMultiplier,
    double minimumGap,
    double agreementFloor,
    double goldAccuracyThreshold,
    int minimumItems) {

  public static final double DEFAULT_MAD_MULTIPLIER = 3;
  public static final double DEFAULT_MINIMUM_GAP = 0.05;
  public static final double DEFAULT_GOLD_ACCURACY_THRESHOLD = 0.7;
  public static final int DEFAULT_MINIMUM_ITEMS = 10;

  public ScreeningCriteria {
    if (!(madMultiplier > 0)
        || !(minimumGap >= 0)
        || !(agreementFloor >= 0 && agreementFloor <= 1)
        || !(goldAccuracyThreshold >= 0 && goldAccuracyThreshold <= 1)
        || minimumItems < 1) {
      throw new IllegalArgumentException(
          "Need madMultiplier > 0, minimumGap >= 0, agreementFloor and "
              + "goldAccuracyThreshold in [0, 1], minimumItems >= 1");
    }
  }

  public static ScreeningCriteria defaults() {
    return new ScreeningCriteria(
        DEFAULT_MAD_MULTIPLIER,
        DEFAULT_MINIMUM_GAP,
        0,
        DEFAULT_GOLD_ACCURACY_THRESHOLD,
        DEFAULT_MINIMUM_ITEMS);
  }

  public ScreeningCriteria withAgreementFloor(double newFloor) {
    return new ScreeningCriteria(
        madMultiplier, minimumGap, newFloor, goldAccuracyThreshold, minimumItems);
  }

  public ScreeningCriteria withGoldAccuracyThreshold(double newThreshold) {
    return new ScreeningCriteria(
        madMultiplier, minimumGap, agreementFloor, newThreshold, minimumItems);
  }

  public ScreeningCriteria withMinimumItems(int newMinimum) {
    return new ScreeningCriteria(
        madMultiplier, minimumGap, agreementFloor, goldAccuracyThreshold, newMinimum);
  }
}

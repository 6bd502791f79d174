package dev.earshot.stats.agreement;

import dev.earshot.stats.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * Rater quality on the three-way direction (A / tie / B, both-bad as tie): leave-one-out agreement
 * with the majority of the other raters, gold accuracy, and outlier flags per {@link
 * ScreeningCriteria}.
 */
public final class RaterScreening {

  /** MAD × this estimates the standard deviation of normal data. */
  private static final double MAD_TO_SIGMA = 1.4826;

  private RaterScreening() {}

  /**
   * Agreement of {@code rater} with the majority direction of the other raters, over the items the
   * rater shares with at least one other rater (a shared top count among the others makes their
   * majority a tie).
   */
  public static AgreementRate agreementWithOthers(
      RatingMatrix ratings, String rater, TieHandling ties) {
    int self = ratings.raterIndex(rater);
    long agreeing = 0;
    long compared = 0;
    for (int item = 0; item < ratings.itemCount(); item++) {
      Verdict own = ratings.cell(item, self);
      int[] others = ratings.directionCounts(item, self);
      if (own == null || others[0] + others[1] + others[2] == 0) {
        continue;
      }
      Outcome majority = Directions.majority(others);
      if (ties.counts(own.direction(), majority)) {
        compared++;
        agreeing += own.direction() == majority ? 1 : 0;
      }
    }
    return new AgreementRate(agreeing, compared);
  }

  /**
   * Share of the gold items rated by {@code rater} where the rater's direction matches the gold
   * direction ({@code gold}: item id → known answer, both-bad read as tie); gold items not in the
   * matrix are ignored.
   */
  public static AgreementRate goldAccuracy(
      RatingMatrix ratings, String rater, Map<String, Outcome> gold) {
    int self = ratings.raterIndex(rater);
    long correct = 0;
    long answered = 0;
    for (Map.Entry<String, Outcome> answer : gold.entrySet()) {
      int item = ratings.itemIndexOrMissing(answer.getKey());
      Verdict own = item < 0 ? null : ratings.cell(item, self);
      if (own != null) {
        answered++;
        correct += own.direction() == Directions.of(answer.getValue()) ? 1 : 0;
      }
    }
    return new AgreementRate(correct, answered);
  }

  /**
   * Reports for every rater, in rater order. A rater is flagged when, with enough shared items,
   * their agreement with the others' majority (with ties) is below the robust cut-off computed from
   * the other judged raters or below the floor, or when, with enough gold items, their gold
   * accuracy is below the threshold.
   */
  public static List<RaterReport> screen(
      RatingMatrix ratings, Map<String, Outcome> gold, ScreeningCriteria criteria) {
    List<String> raters = ratings.raters();
    List<AgreementRate> agreements = new ArrayList<>();
    for (String rater : raters) {
      agreements.add(agreementWithOthers(ratings, rater, TieHandling.WITH_TIES));
    }
    List<RaterReport> reports = new ArrayList<>();
    for (int r = 0; r < raters.size(); r++) {
      List<String> reasons = new ArrayList<>();
      AgreementRate agreement = agreements.get(r);
      if (agreement.compared() >= criteria.minimumItems()) {
        robustCutOffReason(agreement, restRates(agreements, r, criteria), criteria)
            .ifPresent(reasons::add);
        if (agreement.rate() < criteria.agreementFloor()) {
          reasons.add(
              format(
                  "agreement with majority %.2f below floor %.2f",
                  agreement.rate(), criteria.agreementFloor()));
        }
      }
      AgreementRate accuracy = goldAccuracy(ratings, raters.get(r), gold);
      if (accuracy.compared() >= criteria.minimumItems()
          && accuracy.rate() < criteria.goldAccuracyThreshold()) {
        reasons.add(
            format(
                "gold accuracy %.2f on %d gold items (threshold %.2f)",
                accuracy.rate(), accuracy.compared(), criteria.goldAccuracyThreshold()));
      }
      reports.add(new RaterReport(raters.get(r), agreement, accuracy, reasons));
    }
    return reports;
  }

  /** Agreement rates of the judged raters other than {@code self}. */
  private static double[] restRates(
      List<AgreementRate> agreements, int self, ScreeningCriteria criteria) {
    List<Double> rest = new ArrayList<>();
    for (int other = 0; other < agreements.size(); other++) {
      if (other != self && agreements.get(other).compared() >= criteria.minimumItems()) {
        rest.add(agreements.get(other).rate());
      }
    }
    return rest.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /**
   * The others' spread is the larger of their scaled MAD and the binomial standard error of this
   * rater's rate at the others' median: with few raters the MAD alone can be much smaller than the
   * sampling noise of a single rate, and would flag honest raters.
   */
  private static Optional<String> robustCutOffReason(
      AgreementRate agreement, double[] rest, ScreeningCriteria criteria) {
    if (rest.length == 0) {
      return Optional.empty();
    }
    Median median = new Median();
    double centre = median.evaluate(rest);
    double[] deviations = new double[rest.length];
    for (int i = 0; i < rest.length; i++) {
      deviations[i] = Math.abs(rest[i] - centre);
    }
    double samplingError = Math.sqrt(centre * (1 - centre) / agreement.compared());
    double spread = Math.max(MAD_TO_SIGMA * median.evaluate(deviations), samplingError);
    double cutOff = centre - Math.max(criteria.madMultiplier() * spread, criteria.minimumGap());
    return agreement.rate() < cutOff
        ? Optional.of(
            format(
                "agreement with majority %.2f vs median %.2f of the other raters "
                    + "(cut-off %.2f)",
                agreement.rate(), centre, cutOff))
        : Optional.empty();
  }

  private static String format(String template, Object... values) {
    return String.format(Locale.ROOT, template, values);
  }
}

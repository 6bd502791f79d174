package dev.earshot.stats.agreement;

import java.util.List;

/**
 * One rater's quality figures and, if flagged, why.
 *
 * @param agreementWithOthers agreement with the majority of the other raters (leave-one-out), with
 *     ties
 * @param goldAccuracy direction matches on the gold items the rater rated
 * @param reasons readable reasons for the flag, e.g. "agreement with majority 0.31 vs median 0.78
 *     of the other raters (cut-off 0.70)"; empty when not flagged
 */
public record RaterReport(
    String rater,
    AgreementRate agreementWithOthers,
    AgreementRate goldAccuracy,
    List<String> reasons) {

  public RaterReport {
    reasons = List.copyOf(reasons);
  }

  public boolean flagged() {
    return !reasons.isEmpty();
  }
}

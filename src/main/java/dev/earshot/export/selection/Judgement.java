package dev.earshot.export.selection;

import dev.earshot.stats.Outcome;

/**
 * One pair's aggregated judgement.
 *
 * @param outcome {@code A_WINS}: the first response (id sorting first) is preferred; {@code
 *     B_WINS}: the second; {@code TIE} or {@code BOTH_BAD}: neither
 * @param margin how strongly the preferred response won, always above 0 for a preference; 0 for
 *     neither
 * @param agreement the fraction of votes in the outcome's direction (1 for a single vote or a
 *     score)
 */
public record Judgement(Outcome outcome, double margin, double agreement) {

  public boolean isPreference() {
    return outcome == Outcome.A_WINS || outcome == Outcome.B_WINS;
  }

  /** A pointwise judge's scores of two responses: the higher wins by the difference. */
  public static Judgement ofScores(double first, double second) {
    double difference = first - second;
    Outcome outcome =
        difference > 0 ? Outcome.A_WINS : difference < 0 ? Outcome.B_WINS : Outcome.TIE;
    return new Judgement(outcome, Math.abs(difference), 1);
  }
}

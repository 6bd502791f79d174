package dev.earshot.stats.agreement;

import dev.earshot.stats.Outcome;
import java.util.Map;

/**
 * An AI judge measured against the human raters and against itself. Judge verdicts are {@link
 * Outcome}s keyed by item id (the same ids as in the {@link RatingMatrix}); a both-bad verdict
 * counts as a tie.
 */
public final class JudgeAgreement {

  private JudgeAgreement() {}

  /**
   * Agreement of the judge with the human majority direction (see {@link MajorityVote}) on the
   * items both have a verdict for. Without ties, only items where the judge and the human majority
   * both prefer a side count.
   */
  public static AgreementRate withHumanMajority(
      RatingMatrix humans, Map<String, Outcome> judgeVerdicts, TieHandling ties) {
    Map<String, Outcome> majorities = MajorityVote.perItem(humans);
    long agreeing = 0;
    long compared = 0;
    for (Map.Entry<String, Outcome> judged : judgeVerdicts.entrySet()) {
      Outcome majority = majorities.get(judged.getKey());
      Outcome judge = Directions.of(judged.getValue());
      if (majority != null && ties.counts(judge, majority)) {
        compared++;
        agreeing += judge == majority ? 1 : 0;
      }
    }
    return new AgreementRate(agreeing, compared);
  }

  /**
   * Position conflicts of a judge asked in both orders. {@code shownAB} holds the verdict with A
   * shown first, {@code shownBA} the verdict with the responses swapped, in the labels of that
   * presentation (its {@link Outcome#A_WINS} means the response shown first, i.e. the original B).
   * An item counts when it is in both maps; it conflicts when the swapped-back second verdict
   * differs from the first.
   */
  public static PositionConsistency positionConsistency(
      Map<String, Outcome> shownAB, Map<String, Outcome> shownBA) {
    long compared = 0;
    long conflicts = 0;
    long firstFavoured = 0;
    long secondFavoured = 0;
    for (Map.Entry<String, Outcome> first : shownAB.entrySet()) {
      Outcome swapped = shownBA.get(first.getKey());
      if (swapped == null) {
        continue;
      }
      Outcome forward = Directions.of(first.getValue());
      Outcome reversed = Directions.of(swapped);
      compared++;
      if (forward != reversed.swapped()) {
        conflicts++;
        // Here forward == reversed can only be a preference for the same slot in both
        // presentations.
        firstFavoured += forward == Outcome.A_WINS && reversed == Outcome.A_WINS ? 1 : 0;
        secondFavoured += forward == Outcome.B_WINS && reversed == Outcome.B_WINS ? 1 : 0;
      }
    }
    return new PositionConsistency(compared, conflicts, firstFavoured, secondFavoured);
  }
}

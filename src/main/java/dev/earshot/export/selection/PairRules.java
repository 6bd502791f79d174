package dev.earshot.export.selection;

import dev.earshot.export.format.PreferencePair;
import dev.earshot.export.format.Turn;
import dev.earshot.stats.Outcome;
import java.util.Objects;
import java.util.Optional;

/**
 * What makes a judged pair part of an export, applied in this order: the tie policy (ties and "both
 * bad"), the minimum agreement, the minimum margin (a preference is kept only when its margin
 * exceeds it; ties kept by the policy are not subject to it).
 *
 * @param aggregation how several votes on one pair are combined
 * @param tiePolicy what becomes of ties and "both bad"
 * @param minAgreement least fraction of votes in the judgement's direction, 0 to 1 (0 keeps all)
 * @param minMargin a preference's margin must be greater than this (0 keeps every preference)
 */
public record PairRules(
    Aggregation aggregation, TiePolicy tiePolicy, double minAgreement, double minMargin) {

  public static final String DROPPED_TIE = "droppedTie";
  public static final String DROPPED_BOTH_BAD = "droppedBothBad";
  public static final String DROPPED_BELOW_AGREEMENT = "droppedBelowAgreement";
  public static final String DROPPED_BELOW_MARGIN = "droppedBelowMargin";

  public PairRules {
    Objects.requireNonNull(aggregation, "aggregation");
    Objects.requireNonNull(tiePolicy, "tiePolicy");
    if (!(minAgreement >= 0 && minAgreement <= 1)) {
      throw new IllegalArgumentException("minAgreement must be in [0, 1]: " + minAgreement);
    }
    if (!(minMargin >= 0) || Double.isInfinite(minMargin)) {
      throw new IllegalArgumentException("minMargin must be finite and >= 0: " + minMargin);
    }
  }

  /** The counters {@link #keep} may add to, in step order. */
  public static String[] dropCounters() {
    return new String[] {
      DROPPED_TIE, DROPPED_BOTH_BAD, DROPPED_BELOW_AGREEMENT, DROPPED_BELOW_MARGIN
    };
  }

  /**
   * The pair to write for a judgement of {@code first} against {@code second}, or empty (counted)
   * when a rule drops it. A kept tie names the first response chosen.
   */
  Optional<PreferencePair> keep(
      Turn prompt,
      String dimension,
      Turn first,
      Turn second,
      Judgement judgement,
      SelectionCounts counts) {
    boolean preference = judgement.isPreference();
    if (!preference && tiePolicy == TiePolicy.EXCLUDE) {
      counts.increment(judgement.outcome() == Outcome.BOTH_BAD ? DROPPED_BOTH_BAD : DROPPED_TIE);
      return Optional.empty();
    }
    if (judgement.agreement() < minAgreement) {
      counts.increment(DROPPED_BELOW_AGREEMENT);
      return Optional.empty();
    }
    if (preference && !(judgement.margin() > minMargin)) {
      counts.increment(DROPPED_BELOW_MARGIN);
      return Optional.empty();
    }
    boolean firstChosen = judgement.outcome() != Outcome.B_WINS;
    return Optional.of(
        new PreferencePair(
            prompt,
            firstChosen ? first : second,
            firstChosen ? second : first,
            dimension,
            preference ? judgement.margin() : 0,
            tiePolicy == TiePolicy.LABEL ? label(judgement.outcome()) : null));
  }

  private static PreferencePair.Outcome label(Outcome outcome) {
    return switch (outcome) {
      case A_WINS, B_WINS -> PreferencePair.Outcome.PREFERRED;
      case TIE -> PreferencePair.Outcome.TIE;
      case BOTH_BAD -> PreferencePair.Outcome.BOTH_BAD;
    };
  }
}

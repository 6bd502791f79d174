package dev.earshot.export.selection;

import dev.earshot.stats.Outcome;
import dev.earshot.stats.agreement.Verdict;

/**
 * The votes on one response pair and dimension, counted per verdict from the point of view of the
 * pair's first response (the one whose id sorts first).
 */
public final class VoteTally {

  private final int[] counts = new int[Verdict.values().length];

  /** Adds a vote given from the first response's point of view. */
  public void add(Verdict verdictForFirst) {
    counts[verdictForFirst.ordinal()]++;
  }

  /** Adds a vote given from the point of view of whichever response was A when it was cast. */
  public void add(Verdict verdict, boolean firstWasA) {
    add(firstWasA || !verdict.onScale() ? verdict : Verdict.ofScore(-verdict.score()));
  }

  public int count(Verdict verdict) {
    return counts[verdict.ordinal()];
  }

  public int total() {
    int total = 0;
    for (int count : counts) {
      total += count;
    }
    return total;
  }

  /** Votes preferring the first response. */
  int forFirst() {
    return count(Verdict.A_MUCH_BETTER) + count(Verdict.A_BETTER);
  }

  /** Votes preferring the second response. */
  int forSecond() {
    return count(Verdict.B_BETTER) + count(Verdict.B_MUCH_BETTER);
  }

  /** Votes for neither: ties and "both bad". */
  int forNeither() {
    return count(Verdict.TIE) + count(Verdict.BOTH_BAD);
  }

  /** Sum of the strengths (1 better, 2 much better) of the votes preferring the first response. */
  int strengthForFirst() {
    return 2 * count(Verdict.A_MUCH_BETTER) + count(Verdict.A_BETTER);
  }

  int strengthForSecond() {
    return 2 * count(Verdict.B_MUCH_BETTER) + count(Verdict.B_BETTER);
  }

  /** A judgement of "neither" is "both bad" when more voters said so than said tie. */
  Outcome neitherOutcome() {
    return count(Verdict.BOTH_BAD) > count(Verdict.TIE) ? Outcome.BOTH_BAD : Outcome.TIE;
  }

  /** How many votes lie in the direction of the outcome (ties and "both bad" together). */
  int inDirectionOf(Outcome outcome) {
    return switch (outcome) {
      case A_WINS -> forFirst();
      case B_WINS -> forSecond();
      case TIE, BOTH_BAD -> forNeither();
    };
  }
}

package dev.earshot.stats.agreement;

import dev.earshot.stats.Outcome;

/**
 * The three-way preference direction (A / tie / B) as an {@link Outcome}, both-bad folded into tie.
 */
final class Directions {

  static final int COUNT = 3;

  private Directions() {}

  static Outcome of(Outcome outcome) {
    return outcome == Outcome.BOTH_BAD ? Outcome.TIE : outcome;
  }

  static boolean isPreference(Outcome outcome) {
    return of(outcome) != Outcome.TIE;
  }

  /** Index 0 (A), 1 (tie) or 2 (B), in scale order. */
  static int index(Outcome outcome) {
    return switch (of(outcome)) {
      case A_WINS -> 0;
      case B_WINS -> 2;
      default -> 1;
    };
  }

  /**
   * The majority direction of per-direction counts (indexed by {@link #index}); a shared top count
   * is a tie. Counts must not all be zero.
   */
  static Outcome majority(int[] counts) {
    int best = Math.max(counts[0], Math.max(counts[1], counts[2]));
    if (best == 0) {
      throw new IllegalArgumentException("No votes to take a majority of");
    }
    boolean aTop = counts[0] == best;
    boolean bTop = counts[2] == best;
    boolean tieTop = counts[1] == best;
    if (aTop && !bTop && !tieTop) {
      return Outcome.A_WINS;
    }
    if (bTop && !aTop && !tieTop) {
      return Outcome.B_WINS;
    }
    return Outcome.TIE;
  }
}

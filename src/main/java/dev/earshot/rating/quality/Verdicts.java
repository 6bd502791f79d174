package dev.earshot.rating.quality;

import java.util.List;

/** The verdicts a rater gives per dimension, from the point of view of the response heard as A. */
public final class Verdicts {

  public static final List<String> ALL =
      List.of("a_much_better", "a_better", "tie", "b_better", "b_much_better", "both_bad");

  /** Which response a verdict prefers, seen from a fixed response X of the pair. */
  public enum Preference {
    X,
    Y,
    TIE,
    BOTH_BAD
  }

  private Verdicts() {}

  public static boolean valid(String verdict) {
    return ALL.contains(verdict);
  }

  /**
   * The verdict turned around to the pair's own order: {@code xHeardAsA} says whether response X
   * was the one heard as A.
   */
  public static Preference preference(String verdict, boolean xHeardAsA) {
    return switch (verdict) {
      case "a_much_better", "a_better" -> xHeardAsA ? Preference.X : Preference.Y;
      case "b_much_better", "b_better" -> xHeardAsA ? Preference.Y : Preference.X;
      case "tie" -> Preference.TIE;
      case "both_bad" -> Preference.BOTH_BAD;
      default -> throw new IllegalArgumentException("not a verdict: " + verdict);
    };
  }
}

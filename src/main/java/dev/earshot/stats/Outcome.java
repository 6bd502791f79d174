package dev.earshot.stats;

/**
 * Result of one pairwise vote between system A and system B.
 *
 * <p>Encoding: {@link #A_WINS}, {@link #B_WINS}, {@link #TIE}, {@link #BOTH_BAD}. For rating
 * purposes a both-bad vote is a tie; it is only counted separately in the leaderboard rows.
 */
public enum Outcome {
  A_WINS,
  B_WINS,
  TIE,
  BOTH_BAD;

  /** The same vote seen from B's side: A_WINS and B_WINS swap, ties stay ties. */
  public Outcome swapped() {
    return switch (this) {
      case A_WINS -> B_WINS;
      case B_WINS -> A_WINS;
      case TIE, BOTH_BAD -> this;
    };
  }
}

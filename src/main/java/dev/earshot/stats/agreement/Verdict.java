package dev.earshot.stats.agreement;

import dev.earshot.stats.Outcome;

/**
 * A human rater's verdict on one item (a response pair A/B on one dimension).
 *
 * <p>Encoding: the five ordered points carry the scores −2 ({@link #A_MUCH_BETTER}), −1 ({@link
 * #A_BETTER}), 0 ({@link #TIE}), +1 ({@link #B_BETTER}) and +2 ({@link #B_MUCH_BETTER}). {@link
 * #BOTH_BAD} is a separate category off the scale: it has no score, its preference direction is a
 * tie, and the ordinal and interval statistics leave it out.
 */
public enum Verdict {
  A_MUCH_BETTER,
  A_BETTER,
  TIE,
  B_BETTER,
  B_MUCH_BETTER,
  BOTH_BAD;

  /** The verdict with score −2..+2. */
  public static Verdict ofScore(int score) {
    return switch (score) {
      case -2 -> A_MUCH_BETTER;
      case -1 -> A_BETTER;
      case 0 -> TIE;
      case 1 -> B_BETTER;
      case 2 -> B_MUCH_BETTER;
      default ->
          throw new IllegalArgumentException("Verdict scores run from -2 to +2, got " + score);
    };
  }

  /** Whether the verdict lies on the five-point scale, i.e. is not {@link #BOTH_BAD}. */
  public boolean onScale() {
    return this != BOTH_BAD;
  }

  /**
   * Score −2..+2 (negative favours A).
   *
   * @throws IllegalStateException for {@link #BOTH_BAD}, which has no score
   */
  public int score() {
    if (!onScale()) {
      throw new IllegalStateException("BOTH_BAD has no score on the five-point scale");
    }
    return ordinal() - 2;
  }

  /**
   * The three-way preference: {@link Outcome#A_WINS}, {@link Outcome#B_WINS} or {@link
   * Outcome#TIE}.
   */
  public Outcome direction() {
    return switch (this) {
      case A_MUCH_BETTER, A_BETTER -> Outcome.A_WINS;
      case B_BETTER, B_MUCH_BETTER -> Outcome.B_WINS;
      case TIE, BOTH_BAD -> Outcome.TIE;
    };
  }
}

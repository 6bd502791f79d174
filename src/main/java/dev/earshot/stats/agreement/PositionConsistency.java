package dev.earshot.stats.agreement;

/**
 * How often a judge's verdict changes when the two responses swap places.
 *
 * @param compared items judged in both orders
 * @param conflicts items whose verdicts disagree once the swapped verdict is mapped back
 * @param firstPositionFavoured conflicts where the judge preferred whichever response was shown
 *     first both times
 * @param secondPositionFavoured conflicts where it preferred whichever was shown second both times;
 *     the other conflicts are a tie in one order and a preference in the other
 */
public record PositionConsistency(
    long compared, long conflicts, long firstPositionFavoured, long secondPositionFavoured) {

  /** conflicts / compared; NaN when nothing was compared. */
  public double conflictRate() {
    return compared == 0 ? Double.NaN : (double) conflicts / compared;
  }
}

package dev.earshot.rating.assignment;

/**
 * A pair a rater has not been given yet, with how many votes it has and how many open assignments
 * of other raters may still bring votes.
 *
 * @param systemX system of the first response (for gold pairs: the known better one)
 * @param systemY system of the second response
 */
public record CandidatePair(
    long pairId, long systemX, long systemY, boolean gold, int votes, int inFlight) {

  /** Votes plus open assignments: what the pair will have if every open one is voted on. */
  public int expected() {
    return votes + inFlight;
  }
}

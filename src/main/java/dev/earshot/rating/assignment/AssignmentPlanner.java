package dev.earshot.rating.assignment;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Decides what a rater hears next in a campaign:
 *
 * <ul>
 *   <li>the regular pair that most needs votes (fewest votes plus open assignments), among pairs
 *       still short of the overlap; the caller passes only pairs this rater has never been given,
 *       so no one rates a pair twice;
 *   <li>a gold pair instead at the campaign's gold rate, spread evenly over each rater's sequence
 *       with a per-rater phase so raters do not meet gold at the same positions;
 *   <li>ties in need broken in an order of the rater's own, so raters work on different pairs;
 *   <li>the side each system is heard on chosen to keep every system heard as A and as B equally
 *       often; an exact balance is broken by a per-rater coin.
 * </ul>
 *
 * Deterministic: the same state and rater always give the same choice.
 */
public final class AssignmentPlanner {

  private AssignmentPlanner() {}

  /**
   * The next assignment, or empty when every regular pair has the votes it needs (or the rater has
   * been given all of them).
   *
   * @param sequence the position of this assignment in the rater's sequence, from 1
   */
  public static Optional<Choice> next(
      String rater,
      int sequence,
      int overlap,
      double goldRate,
      List<CandidatePair> candidates,
      SideBalance balance) {
    long raterSeed = seed(rater);
    Comparator<CandidatePair> byNeed =
        Comparator.comparingInt(CandidatePair::expected)
            .thenComparingLong(p -> mix(raterSeed, p.pairId()));
    Optional<CandidatePair> regular =
        candidates.stream().filter(p -> !p.gold() && p.expected() < overlap).min(byNeed);
    if (regular.isEmpty()) {
      return Optional.empty();
    }
    Optional<CandidatePair> gold =
        goldTurn(raterSeed, sequence, goldRate)
            ? candidates.stream().filter(CandidatePair::gold).min(byNeed)
            : Optional.empty();
    CandidatePair chosen = gold.orElse(regular.get());
    return Optional.of(new Choice(chosen.pairId(), xHeardAsA(raterSeed, chosen, balance)));
  }

  /**
   * Whether position {@code sequence} is a gold position: one in every 1/rate positions, with the
   * rater's phase. Over n positions a rater meets rate·n gold pairs, rounded.
   */
  static boolean goldTurn(long raterSeed, int sequence, double goldRate) {
    if (goldRate <= 0) {
      return false;
    }
    double phase = (raterSeed >>> 11) * 0x1.0p-53;
    return Math.floor(sequence * goldRate + phase) > Math.floor((sequence - 1) * goldRate + phase);
  }

  private static boolean xHeardAsA(long raterSeed, CandidatePair pair, SideBalance balance) {
    int x = balance.surplusAsA(pair.systemX());
    int y = balance.surplusAsA(pair.systemY());
    if (x != y) {
      // The system heard as A more often so far is heard as B now.
      return x < y;
    }
    return (mix(raterSeed, ~pair.pairId()) & 1) == 0;
  }

  /** A stable 64-bit seed from the rater's name (FNV-1a). */
  static long seed(String rater) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : rater.getBytes(StandardCharsets.UTF_8)) {
      hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
    }
    return hash;
  }

  /** SplitMix64 finaliser of seed and value: a per-rater pseudo-random order. */
  static long mix(long seed, long value) {
    long z = seed + value * 0x9e3779b97f4a7c15L;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}

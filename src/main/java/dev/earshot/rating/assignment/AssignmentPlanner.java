package dev.earshot.rating.assignment;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
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
    return preferenceOrder(rater, sequence, overlap, goldRate, candidates).stream()
        .findFirst()
        .map(chosen -> new Choice(chosen.pairId(), xHeardAsA(rater, chosen, balance)));
  }

  /**
   * The pairs to give, best first: at a gold position the gold pair that most needs votes, then
   * every regular pair short of the overlap by need. Empty when no regular pair needs votes from
   * this rater. Concurrent hand-outs take the first of these that no one else is claiming at that
   * moment; alone, the first is {@link #next}'s choice.
   */
  public static List<CandidatePair> preferenceOrder(
      String rater, int sequence, int overlap, double goldRate, List<CandidatePair> candidates) {
    long raterSeed = seed(rater);
    List<ByNeed> regular = new ArrayList<>(candidates.size());
    for (CandidatePair pair : candidates) {
      if (!pair.gold() && pair.expected() < overlap) {
        regular.add(new ByNeed(pair, raterSeed));
      }
    }
    if (regular.isEmpty()) {
      return List.of();
    }
    ByNeed gold = null;
    if (goldTurn(raterSeed, sequence, goldRate)) {
      for (CandidatePair pair : candidates) {
        if (pair.gold()) {
          ByNeed candidate = new ByNeed(pair, raterSeed);
          gold = gold == null || candidate.compareTo(gold) < 0 ? candidate : gold;
        }
      }
    }
    Collections.sort(regular);
    List<CandidatePair> order = new ArrayList<>(regular.size() + 1);
    if (gold != null) {
      order.add(gold.pair());
    }
    regular.forEach(ranked -> order.add(ranked.pair()));
    return order;
  }

  /**
   * A pair ranked by need: fewest expected votes first, ties in the rater's own order. The key is
   * computed once per pair, not at every comparison of the sort.
   */
  private record ByNeed(CandidatePair pair, int expected, long tieBreak)
      implements Comparable<ByNeed> {

    ByNeed(CandidatePair pair, long raterSeed) {
      this(pair, pair.expected(), mix(raterSeed, pair.pairId()));
    }

    @Override
    public int compareTo(ByNeed other) {
      int byExpected = Integer.compare(expected, other.expected);
      return byExpected != 0 ? byExpected : Long.compare(tieBreak, other.tieBreak);
    }
  }

  /** Whether the rater's assignment at position {@code sequence} is a gold one. */
  public static boolean goldTurn(String rater, int sequence, double goldRate) {
    return goldTurn(seed(rater), sequence, goldRate);
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

  /**
   * Whether the pair's first response ({@code systemX}) is heard as A: the system heard as A more
   * often so far is heard as B now; an exact balance is broken by the rater's coin. The service
   * applies this rule in SQL, under the side-count rows' locks ({@code RatingStore.handOut}).
   */
  public static boolean xHeardAsA(String rater, CandidatePair pair, SideBalance balance) {
    int x = balance.surplusAsA(pair.systemX());
    int y = balance.surplusAsA(pair.systemY());
    if (x != y) {
      return x < y;
    }
    return xHeardAsAOnEvenBalance(rater, pair.pairId());
  }

  /**
   * The rater's coin for the pair: whether X is heard as A when both systems are balanced alike.
   */
  public static boolean xHeardAsAOnEvenBalance(String rater, long pairId) {
    return (mix(seed(rater), ~pairId) & 1) == 0;
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

package dev.earshot.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Votes aggregated per unordered pair of systems: the input of every Bradley–Terry fit.
 *
 * <p>Systems are indexed in the order they were first added. Only pairs with at least one vote are
 * stored; pair {@code p} compares system {@link #first(int)} with system {@link #second(int)},
 * always {@code first < second}, and pairs are ordered by (first, second). For each pair the counts
 * are the wins of the first system, the wins of the second, plain ties and both-bad votes.
 */
public final class PairwiseCounts {

  private final List<String> systems;
  private final int[] first;
  private final int[] second;
  private final long[] winsFirst;
  private final long[] winsSecond;
  private final long[] ties;
  private final long[] bothBad;

  PairwiseCounts(
      List<String> systems,
      int[] first,
      int[] second,
      long[] winsFirst,
      long[] winsSecond,
      long[] ties,
      long[] bothBad) {
    this.systems = List.copyOf(systems);
    this.first = first;
    this.second = second;
    this.winsFirst = winsFirst;
    this.winsSecond = winsSecond;
    this.ties = ties;
    this.bothBad = bothBad;
  }

  public static Builder builder() {
    return new Builder();
  }

  public List<String> systems() {
    return systems;
  }

  public int systemCount() {
    return systems.size();
  }

  /** Number of pairs with at least one vote. */
  public int pairCount() {
    return first.length;
  }

  public int first(int pair) {
    return first[pair];
  }

  public int second(int pair) {
    return second[pair];
  }

  public long winsFirst(int pair) {
    return winsFirst[pair];
  }

  public long winsSecond(int pair) {
    return winsSecond[pair];
  }

  /** Plain ties of the pair, without both-bad votes. */
  public long ties(int pair) {
    return ties[pair];
  }

  public long bothBad(int pair) {
    return bothBad[pair];
  }

  /** Ties as the rating models see them: plain ties plus both-bad votes. */
  public long modelTies(int pair) {
    return ties[pair] + bothBad[pair];
  }

  public long votes(int pair) {
    return winsFirst[pair] + winsSecond[pair] + ties[pair] + bothBad[pair];
  }

  public long totalVotes() {
    long total = 0;
    for (int pair = 0; pair < pairCount(); pair++) {
      total += votes(pair);
    }
    return total;
  }

  /** Battle, win, loss, tie and both-bad totals of one system over all its pairs. */
  public SystemTally tally(int system) {
    long wins = 0;
    long losses = 0;
    long systemTies = 0;
    long systemBothBad = 0;
    for (int pair = 0; pair < pairCount(); pair++) {
      if (first[pair] == system) {
        wins += winsFirst[pair];
        losses += winsSecond[pair];
      } else if (second[pair] == system) {
        wins += winsSecond[pair];
        losses += winsFirst[pair];
      } else {
        continue;
      }
      systemTies += ties[pair];
      systemBothBad += bothBad[pair];
    }
    return new SystemTally(
        wins + losses + systemTies + systemBothBad, wins, losses, systemTies, systemBothBad);
  }

  /**
   * Same systems and pairs with new counts (both-bad folded into ties); used by the vote bootstrap.
   */
  PairwiseCounts withCounts(long[] newWinsFirst, long[] newWinsSecond, long[] newTies) {
    return new PairwiseCounts(
        systems, first, second, newWinsFirst, newWinsSecond, newTies, new long[first.length]);
  }

  /** Totals of one system; {@code battles = wins + losses + ties + bothBad}. */
  public record SystemTally(long battles, long wins, long losses, long ties, long bothBad) {}

  /**
   * Accumulates votes; a vote between A and B is stored once, under the pair's canonical
   * orientation.
   */
  public static final class Builder {
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final Map<Long, long[]> countsByPair = new TreeMap<>();

    private Builder() {}

    /**
     * Registers a system so that it appears even without votes (it then makes the fit fail, by
     * design).
     */
    public Builder addSystem(String system) {
      systemIndex(system);
      return this;
    }

    public Builder add(String systemA, String systemB, Outcome outcome) {
      return add(systemA, systemB, outcome, 1);
    }

    /** Adds {@code count} identical votes. */
    public Builder add(String systemA, String systemB, Outcome outcome, long count) {
      if (systemA.equals(systemB)) {
        throw new IllegalArgumentException("A system cannot battle itself: " + systemA);
      }
      if (count < 0) {
        throw new IllegalArgumentException("Vote count must not be negative: " + count);
      }
      int a = systemIndex(systemA);
      int b = systemIndex(systemB);
      Outcome canonical = a < b ? outcome : outcome.swapped();
      long key = ((long) Math.min(a, b) << 32) | Math.max(a, b);
      countsByPair
              .computeIfAbsent(key, unused -> new long[Outcome.values().length])[
              canonical.ordinal()] +=
          count;
      return this;
    }

    public PairwiseCounts build() {
      List<long[]> nonEmpty = new ArrayList<>();
      List<Long> keys = new ArrayList<>();
      countsByPair.forEach(
          (key, counts) -> {
            if (counts[0] + counts[1] + counts[2] + counts[3] > 0) {
              keys.add(key);
              nonEmpty.add(counts);
            }
          });
      int pairs = keys.size();
      int[] first = new int[pairs];
      int[] second = new int[pairs];
      long[] winsFirst = new long[pairs];
      long[] winsSecond = new long[pairs];
      long[] ties = new long[pairs];
      long[] bothBad = new long[pairs];
      for (int pair = 0; pair < pairs; pair++) {
        long key = keys.get(pair);
        long[] counts = nonEmpty.get(pair);
        first[pair] = (int) (key >>> 32);
        second[pair] = (int) key;
        winsFirst[pair] = counts[Outcome.A_WINS.ordinal()];
        winsSecond[pair] = counts[Outcome.B_WINS.ordinal()];
        ties[pair] = counts[Outcome.TIE.ordinal()];
        bothBad[pair] = counts[Outcome.BOTH_BAD.ordinal()];
      }
      return new PairwiseCounts(
          new ArrayList<>(index.keySet()), first, second, winsFirst, winsSecond, ties, bothBad);
    }

    private int systemIndex(String system) {
      return index.computeIfAbsent(system, unused -> index.size());
    }
  }
}

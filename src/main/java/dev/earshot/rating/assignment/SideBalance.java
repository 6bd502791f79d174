package dev.earshot.rating.assignment;

import java.util.HashMap;
import java.util.Map;

/** How often each system has been heard as A and as B in a campaign so far. */
public final class SideBalance {

  private final Map<Long, int[]> counts = new HashMap<>();

  /** Records one assignment: {@code systemA} heard as A, {@code systemB} as B. */
  public void record(long systemA, long systemB) {
    counts.computeIfAbsent(systemA, s -> new int[2])[0]++;
    counts.computeIfAbsent(systemB, s -> new int[2])[1]++;
  }

  /** Sets a system's counts as stored. */
  public void set(long system, int heardAsA, int heardAsB) {
    counts.put(system, new int[] {heardAsA, heardAsB});
  }

  public int heardAsA(long system) {
    return counts.getOrDefault(system, new int[2])[0];
  }

  public int heardAsB(long system) {
    return counts.getOrDefault(system, new int[2])[1];
  }

  /** Times heard as A minus times heard as B: zero when the system is balanced. */
  int surplusAsA(long system) {
    return heardAsA(system) - heardAsB(system);
  }
}

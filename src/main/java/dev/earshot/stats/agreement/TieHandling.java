package dev.earshot.stats.agreement;

import dev.earshot.stats.Outcome;

/**
 * Whether agreement on the three-way direction counts ties (both-bad included) or only preferences.
 */
public enum TieHandling {
  /** Every compared verdict counts; tie = tie is agreement. */
  WITH_TIES,
  /** Only comparisons where both sides expressed a preference (A or B) count. */
  WITHOUT_TIES;

  boolean counts(Outcome first, Outcome second) {
    return this == WITH_TIES || (Directions.isPreference(first) && Directions.isPreference(second));
  }
}

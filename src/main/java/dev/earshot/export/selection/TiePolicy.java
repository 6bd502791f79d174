package dev.earshot.export.selection;

/** What becomes of a pair judged a tie or "both bad". */
public enum TiePolicy {
  /** Left out and counted (the default: a tie teaches a preference trainer nothing). */
  EXCLUDE,
  /**
   * Kept with margin 0, and every pair of the export carries an {@code outcome} key ({@code
   * preferred}, {@code tie}, {@code both_bad}) for the trainer to filter or weight.
   */
  LABEL,
  /** Kept with margin 0, without a label. */
  MARGIN_ZERO
}

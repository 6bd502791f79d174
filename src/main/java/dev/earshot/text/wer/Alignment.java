package dev.earshot.text.wer;

import java.util.List;

/**
 * The minimum-cost alignment of a hypothesis against a reference, with its error counts.
 *
 * <p>{@code errors = substitutions + deletions + insertions}; {@code referenceLength} is the number
 * of reference tokens. With an empty reference every hypothesis token is an insertion and the rate
 * is undefined ({@link #rate()} is {@code null}).
 *
 * @param steps the aligned tokens in reading order
 */
public record Alignment(
    int errors,
    int substitutions,
    int deletions,
    int insertions,
    int referenceLength,
    List<AlignedPair> steps) {

  public Alignment {
    if (substitutions < 0 || deletions < 0 || insertions < 0 || referenceLength < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
    if (errors != substitutions + deletions + insertions) {
      throw new IllegalArgumentException(
          "errors must equal substitutions + deletions + insertions");
    }
    steps = List.copyOf(steps);
  }

  /**
   * Errors per reference token, or {@code null} when the reference is empty (the rate is
   * undefined).
   */
  public Double rate() {
    return referenceLength == 0 ? null : (double) errors / referenceLength;
  }
}

package dev.earshot.text.wer;

import java.util.Objects;

/**
 * An error rate over many pairs: total errors over total reference tokens (not a mean of per-pair
 * rates, so long answers weigh more, as in sclite's summary).
 *
 * @param rate {@code errors / referenceLength}, or {@code null} when there are no reference tokens
 *     at all (insertions against nothing have no meaningful rate)
 */
public record CorpusErrorRate(long errors, long referenceLength, Double rate) {

  public CorpusErrorRate {
    if (errors < 0 || referenceLength < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
    Double expected = referenceLength == 0 ? null : (double) errors / referenceLength;
    if (!Objects.equals(rate, expected)) {
      throw new IllegalArgumentException(
          "rate must be errors / referenceLength, or null when it is 0");
    }
  }

  /** The corpus rate of the given totals. */
  public static CorpusErrorRate of(long errors, long referenceLength) {
    return new CorpusErrorRate(
        errors, referenceLength, referenceLength == 0 ? null : (double) errors / referenceLength);
  }
}

package dev.earshot.text.wer;

import java.util.Collection;

/** Word and character error rates of hypotheses against references, per pair and over a corpus. */
public final class ErrorRates {

  private ErrorRates() {}

  /**
   * Normalises both texts with {@link TextNormalizer} and aligns them with {@link
   * ErrorRateAligner}.
   *
   * @throws IllegalArgumentException when the pair is too long to align (see {@link
   *     ErrorRateAligner#MAX_CELLS})
   */
  public static Alignment score(String reference, String hypothesis, ErrorUnit unit) {
    return ErrorRateAligner.align(
        TextNormalizer.tokens(reference, unit), TextNormalizer.tokens(hypothesis, unit));
  }

  /**
   * The corpus rate: all errors over all reference tokens. Pairs with an empty reference add their
   * insertions to the errors and nothing to the length; the rate is {@code null} when no pair has a
   * reference token.
   */
  public static CorpusErrorRate corpus(Collection<Alignment> alignments) {
    long errors = 0;
    long referenceLength = 0;
    for (Alignment alignment : alignments) {
      errors += alignment.errors();
      referenceLength += alignment.referenceLength();
    }
    return CorpusErrorRate.of(errors, referenceLength);
  }
}

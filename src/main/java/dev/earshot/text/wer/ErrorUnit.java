package dev.earshot.text.wer;

/**
 * The token an error rate counts: {@link #WORD} gives WER, {@link #CHAR} gives CER.
 *
 * <p>See {@link TextNormalizer} for exactly how text becomes tokens in each unit.
 */
public enum ErrorUnit {
  /** Normalised words; every CJK ideograph, kana or hangul syllable is a word of its own. */
  WORD,
  /**
   * Every code point of the normalised words, with the word boundaries dropped (as sclite {@code
   * -c}).
   */
  CHAR
}

package dev.earshot.text.wer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns text into the tokens that WER and CER count. Both reference and hypothesis go through the
 * same steps:
 *
 * <ol>
 *   <li>Unicode NFKC (full-width forms become ASCII, ligatures such as {@code ﬁ} become {@code fi},
 *       half-width katakana become full-width);
 *   <li>lower-case with {@link Locale#ROOT};
 *   <li>{@code ’} and {@code ‘} become {@code '};
 *   <li>every character that is not a word character or an apostrophe becomes a space. A word
 *       character is a letter or a decimal digit, and also a combining mark (Mn, Mc, Me) or a
 *       letter-number (Nl, such as {@code 〇}): marks are part of the letters they follow in scripts
 *       such as Devanagari or Thai, and turning them into spaces would split words in the middle;
 *   <li>an apostrophe that does not have a word character on both sides becomes a space, so {@code
 *       don't} stays one word while {@code 'quoted'} and {@code rock 'n' roll} lose their quotes;
 *   <li>the text is split on the spaces; every CJK character (Han ideograph, hiragana, katakana,
 *       hangul, and the letters of the CJK symbols block such as {@code 々} and {@code ー}) is a
 *       token of its own, because those scripts are written without spaces and are scored per
 *       character. Other runs stay words, so {@code 我用iPhone拍照} gives {@code 我 用 iphone 拍 照}. A
 *       combining mark stays with the character it follows.
 * </ol>
 *
 * {@link ErrorUnit#CHAR} then takes the code points of these tokens in order, dropping the word
 * boundaries. This is what sclite's {@code -c} mode does (it splits every word into its characters;
 * spaces are not tokens), so a CER here equals sclite {@code -c -e utf-8} on the normalised words.
 * Keeping spaces as tokens would instead count a split or merged word as a character error, and CJK
 * text, which has no spaces, would be scored on a different footing from other scripts.
 *
 * <p>Scripts other than CJK that are written without spaces (Thai, Lao, Khmer, Burmese) come out as
 * one word per space-separated run; score them with {@link ErrorUnit#CHAR}.
 */
public final class TextNormalizer {

  private static final Set<Character.UnicodeScript> CJK_SCRIPTS =
      Set.of(
          Character.UnicodeScript.HAN,
          Character.UnicodeScript.HIRAGANA,
          Character.UnicodeScript.KATAKANA,
          Character.UnicodeScript.HANGUL);
  // The prolonged sound mark ー and the iteration and closing marks 々 〆 〇 are in these blocks but
  // not all
  // in the scripts above.
  private static final Set<Character.UnicodeBlock> CJK_BLOCKS =
      Set.of(
          Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION, Character.UnicodeBlock.HIRAGANA,
          Character.UnicodeBlock.KATAKANA, Character.UnicodeBlock.KATAKANA_PHONETIC_EXTENSIONS);

  private TextNormalizer() {}

  /** The tokens of {@code text} in the given unit; empty when the text has no word characters. */
  public static List<String> tokens(String text, ErrorUnit unit) {
    List<String> words = words(text);
    if (unit == ErrorUnit.WORD) {
      return words;
    }
    List<String> characters = new ArrayList<>();
    for (String word : words) {
      word.codePoints().forEach(codePoint -> characters.add(Character.toString(codePoint)));
    }
    return List.copyOf(characters);
  }

  private static List<String> words(String text) {
    int[] codePoints = cleanedCodePoints(text);
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean wordIsCjk = false;
    for (int codePoint : codePoints) {
      if (codePoint == ' ') {
        flush(word, words);
      } else if (isMark(codePoint)) {
        word.appendCodePoint(codePoint);
      } else if (isCjk(codePoint)) {
        flush(word, words);
        word.appendCodePoint(codePoint);
        wordIsCjk = true;
      } else {
        if (wordIsCjk) {
          flush(word, words);
        }
        word.appendCodePoint(codePoint);
        wordIsCjk = false;
      }
    }
    flush(word, words);
    return List.copyOf(words);
  }

  /**
   * Steps 1 to 5: the text as word characters, inner apostrophes and single spaces (' ') between
   * them.
   */
  private static int[] cleanedCodePoints(String text) {
    int[] codePoints =
        Normalizer.normalize(text, Normalizer.Form.NFKC)
            .toLowerCase(Locale.ROOT)
            .replace('\u2019', '\'')
            .replace('\u2018', '\'')
            .codePoints()
            .map(codePoint -> isWordCharacter(codePoint) || codePoint == '\'' ? codePoint : ' ')
            .toArray();
    int[] cleaned = new int[codePoints.length];
    for (int k = 0; k < codePoints.length; k++) {
      boolean innerApostrophe =
          codePoints[k] == '\''
              && k > 0
              && isWordCharacter(codePoints[k - 1])
              && k + 1 < codePoints.length
              && isWordCharacter(codePoints[k + 1]);
      cleaned[k] = codePoints[k] == '\'' && !innerApostrophe ? ' ' : codePoints[k];
    }
    return cleaned;
  }

  private static void flush(StringBuilder word, List<String> words) {
    if (!word.isEmpty()) {
      words.add(word.toString());
      word.setLength(0);
    }
  }

  private static boolean isWordCharacter(int codePoint) {
    return Character.isLetterOrDigit(codePoint)
        || isMark(codePoint)
        || Character.getType(codePoint) == Character.LETTER_NUMBER;
  }

  private static boolean isMark(int codePoint) {
    int type = Character.getType(codePoint);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  /**
   * Called for word characters only, so the CJK punctuation in {@link #CJK_BLOCKS} never gets here.
   */
  private static boolean isCjk(int codePoint) {
    return CJK_SCRIPTS.contains(Character.UnicodeScript.of(codePoint))
        || CJK_BLOCKS.contains(Character.UnicodeBlock.of(codePoint));
  }
}

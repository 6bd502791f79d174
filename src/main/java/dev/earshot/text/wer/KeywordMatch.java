package dev.earshot.text.wer;

import java.util.Collections;
import java.util.List;

/**
 * How many of the expected answer keywords a hypothesis contains. Keywords and hypothesis are
 * normalised into words by {@link TextNormalizer}; a keyword matches when its words occur
 * consecutively among the hypothesis words, so {@code "New York"} matches {@code "in new-york
 * city"} but {@code "york"} does not match {@code "yorkshire"}. A CJK keyword is a sequence of
 * characters, so {@code 北京} matches {@code 我在北京}.
 */
public final class KeywordMatch {

  private KeywordMatch() {}

  /**
   * The fraction of {@code keywords} present in {@code hypothesis}; a keyword listed twice counts
   * twice.
   *
   * @throws IllegalArgumentException when there are no keywords, or a keyword has no words after
   *     normalisation
   */
  public static double fraction(String hypothesis, List<String> keywords) {
    if (keywords.isEmpty()) {
      throw new IllegalArgumentException("At least one keyword is required");
    }
    List<String> hypothesisWords = TextNormalizer.tokens(hypothesis, ErrorUnit.WORD);
    int matched = 0;
    for (String keyword : keywords) {
      List<String> keywordWords = TextNormalizer.tokens(keyword, ErrorUnit.WORD);
      if (keywordWords.isEmpty()) {
        throw new IllegalArgumentException(
            "Keyword '" + keyword + "' has no words after normalisation");
      }
      if (Collections.indexOfSubList(hypothesisWords, keywordWords) >= 0) {
        matched++;
      }
    }
    return (double) matched / keywords.size();
  }
}

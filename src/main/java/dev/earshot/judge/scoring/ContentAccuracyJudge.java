package dev.earshot.judge.scoring;

import dev.earshot.text.wer.Alignment;
import dev.earshot.text.wer.ErrorRates;
import dev.earshot.text.wer.ErrorUnit;
import dev.earshot.text.wer.KeywordMatch;
import dev.earshot.text.wer.TextNormalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Content accuracy of the response text channel against the prompt's reference transcript, keywords
 * and accepted short answers. Three parts:
 *
 * <ul>
 *   <li>wording: 1 − WER (word error rate, {@link ErrorRates}) against {@code reference}, clipped
 *       to [0, 1] since insertions can push the WER above 1;
 *   <li>facts: the fraction of expected keywords present ({@link KeywordMatch});
 *   <li>answer: 1 when one of the accepted answers ({@code expectations.answer}) is contained in
 *       the text, else 0. Containment is by {@link TextNormalizer} words (case, punctuation and
 *       whitespace ignored, numbers compared as written, so "42" is not "forty-two"), consecutive
 *       in the text; CJK text is compared character by character. So "The capital of France is
 *       Paris." answers "Paris", which WER against a one-word reference would score near 0.
 * </ul>
 *
 * Wording and facts combine as {@code (1 − keywordWeight)·(1 − WER) +
 * keywordWeight·keywordFraction}, an even split by default: a one-word factual error costs little
 * WER in a long answer, and the keywords keep it visible; with only one of them, that one counts.
 * The answer part then joins as {@code (that + answerWeight·answer) / (1 + answerWeight)}, or is
 * the score alone. With none of the three, or without a text channel, there is no score.
 */
public final class ContentAccuracyJudge implements Judge {

  public static final String ID = "content-accuracy";
  public static final String DIMENSION = "content";

  private final double keywordWeight;
  private final double answerWeight;

  public ContentAccuracyJudge(JudgeParameters parameters) {
    JudgeParameters.Reader reader = parameters.reader();
    keywordWeight = reader.nonNegativeNumber("keywordWeight", 0.5);
    answerWeight = reader.nonNegativeNumber("answerWeight", 1);
    reader.requireAllRead();
    if (keywordWeight > 1) {
      throw new IllegalArgumentException(
          "judge '"
              + parameters.judgeId()
              + "': keywordWeight must lie in [0, 1], got "
              + keywordWeight);
    }
  }

  @Override
  public String dimension() {
    return DIMENSION;
  }

  @Override
  public Optional<DimensionScore> score(JudgeInput input) {
    return scoreText(input, input.responseText());
  }

  /**
   * Scores {@code text} in place of the response's text channel: the text-channel judge passes the
   * channel, the transcript judges ({@link TranscriptScoring}) what a recogniser heard.
   *
   * @param text the words to score, or {@code null} when there are none
   */
  public Optional<DimensionScore> scoreText(JudgeInput input, String text) {
    if (text == null) {
      return Optional.empty();
    }
    Alignment alignment =
        input.reference() == null
            ? null
            : ErrorRates.score(input.reference(), text, ErrorUnit.WORD);
    boolean hasReference = alignment != null && alignment.rate() != null;
    List<String> keywords =
        input.expectations().keywords() == null ? List.of() : input.expectations().keywords();
    List<List<String>> answers =
        input.expectations().answer() == null
            ? List.of()
            : input.expectations().answer().stream()
                .map(answer -> TextNormalizer.tokens(answer, ErrorUnit.WORD))
                .filter(words -> !words.isEmpty())
                .toList();
    if (!hasReference && keywords.isEmpty() && answers.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> details = new LinkedHashMap<>();
    List<String> reasons = new ArrayList<>();
    Double wording = null;
    if (hasReference) {
      double wer = alignment.rate();
      wording = Math.max(0, 1 - wer);
      details.put("wer", wer);
      details.put("substitutions", alignment.substitutions());
      details.put("deletions", alignment.deletions());
      details.put("insertions", alignment.insertions());
      details.put("referenceWords", alignment.referenceLength());
      reasons.add(
          String.format(
              Locale.ROOT,
              "WER %.2f (%d sub, %d del, %d ins of %d words)",
              wer,
              alignment.substitutions(),
              alignment.deletions(),
              alignment.insertions(),
              alignment.referenceLength()));
    }
    Double facts = null;
    if (!keywords.isEmpty()) {
      List<String> found =
          keywords.stream()
              .filter(keyword -> KeywordMatch.fraction(text, List.of(keyword)) == 1)
              .toList();
      List<String> missing = keywords.stream().filter(keyword -> !found.contains(keyword)).toList();
      facts = KeywordMatch.fraction(text, keywords);
      details.put("keywordFraction", facts);
      details.put("keywordsFound", found);
      details.put("keywordsMissing", missing);
      reasons.add(
          missing.isEmpty()
              ? "all keywords present"
              : "missing keyword"
                  + (missing.size() > 1 ? "s " : " ")
                  + missing.stream().map(k -> "'" + k + "'").collect(Collectors.joining(", ")));
    }
    Double transcript;
    if (wording == null || facts == null) {
      transcript = wording == null ? facts : wording;
    } else {
      transcript = (1 - keywordWeight) * wording + keywordWeight * facts;
    }
    Double answer = null;
    if (!answers.isEmpty()) {
      List<String> words = TextNormalizer.tokens(text, ErrorUnit.WORD);
      Optional<String> matched =
          answers.stream()
              .filter(expected -> Collections.indexOfSubList(words, expected) >= 0)
              .map(expected -> String.join(" ", expected))
              .findFirst();
      answer = matched.isPresent() ? 1.0 : 0.0;
      details.put("answerFound", matched.isPresent());
      matched.ifPresent(found -> details.put("answerMatched", found));
      reasons.add(
          matched.isPresent()
              ? "contains the answer '" + matched.get() + "'"
              : "does not contain "
                  + (answers.size() > 1 ? "any accepted answer" : "the answer")
                  + " "
                  + answers.stream()
                      .map(expected -> "'" + String.join(" ", expected) + "'")
                      .collect(Collectors.joining(", ")));
    }
    double score;
    if (answer == null || transcript == null) {
      score = answer == null ? transcript : answer;
    } else {
      score = (transcript + answerWeight * answer) / (1 + answerWeight);
    }
    return Optional.of(new DimensionScore(DIMENSION, score, String.join("; ", reasons), details));
  }
}

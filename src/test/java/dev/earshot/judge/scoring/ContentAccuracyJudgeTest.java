package dev.earshot.judge.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.earshot.dataset.manifest.PromptExpectations;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContentAccuracyJudgeTest {

  private static final String REFERENCE = "The capital of France is Paris.";

  private final ContentAccuracyJudge judge =
      new ContentAccuracyJudge(JudgeParameters.none(ContentAccuracyJudge.ID));

  private Optional<DimensionScore> score(
      PromptExpectations expectations, String reference, String text) {
    return judge.score(new JudgeInput(expectations, reference, text, null, null));
  }

  @Test
  void shouldScoreAnExactAnswerOne() {
    DimensionScore score =
        score(Expectations.keywords("paris"), REFERENCE, "the capital of france is paris")
            .orElseThrow();

    assertThat(score.score()).isEqualTo(1);
    assertThat(score.reason())
        .isEqualTo("WER 0.00 (0 sub, 0 del, 0 ins of 6 words); all keywords present");
  }

  @Test
  void shouldCombineWerAndMissingKeywordEvenly() {
    DimensionScore score =
        score(Expectations.keywords("paris"), REFERENCE, "The capital of France is Lyon.")
            .orElseThrow();

    assertThat(score.score()).isCloseTo((1 - 1 / 6.0) / 2, within(1e-12));
    assertThat(score.reason())
        .isEqualTo("WER 0.17 (1 sub, 0 del, 0 ins of 6 words); missing keyword 'paris'");
    assertThat(score.details())
        .containsEntry("wer", 1 / 6.0)
        .containsEntry("substitutions", 1)
        .containsEntry("keywordsFound", List.of())
        .containsEntry("keywordsMissing", List.of("paris"));
  }

  @Test
  void shouldUseOneMinusWerAloneWithoutKeywords() {
    DimensionScore score =
        score(PromptExpectations.none(), "a spider has eight legs", "a spider has legs")
            .orElseThrow();

    assertThat(score.score()).isCloseTo(0.8, within(1e-12));
    assertThat(score.details()).containsEntry("deletions", 1).doesNotContainKey("keywordFraction");
  }

  @Test
  void shouldClipAWerAboveOneToAZeroScore() {
    DimensionScore score =
        score(PromptExpectations.none(), "yes", "well no I really do not think so").orElseThrow();

    assertThat((double) score.details().get("wer")).isGreaterThan(1);
    assertThat(score.score()).isZero();
  }

  @Test
  void shouldUseTheKeywordFractionAloneWithoutAReference() {
    DimensionScore score =
        score(Expectations.keywords("paris", "seine"), null, "Paris, on the river Thames")
            .orElseThrow();

    assertThat(score.score()).isEqualTo(0.5);
    assertThat(score.reason()).isEqualTo("missing keyword 'seine'");
  }

  @Test
  void shouldGiveNoScoreWithoutReferenceAndKeywordsOrWithoutText() {
    assertThat(score(PromptExpectations.none(), null, "anything")).isEmpty();
    assertThat(score(PromptExpectations.none(), "...", "anything")).isEmpty();
    assertThat(score(Expectations.keywords("paris"), REFERENCE, null)).isEmpty();
  }

  @Test
  void shouldScoreAnEmptyTextAsAllDeleted() {
    assertThat(score(PromptExpectations.none(), REFERENCE, "").orElseThrow().score()).isZero();
  }

  @Test
  void shouldWeighKeywordsAsTheParameterSays() {
    ContentAccuracyJudge keywordsOnly =
        new ContentAccuracyJudge(
            new JudgeParameters(ContentAccuracyJudge.ID, Map.of("keywordWeight", 1)));

    assertThat(
            keywordsOnly
                .score(
                    new JudgeInput(Expectations.keywords("paris"), REFERENCE, "paris", null, null))
                .orElseThrow()
                .score())
        .isEqualTo(1);
  }

  @Test
  void shouldScoreAFullSentenceThatContainsTheShortAnswerHigh() {
    DimensionScore answered =
        score(Expectations.answer("Paris"), null, "The capital of France is Paris.").orElseThrow();
    DimensionScore againstShortReference =
        score(PromptExpectations.none(), "Paris", "The capital of France is Paris.").orElseThrow();

    assertThat(answered.score()).isEqualTo(1);
    assertThat(answered.reason()).isEqualTo("contains the answer 'paris'");
    assertThat(answered.details()).containsEntry("answerFound", true);
    assertThat(againstShortReference.score()).isLessThan(0.1);
  }

  @Test
  void shouldAcceptAnyOfSeveralAnswers() {
    PromptExpectations answers = Expectations.answer("1969", "nineteen sixty-nine");

    assertThat(score(answers, null, "It was in 1969.").orElseThrow().score()).isEqualTo(1);
    assertThat(score(answers, null, "Nineteen sixty nine, I think!").orElseThrow().score())
        .isEqualTo(1);
  }

  @Test
  void shouldCompareCjkAnswersByCharacter() {
    assertThat(score(Expectations.answer("北京"), null, "中国的首都是北京。").orElseThrow().score())
        .isEqualTo(1);
    assertThat(score(Expectations.answer("北京"), null, "中国的首都是上海。").orElseThrow().score()).isZero();
  }

  @Test
  void shouldScoreAnAnswerThatIsNotContainedLow() {
    DimensionScore score =
        score(Expectations.answer("Paris", "Paris, France"), null, "It is Lyon, or maybe Parisian?")
            .orElseThrow();

    assertThat(score.score()).isZero();
    assertThat(score.reason())
        .isEqualTo("does not contain any accepted answer 'paris', 'paris france'");
  }

  @Test
  void shouldAverageTheAnswerWithTheTranscriptPartByAnswerWeight() {
    DimensionScore score =
        score(Expectations.answer("Paris"), REFERENCE, "The capital of France is Lyon.")
            .orElseThrow();

    // 1 - WER = 5/6 against the reference, answer missing: (5/6 + 1 * 0) / 2.
    assertThat(score.score()).isCloseTo(5.0 / 12, within(1e-12));
  }
}

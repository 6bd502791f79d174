package dev.earshot.judge.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.earshot.dataset.manifest.PromptExpectations;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TranscriptScoringTest {

  private static final String REFERENCE = "The capital of France is Paris.";

  private final TranscriptScoring scoring = new TranscriptScoring(JudgeParameters.none("asr"));

  private static JudgeInput input(String reference, String text) {
    return new JudgeInput(Expectations.keywords("paris"), reference, text, null, null);
  }

  @Test
  void shouldScoreATranscriptThatMatchesReferenceAndTextChannelOneAndNotFlagIt() {
    DimensionScore score =
        scoring.score(input(REFERENCE, REFERENCE), "the capital of france is paris").orElseThrow();

    assertThat(score.dimension()).isEqualTo("content");
    assertThat(score.score()).isEqualTo(1);
    assertThat(score.details())
        .containsEntry("transcript", "the capital of france is paris")
        .containsEntry("textChannelWer", 0.0)
        .containsEntry("audioTextConsistency", 1.0)
        .containsEntry("speechContradictsText", false);
    assertThat(score.reason())
        .isEqualTo(
            "asr heard \"the capital of france is paris\": WER 0.00 (0 sub, 0 del, 0 ins of 6"
                + " words); all keywords present; speech matches the text channel (WER 0.00)");
  }

  @Test
  void shouldScoreWhatWasSaidAndFlagSpeechThatContradictsTheText() {
    String text = "I cannot answer questions about geography today.";
    JudgeInput input = input(REFERENCE, text);

    DimensionScore heard = scoring.score(input, "The capital of France is Paris.").orElseThrow();

    // The text channel alone scores low; what the audio says is right.
    double textChannel =
        new ContentAccuracyJudge(JudgeParameters.none("content-accuracy"))
            .score(input)
            .orElseThrow()
            .score();
    assertThat(textChannel).isLessThan(0.2);
    assertThat(heard.score()).isEqualTo(1);
    // 7 text words against 6 heard: at least 6 substitutions and a deletion, all 7 wrong.
    assertThat(heard.details())
        .containsEntry("textChannelWer", 1.0)
        .containsEntry("audioTextConsistency", 0.0)
        .containsEntry("speechContradictsText", true);
    assertThat(heard.reason())
        .startsWith("speech contradicts the text channel (WER 1.00 > 0.50); ");
  }

  @Test
  void shouldMeasureConsistencyAsOneMinusTheWerAgainstTheTextChannel() {
    // Text "a spider has eight legs" (5 words), heard without "eight": one deletion, WER 0.2.
    JudgeInput input =
        new JudgeInput(
            PromptExpectations.none(),
            "A spider has eight legs.",
            "a spider has eight legs",
            null,
            null);

    DimensionScore score = scoring.score(input, "a spider has legs").orElseThrow();

    assertThat(score.score()).isCloseTo(0.8, within(1e-12));
    assertThat((double) score.details().get("textChannelWer")).isCloseTo(0.2, within(1e-12));
    assertThat((double) score.details().get("audioTextConsistency")).isCloseTo(0.8, within(1e-12));
    assertThat(score.details()).containsEntry("speechContradictsText", false);

    TranscriptScoring strict =
        new TranscriptScoring(new JudgeParameters("asr", Map.of("contradictionWer", 0.1)));
    assertThat(strict.score(input, "a spider has legs").orElseThrow().details())
        .containsEntry("speechContradictsText", true);
  }

  @Test
  void shouldReportNoConsistencyWithoutATextChannel() {
    DimensionScore score = scoring.score(input(REFERENCE, null), "paris").orElseThrow();

    assertThat(score.details())
        .containsEntry("transcript", "paris")
        .doesNotContainKeys("textChannelWer", "audioTextConsistency", "speechContradictsText");
    assertThat(score.reason()).endsWith("; no text channel to compare");
  }

  @Test
  void shouldScoreTheTranscriptExactlyAsContentAccuracyScoresTheSameText() {
    String transcript = "the capital of france is lyon";
    ContentAccuracyJudge content =
        new ContentAccuracyJudge(JudgeParameters.none("content-accuracy"));

    DimensionScore heard = scoring.score(input(REFERENCE, "whatever"), transcript).orElseThrow();
    DimensionScore written = content.score(input(REFERENCE, transcript)).orElseThrow();

    assertThat(heard.score()).isEqualTo(written.score());
    assertThat(heard.details()).containsAllEntriesOf(written.details());
  }

  @Test
  void shouldCheckNothingAndScoreNothingWithoutReferenceOrKeywords() {
    JudgeInput nothingAsked =
        new JudgeInput(PromptExpectations.none(), null, "some text", null, null);

    assertThat(scoring.checksContent(nothingAsked)).isFalse();
    assertThat(scoring.score(nothingAsked, "some words")).isEmpty();
    assertThat(scoring.checksContent(input(REFERENCE, null))).isTrue();
  }

  @Test
  void shouldPassTheKeywordWeightToContentAccuracyAndRejectUnknownParameters() {
    TranscriptScoring keywordsOnly =
        new TranscriptScoring(new JudgeParameters("asr", Map.of("keywordWeight", 1)));
    assertThat(keywordsOnly.score(input(REFERENCE, null), "paris, of course").orElseThrow().score())
        .isEqualTo(1);

    assertThatThrownBy(
            () -> new TranscriptScoring(new JudgeParameters("asr", Map.of("contradictionWEr", 1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown parameters [contradictionWEr]");
    assertThatThrownBy(
            () -> new TranscriptScoring(new JudgeParameters("asr", Map.of("keywordWeight", 2))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("keywordWeight must lie in [0, 1]");
  }
}

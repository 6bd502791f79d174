package dev.earshot.judge.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.earshot.dataset.manifest.PromptExpectations;
import dev.earshot.dataset.manifest.PromptExpectations.RateRange;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProsodyAppropriatenessJudgeTest {

  private final ProsodyAppropriatenessJudge judge =
      new ProsodyAppropriatenessJudge(JudgeParameters.none(ProsodyAppropriatenessJudge.ID));

  private double score(PromptExpectations expectations, Utterance utterance) {
    return judge.score(input(expectations, utterance)).orElseThrow().score();
  }

  private static JudgeInput input(PromptExpectations expectations, Utterance utterance) {
    return new JudgeInput(expectations, null, null, utterance.prosody(), utterance.quality());
  }

  @Test
  void shouldRewardARisingEndOnAQuestionAndPenaliseAFallingOne() {
    DimensionScore rising =
        judge
            .score(input(Expectations.intonation("question"), new Utterance().finalRise(6.0)))
            .orElseThrow();
    DimensionScore falling =
        judge
            .score(input(Expectations.intonation("question"), new Utterance().finalRise(-3.1)))
            .orElseThrow();

    assertThat(rising.score()).isGreaterThan(0.99);
    assertThat(falling.score()).isLessThan(0.05);
    assertThat(falling.reason())
        .isEqualTo("expected a rising question; final rise -3.1 st, falling");
    assertThat(falling.details())
        .containsEntry("finalRiseSemitones", -3.1)
        .containsEntry("intonationMeasured", "falling");
  }

  @Test
  void shouldMirrorTheRiseScoreForStatements() {
    assertThat(score(Expectations.intonation("statement"), new Utterance().finalRise(-3.0)))
        .isCloseTo(
            score(Expectations.intonation("question"), new Utterance().finalRise(3.0)),
            within(1e-12));
  }

  @Test
  void shouldScoreIntonationSmoothlySoThatRisesCanBeOrdered() {
    double level = score(Expectations.intonation("question"), new Utterance().finalRise(0.0));
    double atThreshold = score(Expectations.intonation("question"), new Utterance().finalRise(0.5));
    double gentleRise = score(Expectations.intonation("question"), new Utterance().finalRise(1.7));

    assertThat(atThreshold).isCloseTo(0.5, within(1e-12));
    assertThat(level).isStrictlyBetween(0.1, 0.5);
    assertThat(gentleRise).isStrictlyBetween(atThreshold, 1.0);
  }

  @Test
  void shouldScoreZeroWhenTheEndIsNotVoiced() {
    DimensionScore score =
        judge
            .score(input(Expectations.intonation("question"), new Utterance().finalRise(null)))
            .orElseThrow();

    assertThat(score.score()).isZero();
    assertThat(score.reason()).contains("no voiced ending");
  }

  @Test
  void shouldGiveNoScoreWhenThePromptExpectsNoProsody() {
    assertThat(judge.score(input(PromptExpectations.none(), new Utterance()))).isEmpty();
    assertThat(judge.score(input(Expectations.arousal("high"), new Utterance()))).isEmpty();
  }

  @Test
  void shouldRewardAWhisperOnlyWhenAlmostNothingIsVoiced() {
    assertThat(score(Expectations.delivery("whisper"), new Utterance().voicedFraction(0)))
        .isGreaterThan(0.99);
    assertThat(score(Expectations.delivery("whisper"), new Utterance().voicedFraction(0.6)))
        .isLessThan(0.01);
  }

  @Test
  void shouldJudgeCalmAndExcitedDeliveryByTheArousalCues() {
    Utterance calm = new Utterance().f0RangeSemitones(4).speakingRate(3).loudnessLufs(-26.0);
    Utterance excited = new Utterance().f0RangeSemitones(16).speakingRate(6).loudnessLufs(-16.0);

    assertThat(score(Expectations.delivery("calm"), calm)).isGreaterThan(0.8);
    assertThat(score(Expectations.delivery("calm"), excited)).isLessThan(0.01);
    assertThat(score(Expectations.delivery("excited"), excited)).isGreaterThan(0.8);
    assertThat(score(Expectations.delivery("excited"), calm)).isLessThan(0.01);
    assertThat(score(Expectations.delivery("neutral"), new Utterance()))
        .isCloseTo(1, within(1e-12));
  }

  @Test
  void shouldScoreFullyInsideTheRateRangeAndFallOffOutsideIt() {
    PromptExpectations atMost = Expectations.speakingRate(null, 3.5);

    assertThat(score(atMost, new Utterance().speakingRate(3.0))).isEqualTo(1);
    assertThat(score(atMost, new Utterance().speakingRate(4.0)))
        .isCloseTo(Math.exp(-1), within(1e-12));
    assertThat(score(Expectations.speakingRate(4.7, null), new Utterance().speakingRate(3.7)))
        .isCloseTo(Math.exp(-4), within(1e-12));
    assertThat(
            judge
                .score(
                    input(Expectations.speakingRate(2.0, 6.0), new Utterance().speakingRate(7.0)))
                .orElseThrow()
                .reason())
        .isEqualTo("expected 2.0 to 6.0 syl/s; measured 7.00");
  }

  @Test
  void shouldAverageTheChecksThePromptAsksFor() {
    PromptExpectations both =
        new PromptExpectations(
            List.of("prosody"),
            null,
            "question",
            null,
            null,
            null,
            null,
            new RateRange(null, 3.5),
            null,
            null,
            null);
    Utterance utterance = new Utterance().finalRise(0.0).speakingRate(4.0);

    DimensionScore score = judge.score(input(both, utterance)).orElseThrow();

    double intonation = score(Expectations.intonation("question"), utterance);
    double rate = score(Expectations.speakingRate(null, 3.5), utterance);
    assertThat(score.score()).isCloseTo((intonation + rate) / 2, within(1e-12));
    assertThat(score.reason())
        .startsWith(
            "expected a rising question; final rise +0.0 st, level; "
                + "expected at most 3.5 syl/s");
  }

  @Test
  void shouldReadItsThresholdsFromTheParameters() {
    ProsodyAppropriatenessJudge strict =
        new ProsodyAppropriatenessJudge(
            new JudgeParameters(
                ProsodyAppropriatenessJudge.ID, Map.of("intonationThresholdSemitones", 3)));

    assertThat(
            strict
                .score(input(Expectations.intonation("question"), new Utterance().finalRise(3.0)))
                .orElseThrow()
                .score())
        .isCloseTo(0.5, within(1e-12));
  }

  @Test
  void shouldRejectAMisspeltParameter() {
    assertThatThrownBy(
            () ->
                new ProsodyAppropriatenessJudge(
                    new JudgeParameters(
                        ProsodyAppropriatenessJudge.ID, Map.of("intonationTreshold", 10))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown parameters [intonationTreshold]");
  }
}

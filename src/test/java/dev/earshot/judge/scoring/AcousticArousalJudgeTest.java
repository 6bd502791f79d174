package dev.earshot.judge.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.earshot.dataset.manifest.PromptExpectations;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AcousticArousalJudgeTest {

  private final AcousticArousalJudge judge =
      new AcousticArousalJudge(JudgeParameters.none(AcousticArousalJudge.ID));
  private final AcousticArousalEstimator estimator =
      new AcousticArousalEstimator(JudgeParameters.none(AcousticArousalJudge.ID).reader());

  private static final Utterance LIVELY =
      new Utterance().f0RangeSemitones(17).speakingRate(5.8).loudnessLufs(-18.0);
  private static final Utterance FLAT =
      new Utterance().f0RangeSemitones(0.5).speakingRate(4.6).loudnessLufs(-22.0);

  private DimensionScore score(String expectedArousal, Utterance utterance) {
    return judge
        .score(
            new JudgeInput(
                Expectations.arousal(expectedArousal),
                null,
                null,
                utterance.prosody(),
                utterance.quality()))
        .orElseThrow();
  }

  @Test
  void shouldReadLivelySpeechAsHighAndFlatSpeechAsLowArousal() {
    assertThat(estimator.estimate(LIVELY.prosody(), LIVELY.quality()).orElseThrow().level())
        .isEqualTo(ArousalLevel.HIGH);
    assertThat(estimator.estimate(FLAT.prosody(), FLAT.quality()).orElseThrow().level())
        .isEqualTo(ArousalLevel.LOW);
    assertThat(score("high", LIVELY).score()).isGreaterThan(0.9);
    assertThat(score("high", FLAT).score()).isLessThan(0.05);
  }

  @Test
  void shouldPlaceNeutralAnchorsAtZeroAndScoreThemFullyNeutral() {
    Utterance neutral = new Utterance();

    AcousticArousalEstimate estimate =
        estimator.estimate(neutral.prosody(), neutral.quality()).orElseThrow();

    assertThat(estimate.value()).isCloseTo(0, within(1e-9));
    assertThat(estimator.agreement(estimate, ArousalLevel.NEUTRAL)).isCloseTo(1, within(1e-9));
    assertThat(estimator.agreement(estimate, ArousalLevel.LOW))
        .isCloseTo(1 / (1 + Math.exp(2)), within(1e-9));
  }

  @Test
  void shouldNotMistakePitchTrackerOctaveJumpsForAWideRange() {
    Utterance withBlips = new Utterance().f0RangeSemitones(4).blipsHz(480, 480, 60);

    assertThat(AcousticArousalEstimator.f0RangeSemitones(withBlips.prosody()))
        .isCloseTo(4, within(0.5));
  }

  @Test
  void shouldLeaveOutPitchAndRateWhenThereIsNoVoicedSpeech() {
    Utterance whisper = new Utterance().voicedFraction(0);

    AcousticArousalEstimate estimate =
        estimator.estimate(whisper.prosody(), whisper.quality()).orElseThrow();

    assertThat(estimate.f0RangeSemitones()).isNull();
    assertThat(estimate.speakingRateSyllablesPerSecond()).isNull();
    assertThat(estimate.intensitySdDb()).isCloseTo(6, within(1e-9));
  }

  @Test
  void shouldSayItIsAnAcousticEstimateNotAnEmotionClassifier() {
    DimensionScore score = score("low", FLAT);

    assertThat(score.dimension()).isEqualTo("emotion");
    assertThat(score.reason())
        .startsWith("acoustic arousal estimate (not an emotion classifier) ")
        .contains("F0 range 0.5 st", "4.6 syl/s", "-22.0 LUFS", "expected low");
    assertThat(score.details())
        .containsEntry("arousalExpected", "low")
        .containsKey("arousalEstimate");
  }

  @Test
  void shouldGiveNoScoreWithoutAnExpectedArousal() {
    assertThat(
            judge.score(
                new JudgeInput(
                    PromptExpectations.none(), null, null, LIVELY.prosody(), LIVELY.quality())))
        .isEmpty();
  }

  @Test
  void shouldWeighCuesAsTheParametersSay() {
    AcousticArousalJudge loudnessOnly =
        new AcousticArousalJudge(
            new JudgeParameters(
                AcousticArousalJudge.ID,
                Map.of(
                    "f0RangeSemitonesWeight",
                    0,
                    "speakingRateSyllablesPerSecondWeight",
                    0,
                    "intensitySdDbWeight",
                    0)));
    Utterance loudFlat = new Utterance().f0RangeSemitones(0.5).loudnessLufs(-11.0);

    assertThat(
            loudnessOnly
                .score(
                    new JudgeInput(
                        Expectations.arousal("high"),
                        null,
                        null,
                        loudFlat.prosody(),
                        loudFlat.quality()))
                .orElseThrow()
                .details())
        .containsEntry("arousalEstimate", 2.0);
  }
}

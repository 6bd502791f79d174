package dev.earshot.judge.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.dataset.manifest.PromptExpectations;
import dev.earshot.dataset.manifest.PromptExpectations.SoundEvent;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NonSpeechJudgeTest {

  private static final SoundEvent SIREN =
      new SoundEvent("siren", List.of("ambulance", "police car", "emergency vehicle"));
  private static final SoundEvent DOORBELL =
      new SoundEvent("doorbell", List.of("door bell", "bell"));

  private final NonSpeechJudge judge = new NonSpeechJudge(JudgeParameters.none(NonSpeechJudge.ID));

  private Optional<DimensionScore> score(PromptExpectations expectations, String text) {
    return judge.score(new JudgeInput(expectations, null, text, null, null));
  }

  @Test
  void shouldScoreOneWhenTheLabelIsNamed() {
    DimensionScore score = score(Expectations.events(SIREN), "That was a Siren!").orElseThrow();

    assertThat(score.score()).isEqualTo(1);
    assertThat(score.reason()).isEqualTo("named 'siren'");
  }

  @Test
  void shouldAcceptAnInflectedFormOfTheLabel() {
    DimensionScore score =
        score(Expectations.events(new SoundEvent("knocking", List.of())), "Someone knocked.")
            .orElseThrow();

    assertThat(score.score()).isEqualTo(1);
    assertThat(score.reason()).isEqualTo("named 'knocking'");
  }

  @Test
  void shouldNotTakeAWordContainingTheLabelForIt() {
    DimensionScore score =
        score(Expectations.events(new SoundEvent("ring", List.of())), "Bring it during the day.")
            .orElseThrow();

    assertThat(score.score()).isZero();
  }

  @Test
  void shouldAcceptAMultiWordSynonymAcrossPunctuation() {
    DimensionScore score =
        score(Expectations.events(SIREN), "I heard a police-car going by.").orElseThrow();

    assertThat(score.score()).isEqualTo(1);
    assertThat(score.reason()).isEqualTo("named 'siren' as 'police car'");
  }

  @Test
  void shouldNotMatchASynonymInsideAnotherWord() {
    DimensionScore score = score(Expectations.events(DOORBELL), "My belly rumbled.").orElseThrow();

    assertThat(score.score()).isZero();
    assertThat(score.reason()).isEqualTo("did not name 'doorbell' or a synonym");
  }

  @Test
  void shouldScoreZeroForADifferentSound() {
    assertThat(score(Expectations.events(SIREN), "That was a dog barking.").orElseThrow().score())
        .isZero();
  }

  @Test
  void shouldScoreTheFractionOfEventsNamed() {
    DimensionScore score =
        score(Expectations.events(SIREN, DOORBELL), "An ambulance, then nothing.").orElseThrow();

    assertThat(score.score()).isEqualTo(0.5);
    assertThat(score.details())
        .containsEntry("eventsNamed", List.of("siren"))
        .containsEntry("eventsMissed", List.of("doorbell"));
  }

  @Test
  void shouldGiveNoScoreWithoutEventsOrWithoutText() {
    assertThat(score(PromptExpectations.none(), "a siren")).isEmpty();
    assertThat(score(Expectations.events(SIREN), null)).isEmpty();
  }
}

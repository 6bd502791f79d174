package dev.earshot.judge.scoring;

import dev.earshot.dataset.manifest.PromptExpectations;
import dev.earshot.dataset.manifest.PromptExpectations.RateRange;
import dev.earshot.dataset.manifest.PromptExpectations.SoundEvent;
import java.util.List;

/** Prompt expectations for judge tests, one aspect at a time. */
final class Expectations {

  private Expectations() {}

  static PromptExpectations intonation(String intonation) {
    return new PromptExpectations(
        List.of("prosody"), null, intonation, null, null, null, null, null, null, null, null);
  }

  static PromptExpectations delivery(String delivery) {
    return new PromptExpectations(
        List.of("prosody"), null, null, null, null, null, delivery, null, null, null, null);
  }

  static PromptExpectations speakingRate(Double min, Double max) {
    return new PromptExpectations(
        List.of("prosody"),
        null,
        null,
        null,
        null,
        null,
        null,
        new RateRange(min, max),
        null,
        null,
        null);
  }

  static PromptExpectations arousal(String arousal) {
    return new PromptExpectations(
        List.of("emotion"), null, null, null, arousal, null, null, null, null, null, null);
  }

  static PromptExpectations keywords(String... keywords) {
    return new PromptExpectations(
        List.of("content"),
        List.of(keywords),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  static PromptExpectations events(SoundEvent... events) {
    return new PromptExpectations(
        List.of("nonspeech"),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        List.of(events),
        null,
        null);
  }

  static PromptExpectations answer(String... answers) {
    return new PromptExpectations(
        List.of("content"), null, null, null, null, null, null, null, null, null, List.of(answers));
  }
}

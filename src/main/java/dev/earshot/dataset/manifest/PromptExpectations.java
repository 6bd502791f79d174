package dev.earshot.dataset.manifest;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Set;

/**
 * What a prompt expects of a good answer; every field is optional. Judges score against these, and
 * raters see them as the rubric. Field names and allowed values are those of {@code
 * datasets/README.md}. {@code answer} holds the accepted short answers of a factual question (the
 * manifest may give one string or a list), checked by containment; {@code keywords} must all be
 * present; the prompt's {@code reference} is a full reference transcript scored by WER.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PromptExpectations(
    List<String> dimensions,
    List<String> keywords,
    String intonation,
    String emotion,
    String arousal,
    String valence,
    String delivery,
    RateRange speakingRate,
    List<SoundEvent> events,
    String rubric,
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> answer) {

  public static final Set<String> DIMENSIONS =
      Set.of("content", "prosody", "emotion", "nonspeech", "quality", "turn-taking");
  public static final Set<String> INTONATIONS = Set.of("question", "statement");
  public static final Set<String> AROUSALS = Set.of("low", "neutral", "high");
  public static final Set<String> VALENCES = Set.of("negative", "neutral", "positive");
  public static final Set<String> DELIVERIES = Set.of("calm", "excited", "whisper", "neutral");

  public static PromptExpectations none() {
    return new PromptExpectations(null, null, null, null, null, null, null, null, null, null, null);
  }

  /** Expected speaking rate in syllables per second; either bound may be absent. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record RateRange(Double min, Double max) {}

  /** A non-speech sound in the prompt audio, with the other words that name it. */
  public record SoundEvent(String label, List<String> synonyms) {}
}

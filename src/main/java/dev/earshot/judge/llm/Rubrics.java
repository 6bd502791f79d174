package dev.earshot.judge.llm;

import dev.earshot.dataset.manifest.PromptExpectations;
import dev.earshot.dataset.manifest.PromptExpectations.SoundEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the rubric of one dimension for one prompt: what the dimension means in general, then what
 * this prompt expects, in words for the judge.
 */
public final class Rubrics {

  private static final Map<String, String> MEANING =
      Map.of(
          "content",
          "Content: is what the answer says correct, complete and on topic?",
          "prosody",
          "Prosody: are intonation, rhythm, pace and delivery natural and fitting for the"
              + " answer?",
          "emotion",
          "Emotion: does the voice carry the emotion and the level of activation that suit the"
              + " prompt?",
          "nonspeech",
          "Non-speech sounds: does the answer notice and correctly respond to the non-speech"
              + " sounds in the prompt audio?",
          "quality",
          "Audio quality: is the answer's audio clean, free of noise, clipping and distortion,"
              + " and comfortably loud?");

  private Rubrics() {}

  /**
   * The dimensions of {@code judgeDimensions} that the prompt names, in the judge's order; all of
   * them when the prompt names none.
   */
  public static List<String> applicable(
      List<String> judgeDimensions, PromptExpectations expectations) {
    List<String> named = expectations.dimensions();
    if (named == null || named.isEmpty()) {
      return judgeDimensions;
    }
    return judgeDimensions.stream().filter(named::contains).toList();
  }

  /**
   * The rubric for {@code dimension} on a prompt with these expectations and reference answer
   * (either may be empty).
   */
  public static Rubric of(String dimension, PromptExpectations expectations, String reference) {
    String meaning = MEANING.get(dimension);
    if (meaning == null) {
      throw new IllegalArgumentException(
          "no rubric for dimension '" + dimension + "'; known are " + MEANING.keySet());
    }
    List<String> lines = new ArrayList<>();
    lines.add(meaning);
    addIfPresent(lines, "What a good answer does", expectations.rubric());
    addIfPresent(lines, "Expected intonation", expectations.intonation());
    addIfPresent(lines, "Expected emotion", expectations.emotion());
    addIfPresent(lines, "Expected arousal (low, neutral or high)", expectations.arousal());
    addIfPresent(lines, "Expected delivery", expectations.delivery());
    if (expectations.events() != null && !expectations.events().isEmpty()) {
      lines.add(
          "Non-speech sounds in the prompt audio: "
              + String.join(", ", expectations.events().stream().map(SoundEvent::label).toList()));
    }
    if (expectations.keywords() != null && !expectations.keywords().isEmpty()) {
      lines.add("Words the answer should contain: " + String.join(", ", expectations.keywords()));
    }
    addIfPresent(lines, "A reference answer", reference);
    return new Rubric(dimension, String.join("\n", lines));
  }

  private static void addIfPresent(List<String> lines, String label, String value) {
    if (value != null && !value.isBlank()) {
      lines.add(label + ": " + value);
    }
  }
}

package dev.earshot.judge.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.earshot.dataset.manifest.PromptExpectations;
import dev.earshot.dataset.manifest.PromptExpectations.SoundEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class RubricsTest {

  private static final List<String> ALL =
      List.of("content", "prosody", "emotion", "nonspeech", "quality");

  @Test
  void shouldJudgeOnlyTheDimensionsThePromptNamesInTheJudgesOrder() {
    PromptExpectations named =
        new PromptExpectations(
            List.of("quality", "content"),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);

    assertThat(Rubrics.applicable(ALL, named)).containsExactly("content", "quality");
    assertThat(Rubrics.applicable(List.of("prosody"), named)).isEmpty();
  }

  @Test
  void shouldJudgeEveryDimensionWhenThePromptNamesNone() {
    assertThat(Rubrics.applicable(ALL, PromptExpectations.none())).isEqualTo(ALL);
  }

  @Test
  void shouldPutThePromptsExpectationsAndReferenceIntoTheRubric() {
    PromptExpectations expectations =
        new PromptExpectations(
            List.of("nonspeech"),
            List.of("dog", "bark"),
            "question",
            "happy",
            "high",
            null,
            "excited",
            null,
            List.of(new SoundEvent("dog barking", List.of("barking"))),
            "Mention the dog.",
            null);

    Rubric rubric = Rubrics.of("nonspeech", expectations, "There is a dog barking.");

    assertThat(rubric.dimension()).isEqualTo("nonspeech");
    assertThat(rubric.expectations())
        .startsWith("Non-speech sounds:")
        .contains(
            "What a good answer does: Mention the dog.",
            "Expected intonation: question",
            "Expected emotion: happy",
            "Expected arousal (low, neutral or high): high",
            "Expected delivery: excited",
            "Non-speech sounds in the prompt audio: dog barking",
            "Words the answer should contain: dog, bark",
            "A reference answer: There is a dog barking.");
  }

  @Test
  void shouldDescribeTheDimensionAloneWhenThePromptExpectsNothing() {
    assertThat(Rubrics.of("quality", PromptExpectations.none(), null).expectations())
        .doesNotContain("\n")
        .startsWith("Audio quality:");
  }

  @Test
  void shouldRejectAnUnknownDimension() {
    assertThatThrownBy(() -> Rubrics.of("humour", PromptExpectations.none(), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("humour");
  }
}

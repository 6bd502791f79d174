package dev.earshot.judge.scoring;

import dev.earshot.dataset.manifest.PromptExpectations;
import dev.earshot.judge.dsp.ProsodyFeatures;
import dev.earshot.judge.dsp.QualityFeatures;
import java.util.Objects;

/**
 * What a judge sees of one response to one prompt.
 *
 * @param expectations what the prompt expects; {@link PromptExpectations#none()} when it says
 *     nothing
 * @param reference the prompt's reference answer, or {@code null}
 * @param responseText the text channel the system emitted, or {@code null} when it emitted none
 * @param prosody prosody of the response audio, or {@code null} when no audio was analysed
 * @param quality technical quality of the response audio, or {@code null} when no audio was
 *     analysed
 */
public record JudgeInput(
    PromptExpectations expectations,
    String reference,
    String responseText,
    ProsodyFeatures prosody,
    QualityFeatures quality) {

  public JudgeInput {
    Objects.requireNonNull(expectations, "expectations (use PromptExpectations.none())");
  }
}

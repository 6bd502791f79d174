package dev.earshot.judge.service;

import dev.earshot.dataset.manifest.PromptExpectations;
import dev.earshot.judge.llm.LlmJudge;
import dev.earshot.judge.llm.PairwiseJudgement;
import dev.earshot.judge.llm.Rubrics;
import dev.earshot.judge.llm.SpokenPrompt;
import dev.earshot.judge.llm.SpokenResponse;
import java.util.List;

/**
 * An {@code llm} judge in pairwise mode: compares two responses to the same prompt on every one of
 * its dimensions that the prompt names, each in both presentation orders.
 */
public final class LlmPairwiseJudge {

  /** The judgement on one dimension. */
  public record DimensionPreference(String dimension, PairwiseJudgement judgement) {}

  private final LlmJudge model;
  private final List<String> dimensions;

  LlmPairwiseJudge(LlmJudge model, List<String> dimensions) {
    this.model = model;
    this.dimensions = List.copyOf(dimensions);
  }

  /** Judgements from A's point of view, in the judge's dimension order. */
  public List<DimensionPreference> compare(
      PromptExpectations expectations,
      String reference,
      SpokenPrompt prompt,
      SpokenResponse a,
      SpokenResponse b) {
    return Rubrics.applicable(dimensions, expectations).stream()
        .map(
            dimension ->
                new DimensionPreference(
                    dimension,
                    model.comparePairwise(
                        prompt, a, b, Rubrics.of(dimension, expectations, reference))))
        .toList();
  }
}

package dev.earshot.judge.service;

import dev.earshot.judge.llm.LlmJudge;
import dev.earshot.judge.llm.PointwiseScore;
import dev.earshot.judge.llm.Rubrics;
import dev.earshot.judge.scoring.DimensionScore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@code llm} judge in pointwise mode: rates the response 1 to 5 on every one of its dimensions
 * that the prompt names, one model call per dimension.
 */
final class LlmPointwiseJudge implements ExecutableJudge {

  private final LlmJudge model;
  private final List<String> dimensions;

  LlmPointwiseJudge(LlmJudge model, List<String> dimensions) {
    this.model = model;
    this.dimensions = List.copyOf(dimensions);
  }

  @Override
  public List<DimensionScore> score(ResponseMaterial response) {
    return Rubrics.applicable(dimensions, response.expectations()).stream()
        .map(
            dimension -> {
              PointwiseScore rating =
                  model.scorePointwise(
                      response.spokenPrompt(),
                      response.spokenResponse(),
                      Rubrics.of(dimension, response.expectations(), response.reference()));
              Map<String, Object> details = new LinkedHashMap<>();
              details.put("rating", rating.score());
              details.put("rationale", rating.rationale());
              return new DimensionScore(
                  dimension,
                  rating.normalized(),
                  "rated " + rating.score() + "/5: " + rating.rationale(),
                  details);
            })
        .toList();
  }
}

package dev.earshot.judge.scoring;

import java.util.Optional;

/** Scores one dimension of a response. */
public interface Judge {

  /** The dimension this judge scores, one of {@code PromptExpectations.DIMENSIONS}. */
  String dimension();

  /**
   * The score of one response, or empty when the prompt asks nothing this judge can check (or the
   * response lacks what it needs, such as a text channel), so that no made-up score enters the
   * averages.
   */
  Optional<DimensionScore> score(JudgeInput input);
}

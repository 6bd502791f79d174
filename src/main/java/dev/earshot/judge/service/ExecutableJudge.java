package dev.earshot.judge.service;

import dev.earshot.judge.scoring.DimensionScore;
import java.util.List;

/**
 * A judge ready to score one response: signal and text judges use the measurements, model judges
 * the audio too, language-model judges the prompt and the response as audio.
 */
@FunctionalInterface
public interface ExecutableJudge {

  /**
   * The scores of one response, at most one per dimension; empty when the prompt asks nothing the
   * judge can check.
   */
  List<DimensionScore> score(ResponseMaterial response);
}

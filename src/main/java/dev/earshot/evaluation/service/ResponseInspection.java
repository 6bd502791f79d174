package dev.earshot.evaluation.service;

import dev.earshot.dataset.service.DatasetService;
import dev.earshot.dataset.service.DatasetViews.PromptView;
import dev.earshot.dataset.service.DatasetViews.ResponseView;
import dev.earshot.evaluation.service.RunViews.ScoreView;
import dev.earshot.feature.service.ResponseFeatures;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Everything the response page shows: the response, its prompt, its scores and its contours. */
@ApplicationScoped
public class ResponseInspection {

  private final DatasetService datasets;
  private final EvaluationService evaluation;
  private final ResponseFeatures features;

  public ResponseInspection(
      DatasetService datasets, EvaluationService evaluation, ResponseFeatures features) {
    this.datasets = datasets;
    this.evaluation = evaluation;
    this.features = features;
  }

  /** One response, seen in full. */
  public record Inspection(
      ResponseView response, PromptView prompt, List<ScoreView> scores, ContourChart contour) {}

  public Inspection inspect(long responseId) {
    ResponseView response = datasets.response(responseId);
    PromptView prompt = datasets.prompt(response.dataset(), response.prompt());
    return new Inspection(
        response,
        prompt,
        evaluation.scoresOfResponse(responseId),
        ContourChart.of(features.of(response.audioSha256()).prosody()));
  }
}

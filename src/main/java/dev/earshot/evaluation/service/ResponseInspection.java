package dev.earshot.evaluation.service;

import dev.earshot.dataset.service.DatasetService;
import dev.earshot.dataset.service.DatasetViews.PromptView;
import dev.earshot.dataset.service.DatasetViews.ResponseView;
import dev.earshot.duplex.service.DuplexAnalysisService;
import dev.earshot.duplex.service.DuplexTimeline;
import dev.earshot.evaluation.service.RunViews.ScoreView;
import dev.earshot.feature.service.ResponseFeatures;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Everything the response page shows: the response, its prompt, its scores and its contours. */
@ApplicationScoped
public class ResponseInspection {

  private final DatasetService datasets;
  private final EvaluationService evaluation;
  private final ResponseFeatures features;
  private final DuplexAnalysisService duplex;

  public ResponseInspection(
      DatasetService datasets,
      EvaluationService evaluation,
      ResponseFeatures features,
      DuplexAnalysisService duplex) {
    this.datasets = datasets;
    this.evaluation = evaluation;
    this.features = features;
    this.duplex = duplex;
  }

  /**
   * One response, seen in full.
   *
   * @param duplex the turn-taking timeline when the response is a two-channel dialogue
   */
  public record Inspection(
      ResponseView response,
      PromptView prompt,
      List<ScoreView> scores,
      ContourChart contour,
      Optional<DuplexTimeline> duplex) {}

  public Inspection inspect(long responseId) {
    ResponseView response = datasets.response(responseId);
    PromptView prompt = datasets.prompt(response.dataset(), response.prompt());
    return new Inspection(
        response,
        prompt,
        evaluation.scoresOfResponse(responseId),
        ContourChart.of(features.of(response.audioSha256()).prosody()),
        duplex.timeline(response.audioSha256()));
  }
}

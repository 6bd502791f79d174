package dev.earshot.evaluation.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** JSON shapes of the evaluation API; the Evaluate view renders the same records. */
public final class RunViews {

  private RunViews() {}

  @Schema(name = "NewRun")
  public record NewRun(
      @Schema(required = true) String dataset,
      @Schema(description = "system names; empty or absent: every system of the dataset")
          List<String> systems,
      @Schema(description = "judge ids; empty or absent: every runnable judge")
          List<String> judges) {}

  @Schema(name = "Run")
  public record RunView(
      long id,
      String dataset,
      List<String> systems,
      @Schema(
              description =
                  "judge versions as id@version; for a run of another job kind (a codec run:"
                      + " resynthesis) that kind")
          List<String> judges,
      @Schema(enumeration = {"running", "completed", "completed-with-failures"}) String status,
      long total,
      long done,
      long failed,
      long pending,
      long running,
      @Schema(description = "estimated seconds left, null when unknown") Long etaSeconds,
      @Schema(description = "pairwise verdicts stored by the run's pairwise judges")
          long preferences,
      @Schema(
              description =
                  "of those, the verdicts whose two presentation orders disagreed (stored as tie)")
          long positionConflicts,
      OffsetDateTime createdAt,
      OffsetDateTime finishedAt,
      @Schema(description = "the first failed jobs with their errors")
          List<FailureView> failures) {}

  @Schema(name = "RunFailure")
  public record FailureView(long responseId, String judge, String error) {}

  @Schema(name = "Score")
  public record ScoreView(
      long responseId,
      String prompt,
      String system,
      String judge,
      String judgeVersion,
      String dimension,
      double value,
      String reason,
      Map<String, Object> details,
      OffsetDateTime createdAt) {}

  @Schema(name = "Preference")
  public record PreferenceView(
      @Schema(description = "the prompt's id in the dataset") String prompt,
      @Schema(description = "the system whose name sorts first, presented first") String systemA,
      String systemB,
      String dimension,
      @Schema(enumeration = {"a_better", "tie", "b_better"}) String verdict,
      @Schema(description = "the judge's two presentation orders disagreed")
          boolean positionConflict,
      @Schema(description = "judge id@version") String source) {}

  @Schema(name = "SystemDimensionSummary")
  public record SummaryView(
      String system, String dimension, String judge, double mean, long count) {}
}

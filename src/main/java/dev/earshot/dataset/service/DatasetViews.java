package dev.earshot.dataset.service;

import dev.earshot.dataset.manifest.PromptExpectations;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** JSON shapes of the dataset API; views render the same records. */
public final class DatasetViews {

  private DatasetViews() {}

  @Schema(name = "DatasetSummary")
  public record DatasetSummary(
      String name,
      String description,
      long prompts,
      long responses,
      List<String> systems,
      OffsetDateTime createdAt,
      OffsetDateTime updatedAt) {}

  @Schema(name = "Prompt")
  public record PromptView(
      @Schema(description = "id from the manifest") String id,
      int position,
      String text,
      String audioSha256,
      @Schema(description = "where to fetch the prompt audio, or null") String audioUrl,
      String reference,
      PromptExpectations expectations) {}

  @Schema(name = "System")
  public record SystemView(String name, String description) {}

  @Schema(name = "Response")
  public record ResponseView(
      long id,
      String dataset,
      @Schema(description = "prompt id from the manifest") String prompt,
      String system,
      String audioSha256,
      String audioUrl,
      Double durationSeconds,
      @Schema(description = "the text channel the model emitted, if any") String text,
      Integer latencyMs) {}

  @Schema(name = "Page")
  public record Page<T>(List<T> items, int page, int size, long total) {}

  /** Body of {@code POST /api/datasets/{name}/responses}: register one response. */
  @Schema(name = "NewResponse")
  public record NewResponse(
      @Schema(required = true, description = "prompt id from the manifest") String prompt,
      @Schema(required = true, description = "system name; created on first use") String system,
      @Schema(required = true, description = "SHA-256 of audio uploaded with POST /api/audio")
          String audioSha256,
      String text,
      Integer latencyMs) {}
}

package dev.earshot.judge.scoring;

import java.util.List;
import java.util.Objects;

/**
 * A judge as declared in {@code judges/<id>.json}.
 *
 * @param id the file name without {@code .json}
 * @param kind how the judge works
 * @param dimensions the dimensions it scores
 * @param description what it measures and how, for people
 * @param parameters its thresholds and settings
 * @param version first 12 hex digits of the SHA-256 of the file's bytes: any edit gives a new
 *     version, so scores made with different settings are never mixed up
 */
public record JudgeDefinition(
    String id,
    JudgeKind kind,
    List<String> dimensions,
    String description,
    JudgeParameters parameters,
    String version) {

  public JudgeDefinition {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    dimensions = List.copyOf(dimensions);
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(parameters, "parameters");
    Objects.requireNonNull(version, "version");
  }
}

package dev.earshot.judge.scoring;

import java.util.List;
import java.util.Map;
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
 * @param rationale per scored dimension, why what the judge measures tells something about that
 *     dimension; empty when the file gives none (then the description has to say it)
 */
public record JudgeDefinition(
    String id,
    JudgeKind kind,
    List<String> dimensions,
    String description,
    JudgeParameters parameters,
    String version,
    Map<String, String> rationale) {

  /** A definition whose file gives no rationale, as recorded versions and generated files are. */
  public JudgeDefinition(
      String id,
      JudgeKind kind,
      List<String> dimensions,
      String description,
      JudgeParameters parameters,
      String version) {
    this(id, kind, dimensions, description, parameters, version, Map.of());
  }

  public JudgeDefinition {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    dimensions = List.copyOf(dimensions);
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(parameters, "parameters");
    Objects.requireNonNull(version, "version");
    rationale = Map.copyOf(rationale);
  }
}

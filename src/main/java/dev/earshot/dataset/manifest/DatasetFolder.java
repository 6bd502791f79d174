package dev.earshot.dataset.manifest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A dataset folder as read from disk: its lines (prompts, responses, votes), every problem found in
 * them, and a hash of the metadata files so that an unchanged folder can be recognised.
 */
public record DatasetFolder(
    Path root,
    String name,
    String description,
    Map<String, String> systemDescriptions,
    List<PromptLine> prompts,
    List<ResponseLine> responses,
    List<VoteLine> votes,
    List<ManifestProblem> problems,
    String sourceSha256) {

  public boolean valid() {
    return problems.isEmpty();
  }
}

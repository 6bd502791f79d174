package dev.earshot.dataset.service;

import dev.earshot.dataset.manifest.ManifestProblem;
import dev.earshot.platform.error.DomainException;
import dev.earshot.platform.error.Failure;
import java.util.List;

/**
 * A dataset with problems: nothing of it was imported. Carries every problem with file and line.
 */
public class DatasetRejectedException extends DomainException {

  private static final long serialVersionUID = 1L;

  private final transient List<ManifestProblem> problems;

  public DatasetRejectedException(List<ManifestProblem> problems) {
    super(
        Failure.INVALID_VALUE,
        "Invalid dataset",
        problems.size()
            + (problems.size() == 1 ? " problem" : " problems")
            + " found; nothing was imported. Fix every listed line and import again.",
        problems);
    this.problems = problems;
  }

  public DatasetRejectedException(String file, String message) {
    this(List.of(new ManifestProblem(file, 0, message)));
  }

  public List<ManifestProblem> problems() {
    return problems;
  }
}

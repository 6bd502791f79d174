package dev.earshot.dataset.manifest;

/**
 * One reason a dataset cannot be imported.
 *
 * @param file the file it is in, relative to the dataset folder
 * @param line 1-based line number, or 0 when the problem concerns the whole file
 * @param message what is wrong and what to do about it
 */
public record ManifestProblem(String file, int line, String message) {

  @Override
  public String toString() {
    return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
  }
}

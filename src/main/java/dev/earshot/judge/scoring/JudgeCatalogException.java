package dev.earshot.judge.scoring;

import java.util.List;

/** The judge files have problems; the message lists every one with its file. */
public class JudgeCatalogException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public JudgeCatalogException(String folder, List<String> problems) {
    super("invalid judge definitions in " + folder + ":\n  " + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  /** One line per problem, each starting with the file name. */
  public List<String> problems() {
    return problems;
  }
}

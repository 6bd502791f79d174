package dev.earshot.platform.rest;

import java.util.List;

/**
 * An error with everything its answer needs: HTTP status, a short title and a detail that tells the
 * person what was wrong and what to do. Services throw it; {@link ProblemMappers} renders it.
 */
public class ProblemException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String title;
  private final transient List<?> errors;

  public ProblemException(int status, String title, String detail) {
    this(status, title, detail, null);
  }

  public ProblemException(int status, String title, String detail, List<?> errors) {
    super(detail);
    this.status = status;
    this.title = title;
    this.errors = errors;
  }

  public static ProblemException notFound(String what) {
    return new ProblemException(404, "Not found", what);
  }

  public static ProblemException badRequest(String detail) {
    return new ProblemException(400, "Bad request", detail);
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public List<?> errors() {
    return errors;
  }
}

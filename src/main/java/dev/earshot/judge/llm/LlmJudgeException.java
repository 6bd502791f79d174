package dev.earshot.judge.llm;

import java.util.OptionalInt;

/** A judge call that failed for good; the message says what to fix. */
public final class LlmJudgeException extends RuntimeException {

  private final Integer httpStatus;

  LlmJudgeException(String message) {
    this(message, null, null);
  }

  LlmJudgeException(String message, Integer httpStatus, Throwable cause) {
    super(message, cause);
    this.httpStatus = httpStatus;
  }

  /** The status of the endpoint's last answer, when the failure came from one. */
  public OptionalInt httpStatus() {
    return httpStatus == null ? OptionalInt.empty() : OptionalInt.of(httpStatus);
  }
}

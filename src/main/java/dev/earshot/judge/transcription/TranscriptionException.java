package dev.earshot.judge.transcription;

import java.util.OptionalInt;

/** A transcription that failed for good; the message says what to fix. */
public final class TranscriptionException extends RuntimeException {

  private final Integer httpStatus;

  TranscriptionException(String message, Integer httpStatus, Throwable cause) {
    super(message, cause);
    this.httpStatus = httpStatus;
  }

  /** The status of the endpoint's last answer, when the failure came from one. */
  public OptionalInt httpStatus() {
    return httpStatus == null ? OptionalInt.empty() : OptionalInt.of(httpStatus);
  }
}

package dev.earshot.platform.error;

/**
 * What kind of failure a {@link DomainException} reports, in the domain's words. The REST edge
 * turns each kind into one HTTP status; views show the message alone.
 */
public enum Failure {
  /** The request cannot be understood: a malformed value, a wrong parameter, a missing part. */
  INVALID_REQUEST,
  /** Well-formed, but its values break a rule; the exception's errors name each field. */
  INVALID_VALUE,
  /** The caller may not do this, whoever they are. */
  FORBIDDEN,
  /** Something named in the request does not exist. */
  NOT_FOUND,
  /** The request contradicts the current state: a name taken, a job not finished, a vote given. */
  CONFLICT,
  /** The request or its content is larger than allowed. */
  TOO_LARGE,
  /** The requested part (a byte range) lies outside the content. */
  RANGE_NOT_SATISFIABLE,
  /** The caller asks too often; slowing down helps. */
  TOO_MANY,
  /** The service cannot do it now; retrying later or changing configuration helps. */
  UNAVAILABLE,
  /** The service's storage (the data folder) cannot take the write: read-only or full. */
  INSUFFICIENT_STORAGE,
  /** The service failed on its own (a judge threw); its log has the error. */
  INTERNAL;

  /** Whether the service, not the caller, is at fault. */
  public boolean serverSide() {
    return this == UNAVAILABLE || this == INSUFFICIENT_STORAGE || this == INTERNAL;
  }
}

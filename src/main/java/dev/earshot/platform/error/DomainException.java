package dev.earshot.platform.error;

import java.util.List;

/**
 * A failure that services report in the domain's words: what went wrong ({@link Failure}), a short
 * title, a message that tells a person what to do, and optionally one entry per bad field or line.
 * The REST edge renders it as problem JSON; views show {@link #getMessage()}.
 */
public class DomainException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final Failure failure;
  private final String title;
  private final transient List<?> errors;

  public DomainException(Failure failure, String title, String detail) {
    this(failure, title, detail, null);
  }

  public DomainException(Failure failure, String title, String detail, List<?> errors) {
    super(detail);
    this.failure = failure;
    this.title = title;
    this.errors = errors == null ? null : List.copyOf(errors);
  }

  /** Something named in the request does not exist; {@code detail} says what. */
  public static DomainException notFound(String detail) {
    return new DomainException(Failure.NOT_FOUND, "Not found", detail);
  }

  /** A request that cannot be understood; {@code detail} says what to send instead. */
  public static DomainException invalidRequest(String detail) {
    return new DomainException(Failure.INVALID_REQUEST, "Bad request", detail);
  }

  /** Well-formed, but values break rules; {@code errors} names each bad field or line. */
  public static DomainException invalid(String title, String detail, List<?> errors) {
    return new DomainException(Failure.INVALID_VALUE, title, detail, errors);
  }

  /** Well-formed, but a value breaks a rule. */
  public static DomainException invalid(String title, String detail) {
    return new DomainException(Failure.INVALID_VALUE, title, detail);
  }

  /** The request contradicts the current state. */
  public static DomainException conflict(String title, String detail) {
    return new DomainException(Failure.CONFLICT, title, detail);
  }

  public static DomainException forbidden(String title, String detail) {
    return new DomainException(Failure.FORBIDDEN, title, detail);
  }

  public static DomainException tooLarge(String title, String detail) {
    return new DomainException(Failure.TOO_LARGE, title, detail);
  }

  public static DomainException tooMany(String title, String detail) {
    return new DomainException(Failure.TOO_MANY, title, detail);
  }

  public static DomainException unavailable(String title, String detail) {
    return new DomainException(Failure.UNAVAILABLE, title, detail);
  }

  public Failure failure() {
    return failure;
  }

  public String title() {
    return title;
  }

  /** One entry per bad field or line, or null when the message says it all. */
  public List<?> errors() {
    return errors;
  }
}

package dev.earshot.audio.decode;

import java.util.Objects;

/**
 * An audio file that cannot be accepted; {@link #getMessage()} tells a person what is wrong with
 * it.
 */
public final class AudioRejectedException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why the file was rejected; the service maps these to HTTP 415, 422 and 413. */
  public enum Reason {
    UNSUPPORTED_FORMAT,
    MALFORMED,
    TOO_LARGE
  }

  private final Reason reason;

  public AudioRejectedException(Reason reason, String message) {
    super(Objects.requireNonNull(message, "message"));
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }

  static AudioRejectedException unsupported(String message) {
    return new AudioRejectedException(Reason.UNSUPPORTED_FORMAT, message);
  }

  static AudioRejectedException malformed(String message) {
    return new AudioRejectedException(Reason.MALFORMED, message);
  }

  static AudioRejectedException tooLarge(String message) {
    return new AudioRejectedException(Reason.TOO_LARGE, message);
  }
}

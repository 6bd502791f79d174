package dev.earshot.platform.error;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.ReadOnlyFileSystemException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognises failures that surface as unexpected exceptions but are not bugs: text the database
 * cannot store, a database that cannot be reached, and a data folder that cannot be written. Their
 * answers never name server paths.
 */
public final class FailureCauses {

  /** PostgreSQL: a character the database encoding cannot hold (the NUL character in text). */
  private static final String CHARACTER_NOT_IN_REPERTOIRE = "22021";

  private FailureCauses() {}

  /** The domain failure behind {@code error}, or empty when it is not a known kind. */
  public static Optional<DomainException> classify(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql
          && CHARACTER_NOT_IN_REPERTOIRE.equals(sql.getSQLState())) {
        return Optional.of(
            new DomainException(
                Failure.INVALID_VALUE,
                "Text cannot be stored",
                "Some text holds the NUL character (\\u0000), which cannot be stored; remove it"
                    + " and send again. Nothing was changed."));
      }
      if (cause instanceof SQLException sql && databaseUnreachable(sql)) {
        return Optional.of(
            new DomainException(
                Failure.UNAVAILABLE,
                "Database unavailable",
                "The database cannot be reached right now; nothing was changed. Retry in a few"
                    + " seconds."));
      }
      if (unwritableStorage(cause)) {
        return Optional.of(
            new DomainException(
                Failure.INSUFFICIENT_STORAGE,
                "Storage unavailable",
                "The server's data folder cannot be written (read-only or full); nothing was"
                    + " changed. Ask the operator to check earshot.data-dir."));
      }
    }
    return Optional.empty();
  }

  /**
   * Connection failures (SQLSTATE class 08), a server shutting down or starting (57P01-57P03), or
   * no pooled connection within the acquisition timeout. Agroal says the last in two ways, without
   * a SQLSTATE: "Acquisition timeout while waiting for new connection" while opening one, "Sorry,
   * acquisition timeout!" while every connection is in use.
   */
  private static boolean databaseUnreachable(SQLException sql) {
    String state = sql.getSQLState();
    if (state != null) {
      return state.startsWith("08") || state.startsWith("57P");
    }
    return String.valueOf(sql.getMessage())
        .toLowerCase(Locale.ROOT)
        .contains("acquisition timeout");
  }

  private static boolean unwritableStorage(Throwable cause) {
    if (cause instanceof ReadOnlyFileSystemException || cause instanceof AccessDeniedException) {
      return true;
    }
    if (cause instanceof FileSystemException fileSystem) {
      String reason = String.valueOf(fileSystem.getReason()).toLowerCase(Locale.ROOT);
      return reason.contains("read-only") || reason.contains("no space left");
    }
    return cause instanceof IOException io
        && String.valueOf(io.getMessage()).toLowerCase(Locale.ROOT).contains("no space left");
  }
}

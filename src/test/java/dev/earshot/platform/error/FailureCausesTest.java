package dev.earshot.platform.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class FailureCausesTest {

  @Test
  void shouldCallNulInTextAnInvalidValue() {
    // As Hibernate wraps what the PostgreSQL driver throws for a NUL character in a text column.
    RuntimeException stored =
        new RuntimeException(
            "could not execute statement",
            new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021"));

    assertThat(FailureCauses.classify(stored))
        .hasValueSatisfying(
            e -> {
              assertThat(e.failure()).isEqualTo(Failure.INVALID_VALUE);
              assertThat(e.getMessage()).contains("NUL").contains("Nothing was changed");
            });
  }

  @Test
  void shouldCallAReadOnlyOrFullDataFolderInsufficientStorageWithoutItsPath() {
    String path = "/srv/earshot/data/audio/ab/abcdef.wav";
    RuntimeException readOnly =
        new UncheckedIOException(new FileSystemException(path, null, "Read-only file system"));
    RuntimeException full = new UncheckedIOException(new IOException("No space left on device"));

    for (RuntimeException error : new RuntimeException[] {readOnly, full}) {
      assertThat(FailureCauses.classify(error))
          .hasValueSatisfying(
              e -> {
                assertThat(e.failure()).isEqualTo(Failure.INSUFFICIENT_STORAGE);
                assertThat(e.failure().serverSide()).isTrue();
                assertThat(e.getMessage()).doesNotContain("/srv");
              });
    }
  }

  @Test
  void shouldCallAnUnreachableDatabaseUnavailable() {
    RuntimeException refused =
        new RuntimeException(
            "Unable to acquire JDBC Connection",
            new SQLException("Connection to localhost:5432 refused", "08001"));
    RuntimeException shuttingDown =
        new RuntimeException(
            new SQLException("terminating connection due to administrator command", "57P01"));
    RuntimeException noNewConnection =
        new RuntimeException(
            new SQLException("Acquisition timeout while waiting for new connection"));
    // Agroal's words when every pooled connection is in use (seen as a 500 under 1,000 raters).
    RuntimeException poolExhausted =
        new RuntimeException(
            "Unable to acquire JDBC Connection [Sorry, acquisition timeout!]",
            new SQLException("Sorry, acquisition timeout!"));

    for (RuntimeException error :
        new RuntimeException[] {refused, shuttingDown, noNewConnection, poolExhausted}) {
      assertThat(FailureCauses.classify(error))
          .hasValueSatisfying(e -> assertThat(e.failure()).isEqualTo(Failure.UNAVAILABLE));
    }
  }

  @Test
  void shouldLeaveOtherFailuresAlone() {
    assertThat(FailureCauses.classify(new IllegalStateException("bug"))).isEmpty();
    assertThat(
            FailureCauses.classify(
                new RuntimeException(new SQLException("duplicate key value", "23505"))))
        .isEmpty();
    assertThat(
            FailureCauses.classify(
                new UncheckedIOException(
                    new FileSystemException("/x", null, "Too many open files"))))
        .isEmpty();
  }
}

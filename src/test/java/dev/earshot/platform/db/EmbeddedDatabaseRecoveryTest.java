package dev.earshot.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.earshot.testing.Accounts;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The embedded PostgreSQL is killed under the running service: the supervisor starts it again, the
 * service becomes ready again without a restart, and what was written before is still there.
 */
@QuarkusTest
class EmbeddedDatabaseRecoveryTest {

  /** Generous: the machine running the tests may be busy; recovery itself takes seconds. */
  private static final Duration RECOVERY_WAIT = Duration.ofSeconds(120);

  @Inject AgroalDataSource dataSource;

  @Test
  void shouldBeReadyAgainWithItsDataAfterThePostmasterWasKilled() throws Exception {
    String username = Accounts.newUser("survivor", "admin");
    String token = Accounts.tokenOf(username);
    String unusedToken = Accounts.tokenOf(username);
    flushAcknowledgedCommits();
    Path pidFile =
        Path.of(ConfigProvider.getConfig().getValue("earshot.data-dir", String.class))
            .resolve("pg/postmaster.pid");
    long killed = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
    ProcessHandle postmaster = ProcessHandle.of(killed).orElseThrow();

    postmaster.destroyForcibly();
    postmaster.onExit().get();

    // A token never used before needs the database: while it is down that is a 503 to retry (or
    // already a 200 when the restart won the race), never a 401 calling a valid token revoked.
    Response whileDown = Accounts.as(unusedToken).get("/api/users/" + username);
    assertThat(whileDown.statusCode()).as(whileDown.asString()).isIn(503, 200);
    if (whileDown.statusCode() == 503) {
      assertThat(whileDown.header("Retry-After")).isNotNull();
      assertThat(whileDown.contentType()).startsWith("application/problem+json");
    }

    long deadline = System.nanoTime() + RECOVERY_WAIT.toNanos();
    while (Accounts.anonymous().get("/q/health/ready").statusCode() != 200
        || !restartedAfter(pidFile, killed)) {
      assertThat(System.nanoTime()).as("ready again within %s", RECOVERY_WAIT).isLessThan(deadline);
      Thread.sleep(250);
    }
    // The token was never used, so it is looked up in the restarted database: a 503 with
    // Retry-After while a connection recovers is an honest answer; a 401 would call it revoked.
    Response user = Accounts.as(token).get("/api/users/" + username);
    for (int retry = 0; user.statusCode() == 503 && retry < 40; retry++) {
      assertThat(user.header("Retry-After")).isNotNull();
      Thread.sleep(250);
      user = Accounts.as(token).get("/api/users/" + username);
    }
    user.then().statusCode(200).body("username", equalTo(username));
  }

  /**
   * The tests' database commits asynchronously (synchronous_commit off), so a kill can lose the
   * last commits; one synchronous commit flushes the write-ahead log up to it, theirs included.
   */
  private void flushAcknowledgedCommits() throws Exception {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      statement.execute("SET LOCAL synchronous_commit = on");
      // A transaction id, so that the commit writes (and flushes) a commit record.
      statement.execute("SELECT pg_current_xact_id()");
      connection.commit();
    }
  }

  /** Whether a live postmaster other than {@code killed} now owns the data folder. */
  private static boolean restartedAfter(Path pidFile, long killed) throws Exception {
    if (!Files.isRegularFile(pidFile)) {
      return false;
    }
    // PostgreSQL may be writing the file right now: an empty first line means not yet.
    String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
    if (first.isEmpty()) {
      return false;
    }
    long now = Long.parseLong(first);
    return now != killed && ProcessHandle.of(now).map(ProcessHandle::isAlive).orElse(false);
  }
}

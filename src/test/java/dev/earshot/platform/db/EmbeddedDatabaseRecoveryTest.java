package dev.earshot.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.earshot.platform.config.SecretFiles;
import dev.earshot.testing.Accounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
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

  @Test
  void shouldBeReadyAgainWithItsDataAfterThePostmasterWasKilled() throws Exception {
    String username = Accounts.newUser("survivor", "admin");
    String token = Accounts.tokenOf(username);
    String unusedToken = Accounts.tokenOf(username);
    Path dataDir = Path.of(ConfigProvider.getConfig().getValue("earshot.data-dir", String.class));
    Path pidFile = dataDir.resolve("pg/postmaster.pid");
    checkpoint(dataDir);
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
   * The tests' database runs without fsync and commits asynchronously, so a kill may lose the last
   * commits' write-ahead log; a checkpoint (as the maintenance superuser, whose password the
   * service keeps in the data folder) writes them into the data files first.
   */
  private static void checkpoint(Path dataDir) throws Exception {
    // Without the URL's own parameters (they name the service's role).
    String url =
        ConfigProvider.getConfig()
            .getValue("quarkus.datasource.jdbc.url", String.class)
            .replaceFirst("\\?.*$", "");
    String password =
        Files.readString(SecretFiles.path(dataDir, EmbeddedPostgresServer.SUPERUSER_PASSWORD_FILE))
            .strip();
    try (Connection connection =
            DriverManager.getConnection(url, EmbeddedPostgresServer.SUPERUSER, password);
        Statement statement = connection.createStatement()) {
      statement.execute("CHECKPOINT");
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

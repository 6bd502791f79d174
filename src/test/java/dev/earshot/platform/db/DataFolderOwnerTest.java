package dev.earshot.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second Earshot on a data folder in use. File locks belong to a whole JVM, so the second start
 * runs in a child JVM: a real second process, competing for the real lock.
 */
class DataFolderOwnerTest {

  private static final int REFUSED = 3;

  @TempDir Path dataDir;

  @Test
  void shouldRefuseASecondStartAndLeaveTheFirstDatabaseRunning() throws Exception {
    try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(dataDir, false)) {
      String postmasterBefore = Files.readAllLines(dataDir.resolve("pg/postmaster.pid")).get(0);
      Path output = dataDir.resolveSibling(dataDir.getFileName() + "-second.log");
      Process second =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  SecondStart.class.getName(),
                  dataDir.toString())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();

      boolean finished = second.waitFor(10, TimeUnit.SECONDS);
      if (!finished) {
        second.destroyForcibly();
      }
      String log = Files.readString(output);
      Files.delete(output);
      assertThat(finished).as("the second start ends within 10 s; its output: %s", log).isTrue();
      assertThat(second.exitValue()).as(log).isEqualTo(REFUSED);
      assertThat(log)
          .contains("is in use by another Earshot process (pid " + ProcessHandle.current().pid());

      assertThat(Files.readAllLines(dataDir.resolve("pg/postmaster.pid")).get(0))
          .isEqualTo(postmasterBefore);
      try (Connection connection = first.connect(first.serviceLogin());
          Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT 1")) {
        assertThat(rows.next()).isTrue();
      }
    }
  }

  /** The second process: starts the embedded database on the folder given as argument. */
  public static final class SecondStart {
    public static void main(String[] args) {
      try {
        EmbeddedPostgresServer.start(Path.of(args[0]), false).close();
        System.out.println("started, although the folder is in use");
      } catch (IllegalStateException refused) {
        System.out.println(refused.getMessage());
        System.exit(REFUSED);
      }
    }
  }
}

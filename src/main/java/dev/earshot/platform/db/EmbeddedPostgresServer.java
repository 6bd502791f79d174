package dev.earshot.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Runs PostgreSQL from the zonky binaries when no JDBC URL is configured, so that one command
 * starts the whole service. The data directory is persistent; the server runs with durability
 * settings (fsync, synchronous commit) because zonky's test defaults would lose acknowledged
 * writes.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class);
  private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
  private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(30);

  private final EmbeddedPostgres postgres;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /**
   * Starts a server on {@code dataDirectory}; initialises it on first use and keeps it afterwards.
   *
   * @param ephemeral when true the directory is deleted on close (fresh database per test run)
   */
  public static EmbeddedPostgresServer start(Path dataDirectory, boolean ephemeral) {
    try {
      stopOrphanedPostmaster(dataDirectory);
      if (ephemeral) {
        deleteRecursively(dataDirectory);
      }
      Files.createDirectories(dataDirectory);
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(ephemeral)
              .setPGStartupWait(STARTUP_WAIT)
              .setServerConfig("fsync", ephemeral ? "off" : "on")
              .setServerConfig("synchronous_commit", ephemeral ? "off" : "on")
              .setServerConfig("full_page_writes", ephemeral ? "off" : "on")
              .setServerConfig("max_connections", "100")
              .start();
      LOG.infof(
          "Embedded PostgreSQL started on port %d with data in %s",
          postgres.getPort(), dataDirectory);
      return new EmbeddedPostgresServer(postgres);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not start the embedded PostgreSQL in "
              + dataDirectory
              + "; check that the folder is writable, or configure quarkus.datasource.jdbc.url",
          e);
    }
  }

  /**
   * A service killed with SIGKILL leaves its postmaster running on the data directory, and a new
   * one would refuse to start. Stop it first: no client of it survives the killed JVM.
   */
  private static void stopOrphanedPostmaster(Path dataDirectory) throws IOException {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    if (!Files.isRegularFile(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile);
    if (lines.isEmpty()) {
      return;
    }
    long pid;
    try {
      pid = Long.parseLong(lines.get(0).trim());
    } catch (NumberFormatException e) {
      return;
    }
    Optional<ProcessHandle> postmaster =
        ProcessHandle.of(pid)
            .filter(ProcessHandle::isAlive)
            .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
    if (postmaster.isEmpty()) {
      return;
    }
    LOG.warnf("Stopping orphaned embedded PostgreSQL (pid %d) left by an earlier run", pid);
    ProcessHandle process = postmaster.get();
    process.destroy();
    try {
      process.onExit().get(ORPHAN_STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IOException(
          "Orphaned PostgreSQL (pid " + pid + ") did not stop; stop it by hand", e);
    }
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /** JDBC URL of the {@code postgres} database as the {@code postgres} superuser. */
  public String jdbcUrl() {
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  @Override
  public void close() {
    try {
      postgres.close();
      LOG.info("Embedded PostgreSQL stopped");
    } catch (IOException e) {
      throw new UncheckedIOException("Could not stop the embedded PostgreSQL", e);
    }
  }
}

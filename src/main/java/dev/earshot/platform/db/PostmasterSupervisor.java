package dev.earshot.platform.db;

import dev.earshot.platform.concurrent.DaemonThreads;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Starts the embedded PostgreSQL again when its postmaster has died (killed, crashed, stopped by
 * hand): on the same data directory, with the same binary, port and settings, which the postmaster
 * itself recorded in {@code postmaster.opts}. The credentials live in the database, so they stay
 * the same; the connection pool drops broken connections and opens new ones by itself.
 *
 * <p>{@code pg_ctl start} (not {@code restart}) is used on purpose: it never signals the process a
 * stale {@code postmaster.pid} names, and PostgreSQL refuses to start while backends of the dead
 * postmaster still hold its shared memory, so a failed attempt is simply tried again.
 */
final class PostmasterSupervisor implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(PostmasterSupervisor.class);
  private static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);
  private static final Duration START_WAIT = Duration.ofSeconds(60);
  private static final Duration CLOSE_WAIT = START_WAIT.plusSeconds(10);

  /** A start that keeps failing (a full disk, say) is logged this often, not on every attempt. */
  private static final Duration FAILURE_LOG_INTERVAL = Duration.ofMinutes(1);

  private static final String OPTIONS_FILE = "postmaster.opts";
  private static final String PID_FILE = "postmaster.pid";

  /** Where {@code pg_ctl} and the restarted server write their output. */
  static final String RESTART_LOG = "earshot-restart.log";

  private final Path pgDirectory;
  private final Duration restartDelay;
  private final ScheduledExecutorService checks;
  private volatile long postmasterPid;
  private volatile boolean closed;
  private long downSinceNanos = -1;
  private long failureLoggedNanos = -1;

  /**
   * Watches the postmaster now running on {@code pgDirectory}.
   *
   * @param restartDelay how long the server stays down before it is started again
   */
  PostmasterSupervisor(Path pgDirectory, Duration restartDelay) throws IOException {
    this.pgDirectory = pgDirectory;
    this.restartDelay = restartDelay;
    this.postmasterPid = readPostmasterPid();
    this.checks =
        Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("earshot-embedded-postgres-supervisor"));
    checks.scheduleWithFixedDelay(
        this::check, CHECK_INTERVAL.toMillis(), CHECK_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The process id of the postmaster being watched. */
  long postmasterPid() {
    return postmasterPid;
  }

  private void check() {
    if (closed || ProcessHandle.of(postmasterPid).map(ProcessHandle::isAlive).orElse(false)) {
      downSinceNanos = -1;
      return;
    }
    long now = System.nanoTime();
    if (downSinceNanos < 0) {
      downSinceNanos = now;
      LOG.errorf(
          "Embedded PostgreSQL (pid %d) is gone; starting it again in %d s on %s",
          postmasterPid, restartDelay.toSeconds(), pgDirectory);
    }
    if (now - downSinceNanos < restartDelay.toNanos()) {
      return;
    }
    try {
      startAgain();
      long previous = postmasterPid;
      postmasterPid = readPostmasterPid();
      downSinceNanos = -1;
      failureLoggedNanos = -1;
      LOG.warnf(
          "Embedded PostgreSQL started again (pid %d, was %d); connections recover by themselves",
          postmasterPid, previous);
    } catch (IOException | RuntimeException e) {
      if (failureLoggedNanos < 0 || now - failureLoggedNanos >= FAILURE_LOG_INTERVAL.toNanos()) {
        failureLoggedNanos = now;
        LOG.warnf(
            "Embedded PostgreSQL did not start again yet (retrying every %d s, logged every %d s):"
                + " %s",
            CHECK_INTERVAL.toSeconds(), FAILURE_LOG_INTERVAL.toSeconds(), e.getMessage());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** {@code pg_ctl start} with the binary and options of the last start (postmaster.opts). */
  private void startAgain() throws IOException, InterruptedException {
    String options = Files.readString(pgDirectory.resolve(OPTIONS_FILE), StandardCharsets.UTF_8);
    String line = options.lines().findFirst().orElse("");
    int firstArgument = line.indexOf(" \"");
    if (firstArgument < 0) {
      throw new IOException(OPTIONS_FILE + " names no options");
    }
    Path postgres = Path.of(line.substring(0, firstArgument));
    Path pgCtl = postgres.resolveSibling("pg_ctl");
    Path output = pgDirectory.resolve(RESTART_LOG);
    List<String> command = new ArrayList<>();
    // As zonky does it: under root, PostgreSQL runs in a user namespace (it refuses uid 0).
    if (LinuxUtils.isUnshareAvailable()) {
      command.addAll(List.of("unshare", "-U"));
    }
    command.addAll(
        List.of(
            pgCtl.toString(),
            "start",
            "-w",
            "-t",
            Long.toString(START_WAIT.toSeconds()),
            "-D",
            pgDirectory.toString(),
            "-l",
            output.toString(),
            "-p",
            postgres.toString(),
            "-o",
            line.substring(firstArgument + 1)));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
            .start();
    if (!process.waitFor(CLOSE_WAIT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException("pg_ctl start did not finish");
    }
    if (process.exitValue() != 0) {
      throw new IOException(
          "pg_ctl start exited with " + process.exitValue() + "; see " + RESTART_LOG);
    }
  }

  private long readPostmasterPid() throws IOException {
    List<String> lines = Files.readAllLines(pgDirectory.resolve(PID_FILE));
    if (lines.isEmpty()) {
      throw new IOException(PID_FILE + " is empty");
    }
    return Long.parseLong(lines.get(0).trim());
  }

  /** Stops watching; waits for a start in progress, so that the server can be stopped after. */
  @Override
  public void close() {
    closed = true;
    checks.shutdown();
    try {
      if (!checks.awaitTermination(CLOSE_WAIT.toSeconds(), TimeUnit.SECONDS)) {
        LOG.warn("The embedded PostgreSQL supervisor did not stop in time");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package dev.earshot.platform.db;

import dev.earshot.platform.concurrent.DaemonThreads;
import java.nio.file.Path;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * One embedded server per JVM. Quarkus builds its configuration in more than one class loader, so
 * the "already started" mark is a system property (shared by all of them), not only a static field.
 */
final class EmbeddedPostgresHolder {

  private static final Logger LOG = Logger.getLogger(EmbeddedPostgresHolder.class);

  /**
   * Outside the {@code earshot.} namespace: a system property there would fail the validation of
   * {@code EarshotConfig} when Quarkus starts again in the same JVM (tests with another profile).
   */
  private static final String STARTED_URL = "dev.earshot.embedded-postgres.started-url";

  /** The PostgreSQL driver's setting for its password file. */
  private static final String PGPASS_FILE = "org.postgresql.pgpassfile";

  /**
   * Set (to "true") once the service has started and once its shutdown observer is done. Strings
   * only: other code copies the system properties and expects every value to be a string.
   */
  private static final String SERVICE_STARTED = "dev.earshot.embedded-postgres.service-started";

  private static final String SERVICE_STOPPED = "dev.earshot.embedded-postgres.service-stopped";

  /** Set by the main method, cleared by the one background start it asks for. */
  private static final String START_WHILE_BOOTING =
      "dev.earshot.embedded-postgres.start-while-booting";

  /** How long the fallback hook waits for the service's own ordered shutdown. */
  private static final long ORDERED_SHUTDOWN_WAIT_MS = 60_000;

  /** The kept (non-ephemeral) server this JVM started; null once stopped. */
  private static volatile EmbeddedPostgresServer kept;

  private EmbeddedPostgresHolder() {}

  private static void keep(EmbeddedPostgresServer server) {
    kept = server;
    // JVM hooks run in parallel with Quarkus's own: this one waits for the service's ordered
    // shutdown and stops the server itself only when the service never started, did not get to it
    // in time, or (dev mode) its shutdown observer saw another class loader's copy of this class.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> stopAfterService(server), "earshot-embedded-postgres-stop"));
  }

  static void requestStartWhileBooting() {
    System.setProperty(START_WHILE_BOOTING, "true");
  }

  /**
   * Starts the server on a thread of its own when the main method asked for it and nothing started
   * it yet. The boot thread's first lookup of the URL then waits for it ({@link #jdbcUrl} holds the
   * same monitor while starting) or, if this start failed, starts it again and reports the error.
   */
  static void startInBackgroundIfRequested(Path dataDir, boolean ephemeral, Duration restartDelay) {
    synchronized (System.class) {
      if (!Boolean.getBoolean(START_WHILE_BOOTING) || System.getProperty(STARTED_URL) != null) {
        return;
      }
      System.clearProperty(START_WHILE_BOOTING);
    }
    DaemonThreads.named("earshot-embedded-postgres-start")
        .newThread(
            () -> {
              try {
                jdbcUrl(dataDir, ephemeral, restartDelay);
              } catch (RuntimeException e) {
                LOG.debugf(e, "Embedded PostgreSQL did not start in the background; retrying");
              }
            })
        .start();
  }

  /** Marks the service as started: its shutdown observer will stop the server. */
  static void serviceStarted() {
    System.setProperty(SERVICE_STARTED, "true");
  }

  /** Stops the kept server, if this JVM started one and it still runs. */
  static void stopKept() {
    EmbeddedPostgresServer server = kept;
    kept = null;
    if (server != null) {
      server.close();
    }
    System.setProperty(SERVICE_STOPPED, "true");
  }

  private static void stopAfterService(EmbeddedPostgresServer server) {
    long deadline = System.currentTimeMillis() + ORDERED_SHUTDOWN_WAIT_MS;
    while (Boolean.getBoolean(SERVICE_STARTED)
        && !Boolean.getBoolean(SERVICE_STOPPED)
        && System.currentTimeMillis() < deadline) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    // Closing twice is harmless: the server ignores a second close.
    server.close();
  }

  static String jdbcUrl(Path dataDir, boolean ephemeral, Duration restartDelay) {
    synchronized (System.class) {
      String url = System.getProperty(STARTED_URL);
      if (url == null) {
        // An ephemeral (test) server is stopped and removed by its own JVM shutdown hook; a kept
        // one by stopKept(), after the service's workers have stopped.
        EmbeddedPostgresServer server =
            EmbeddedPostgresServer.start(dataDir, ephemeral, restartDelay);
        if (!ephemeral) {
          keep(server);
        }
        // The PostgreSQL driver takes a password it is not given from this file (like libpq).
        System.setProperty(PGPASS_FILE, server.passwordFile().toAbsolutePath().toString());
        url = server.jdbcUrl() + "?user=" + EmbeddedPostgresServer.SERVICE_ROLE;
        System.setProperty(STARTED_URL, url);
      }
      return url;
    }
  }
}

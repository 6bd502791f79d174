package dev.earshot.platform.db;

import java.nio.file.Path;

/**
 * One embedded server per JVM. Quarkus builds its configuration in more than one class loader, so
 * the "already started" mark is a system property (shared by all of them), not only a static field.
 */
final class EmbeddedPostgresHolder {

  /**
   * Outside the {@code earshot.} namespace: a system property there would fail the validation of
   * {@code EarshotConfig} when Quarkus starts again in the same JVM (tests with another profile).
   */
  private static final String STARTED_URL = "dev.earshot.embedded-postgres.started-url";

  /** The PostgreSQL driver's setting for its password file. */
  private static final String PGPASS_FILE = "org.postgresql.pgpassfile";

  /**
   * The kept server, as an {@link AutoCloseable} in the system properties: the configuration source
   * that starts it and the bean that stops it may live in different class loaders.
   */
  private static final String KEPT_SERVER = "dev.earshot.embedded-postgres.kept-server";

  /** Set once the service has started: from then on its shutdown observer stops the server. */
  private static final String SERVICE_STARTED = "dev.earshot.embedded-postgres.service-started";

  /** How long the fallback hook waits for the service's own ordered shutdown. */
  private static final long ORDERED_SHUTDOWN_WAIT_MS = 60_000;

  private EmbeddedPostgresHolder() {}

  private static void keep(EmbeddedPostgresServer server) {
    System.getProperties().put(KEPT_SERVER, server);
    // JVM hooks run in parallel with Quarkus's own: this one stops the server only when the
    // service never started (a failed start) or its shutdown did not get to it in time.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(EmbeddedPostgresHolder::stopAfterService, "earshot-embedded-postgres-stop"));
  }

  /** Marks the service as started: its shutdown observer will stop the server. */
  static void serviceStarted() {
    System.getProperties().put(SERVICE_STARTED, Boolean.TRUE);
  }

  /** Stops the kept server, if this JVM started one and it still runs. */
  static void stopKept() {
    Object server = System.getProperties().remove(KEPT_SERVER);
    if (server instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        throw new IllegalStateException("the embedded PostgreSQL did not stop cleanly", e);
      }
    }
  }

  private static void stopAfterService() {
    long deadline = System.currentTimeMillis() + ORDERED_SHUTDOWN_WAIT_MS;
    while (System.getProperties().containsKey(SERVICE_STARTED)
        && System.getProperties().containsKey(KEPT_SERVER)
        && System.currentTimeMillis() < deadline) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    stopKept();
  }

  static String jdbcUrl(Path dataDir, boolean ephemeral) {
    synchronized (System.class) {
      String url = System.getProperty(STARTED_URL);
      if (url == null) {
        // An ephemeral (test) server is stopped and removed by zonky's JVM shutdown hook; a kept
        // one by stopKept(), after the service's workers have stopped.
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, ephemeral);
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

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

  private EmbeddedPostgresHolder() {}

  static String jdbcUrl(Path dataDir, boolean ephemeral) {
    synchronized (System.class) {
      String url = System.getProperty(STARTED_URL);
      if (url == null) {
        // zonky registers a JVM shutdown hook that stops the server (and removes an ephemeral
        // folder).
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, ephemeral);
        // The PostgreSQL driver takes a password it is not given from this file (like libpq).
        System.setProperty(PGPASS_FILE, server.passwordFile().toAbsolutePath().toString());
        url = server.jdbcUrl() + "?user=" + EmbeddedPostgresServer.SERVICE_ROLE;
        System.setProperty(STARTED_URL, url);
      }
      return url;
    }
  }
}

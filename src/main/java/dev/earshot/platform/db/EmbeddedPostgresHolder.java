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

  private EmbeddedPostgresHolder() {}

  static String jdbcUrl(Path dataDir, boolean ephemeral) {
    synchronized (System.class) {
      String url = System.getProperty(STARTED_URL);
      if (url == null) {
        // zonky registers a JVM shutdown hook that stops the server (and removes an ephemeral
        // folder).
        url = EmbeddedPostgresServer.start(dataDir, ephemeral).jdbcUrl();
        System.setProperty(STARTED_URL, url);
      }
      return url;
    }
  }
}

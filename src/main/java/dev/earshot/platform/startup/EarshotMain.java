package dev.earshot.platform.startup;

import dev.earshot.platform.db.EmbeddedPostgresConfigSourceFactory;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The service's entry point: asks for the embedded PostgreSQL (when no JDBC URL is configured) to
 * start alongside Quarkus' boot instead of after it, which takes its start (about half a second to
 * a second) off every restart; then runs Quarkus as usual.
 */
@QuarkusMain
public final class EarshotMain {

  private EarshotMain() {}

  public static void main(String... args) {
    EmbeddedPostgresConfigSourceFactory.startWhileBooting();
    Quarkus.run(args);
  }
}

package dev.earshot.platform.db;

import dev.earshot.platform.config.StartupConfigValues;
import io.quarkus.runtime.annotations.StaticInitSafe;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Supplies the datasource URL of an embedded PostgreSQL when {@code quarkus.datasource.jdbc.url} is
 * not configured. The URL names the service role; its password reaches the driver through a
 * password file (see {@link EmbeddedPostgresHolder}): Quarkus reads the datasource's username and
 * password before this source takes part, and a password in the URL could end up in a log. The
 * server starts lazily, on the first lookup of the URL at run time: the source reports no property
 * names, so the build-time configuration scan never starts it.
 *
 * <p>When the service runs from its own main method ({@link #startWhileBooting()}), the server
 * starts in the background as soon as Quarkus builds its first configuration (static init, hence
 * {@code StaticInitSafe}), so that it is up by the time Flyway connects instead of starting then.
 */
@StaticInitSafe
public final class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {

  static final String JDBC_URL = "quarkus.datasource.jdbc.url";
  static final String EPHEMERAL = "earshot.database.embedded.ephemeral";
  static final String RESTART_DELAY = "earshot.database.embedded.restart-delay";

  /**
   * Called by the service's main method before Quarkus starts: the embedded server (if one is
   * needed) then starts alongside the boot. Not in tests or at build time, which never run it.
   */
  public static void startWhileBooting() {
    EmbeddedPostgresHolder.requestStartWhileBooting();
  }

  @Override
  public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
    if (StartupConfigValues.value(context, JDBC_URL) != null) {
      return List.of();
    }
    Path dataDir = StartupConfigValues.dataDir(context);
    boolean ephemeral = Boolean.parseBoolean(StartupConfigValues.value(context, EPHEMERAL));
    String configuredDelay = StartupConfigValues.value(context, RESTART_DELAY);
    Duration restartDelay =
        configuredDelay == null
            ? EmbeddedPostgresServer.DEFAULT_RESTART_DELAY
            : DurationConverter.parseDuration(configuredDelay);
    EmbeddedPostgresHolder.startInBackgroundIfRequested(dataDir, ephemeral, restartDelay);
    return List.of(new LazySource(dataDir, ephemeral, restartDelay));
  }

  private static final class LazySource implements ConfigSource {
    private final Path dataDir;
    private final boolean ephemeral;
    private final Duration restartDelay;

    LazySource(Path dataDir, boolean ephemeral, Duration restartDelay) {
      this.dataDir = dataDir;
      this.ephemeral = ephemeral;
      this.restartDelay = restartDelay;
    }

    @Override
    public Map<String, String> getProperties() {
      return Map.of();
    }

    @Override
    public Set<String> getPropertyNames() {
      return Set.of();
    }

    @Override
    public String getValue(String propertyName) {
      if (JDBC_URL.equals(propertyName)) {
        return EmbeddedPostgresHolder.jdbcUrl(dataDir, ephemeral, restartDelay);
      }
      return null;
    }

    @Override
    public String getName() {
      return "earshot-embedded-postgres";
    }

    @Override
    public int getOrdinal() {
      // Below application.properties (250): anything configured explicitly wins.
      return 50;
    }
  }
}

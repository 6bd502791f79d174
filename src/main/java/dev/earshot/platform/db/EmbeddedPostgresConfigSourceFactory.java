package dev.earshot.platform.db;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Supplies the datasource URL of an embedded PostgreSQL when {@code quarkus.datasource.jdbc.url} is
 * not configured. The server starts lazily, on the first lookup of the URL at run time: the source
 * reports no property names, so the build-time configuration scan never starts it.
 */
public final class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {

  static final String JDBC_URL = "quarkus.datasource.jdbc.url";
  static final String USERNAME = "quarkus.datasource.username";
  static final String DATA_DIR = "earshot.data-dir";
  static final String EPHEMERAL = "earshot.database.embedded.ephemeral";

  @Override
  public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
    if (value(context, JDBC_URL) != null) {
      return List.of();
    }
    String dataDir = value(context, DATA_DIR);
    Path pgDirectory = Path.of(dataDir == null ? "data" : dataDir).resolve("pg");
    boolean ephemeral = Boolean.parseBoolean(value(context, EPHEMERAL));
    return List.of(new LazySource(pgDirectory, ephemeral));
  }

  /** Reads a value honouring the active profiles ({@code %test.key} before {@code key}). */
  private static String value(ConfigSourceContext context, String name) {
    for (String profile : context.getProfiles()) {
      ConfigValue profiled = context.getValue("%" + profile + "." + name);
      if (profiled != null && profiled.getValue() != null) {
        return profiled.getValue();
      }
    }
    ConfigValue plain = context.getValue(name);
    return plain == null ? null : plain.getValue();
  }

  private static final class LazySource implements ConfigSource {
    private final Path pgDirectory;
    private final boolean ephemeral;

    LazySource(Path pgDirectory, boolean ephemeral) {
      this.pgDirectory = pgDirectory;
      this.ephemeral = ephemeral;
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
        return EmbeddedPostgresHolder.jdbcUrl(pgDirectory, ephemeral);
      }
      if (USERNAME.equals(propertyName)) {
        return "postgres";
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

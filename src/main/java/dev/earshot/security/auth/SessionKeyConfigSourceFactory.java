package dev.earshot.security.auth;

import dev.earshot.platform.config.SecretFiles;
import dev.earshot.platform.config.StartupConfigValues;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Supplies the key that encrypts login cookies, unless one is configured: a random key kept in
 * {@code <data-dir>/secrets/session.key}, so logins survive a restart and the key is never logged.
 * Like the embedded database source it reports no property names and acts only when asked.
 */
public final class SessionKeyConfigSourceFactory implements ConfigSourceFactory {

  static final String KEY = "quarkus.http.auth.session.encryption-key";

  @Override
  public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
    if (StartupConfigValues.value(context, KEY) != null) {
      return List.of();
    }
    return List.of(
        new KeyFileSource(SecretFiles.path(StartupConfigValues.dataDir(context), "session.key")));
  }

  private static final class KeyFileSource implements ConfigSource {
    private final Path file;

    KeyFileSource(Path file) {
      this.file = file;
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
      return KEY.equals(propertyName) ? SecretFiles.readOrCreate(file) : null;
    }

    @Override
    public String getName() {
      return "earshot-session-key";
    }

    @Override
    public int getOrdinal() {
      return 50;
    }
  }
}

package dev.earshot.security.auth;

import dev.earshot.platform.config.StartupConfigValues;
import dev.earshot.security.SecretTokens;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
    return List.of(new KeyFileSource(StartupConfigValues.dataDir(context).resolve("secrets")));
  }

  private static final class KeyFileSource implements ConfigSource {
    private final Path folder;

    KeyFileSource(Path folder) {
      this.folder = folder;
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
      return KEY.equals(propertyName) ? readOrCreate(folder.resolve("session.key")) : null;
    }

    private static synchronized String readOrCreate(Path file) {
      try {
        if (!Files.exists(file)) {
          Files.createDirectories(file.getParent());
          Path draft =
              Files.createTempFile(
                  file.getParent(),
                  "session",
                  ".tmp",
                  PosixFilePermissions.asFileAttribute(
                      PosixFilePermissions.fromString("rw-------")));
          Files.writeString(draft, SecretTokens.generate(""), StandardCharsets.UTF_8);
          try {
            // A hard link is atomic and never replaces: the first key made wins, no one reads half.
            Files.createLink(file, draft);
          } catch (FileAlreadyExistsException raced) {
            // Another class loader of this JVM made it first: use theirs.
          } finally {
            Files.delete(draft);
          }
        }
        return Files.readString(file, StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read or create the session key " + file, e);
      }
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

package dev.earshot.platform.config;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigValue;
import java.nio.file.Path;

/** Reads configuration inside a {@code ConfigSourceFactory}, before the mapping exists. */
public final class StartupConfigValues {

  private StartupConfigValues() {}

  /** A value honouring the active profiles ({@code %test.key} before {@code key}), or null. */
  public static String value(ConfigSourceContext context, String name) {
    for (String profile : context.getProfiles()) {
      ConfigValue profiled = context.getValue("%" + profile + "." + name);
      if (profiled != null && profiled.getValue() != null) {
        return profiled.getValue();
      }
    }
    ConfigValue plain = context.getValue(name);
    return plain == null ? null : plain.getValue();
  }

  /** The data folder ({@code earshot.data-dir}, default {@code data}). */
  public static Path dataDir(ConfigSourceContext context) {
    String dataDir = value(context, "earshot.data-dir");
    return Path.of(dataDir == null ? "data" : dataDir);
  }
}

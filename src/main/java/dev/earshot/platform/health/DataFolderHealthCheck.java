package dev.earshot.platform.health;

import dev.earshot.platform.config.EarshotConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the data folder takes writes: uploads, imports and exports all write there, so a
 * read-only or full disk takes the instance out of a load balancer instead of failing requests.
 */
@Readiness
@ApplicationScoped
public class DataFolderHealthCheck implements HealthCheck {

  private static final String NAME = "data folder writable";

  private final Path dataDir;

  @Inject
  public DataFolderHealthCheck(EarshotConfig config) {
    this(config.dataDir());
  }

  DataFolderHealthCheck(Path dataDir) {
    this.dataDir = dataDir;
  }

  @Override
  public HealthCheckResponse call() {
    try {
      Path probe = Files.createTempFile(dataDir, ".health-", ".probe");
      Files.write(probe, new byte[] {1});
      Files.delete(probe);
      return HealthCheckResponse.up(NAME);
    } catch (IOException | RuntimeException e) {
      // The reason, not the path: health answers are readable without credentials.
      return HealthCheckResponse.named(NAME)
          .down()
          .withData("reason", e.getClass().getSimpleName() + reason(e))
          .build();
    }
  }

  private static String reason(Exception e) {
    if (e instanceof java.nio.file.FileSystemException fileSystem
        && fileSystem.getReason() != null) {
      return ": " + fileSystem.getReason();
    }
    return "";
  }
}

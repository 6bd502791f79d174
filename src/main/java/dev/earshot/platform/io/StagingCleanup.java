package dev.earshot.platform.io;

import dev.earshot.platform.config.EarshotConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Empties {@code <data-dir>/tmp} on start: uploads and imports stage files there and remove them
 * when done, so whatever is left was cut off by a crash. This instance owns the data folder while
 * it runs, so nothing there belongs to work in progress.
 */
@ApplicationScoped
public class StagingCleanup {

  private static final Logger LOG = Logger.getLogger(StagingCleanup.class);

  /** The staging folder's name under the data folder. */
  public static final String STAGING = "tmp";

  private final Path staging;

  @Inject
  public StagingCleanup(EarshotConfig config) {
    this(config.dataDir().resolve(STAGING));
  }

  StagingCleanup(Path staging) {
    this.staging = staging;
  }

  void onStart(@Observes StartupEvent event) throws IOException {
    removeLeftovers();
  }

  void removeLeftovers() throws IOException {
    if (!Files.isDirectory(staging)) {
      return;
    }
    int removed = 0;
    try (Stream<Path> left = Files.list(staging)) {
      for (Path path : left.toList()) {
        Folders.deleteRecursively(path);
        removed++;
      }
    }
    if (removed > 0) {
      LOG.infof("Removed %d staged upload(s) left by an earlier run", removed);
    }
  }
}

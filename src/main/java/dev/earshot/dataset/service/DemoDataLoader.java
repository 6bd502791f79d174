package dev.earshot.dataset.service;

import dev.earshot.platform.config.EarshotConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * Loads the demo data set on start-up so that a fresh install shows something real. Idempotent: an
 * unchanged demo folder is recognised by its hash and skipped in milliseconds.
 */
@ApplicationScoped
public class DemoDataLoader {

  private static final Logger LOG = Logger.getLogger(DemoDataLoader.class);

  private final DatasetImportService importer;
  private final EarshotConfig config;

  public DemoDataLoader(DatasetImportService importer, EarshotConfig config) {
    this.importer = importer;
    this.config = config;
  }

  void onStart(@Observes StartupEvent event) {
    if (!config.demo().load()) {
      return;
    }
    Path folder = config.demo().path();
    if (!Files.isDirectory(folder)) {
      LOG.warnf(
          "Demo data set not loaded: folder %s not found (earshot.demo.path); run from the project folder",
          folder.toAbsolutePath());
      return;
    }
    try {
      ImportReport report = importer.importFolder(folder, null, ImportProgress.NONE);
      LOG.infof(
          "Demo data set '%s': %d prompts, %d responses, %d simulated votes%s",
          report.dataset(),
          report.prompts(),
          report.responses(),
          report.votes(),
          report.unchanged() ? " (unchanged)" : "");
    } catch (DatasetRejectedException e) {
      // The service stays usable without the demo; the reasons are in the log.
      LOG.errorf(
          "Demo data set in %s not loaded: %s %s",
          folder.toAbsolutePath(), e.getMessage(), e.problems());
    }
  }
}

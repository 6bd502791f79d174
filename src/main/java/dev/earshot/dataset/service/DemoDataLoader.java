package dev.earshot.dataset.service;

import dev.earshot.dataset.manifest.FolderFingerprint;
import dev.earshot.dataset.repository.DatasetRepository;
import dev.earshot.platform.config.EarshotConfig;
import dev.earshot.platform.startup.WarmUp;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Properties;
import org.jboss.logging.Logger;

/**
 * Loads the demo data set on start-up so that a fresh install shows something real. Idempotent and
 * quick on a restart: after a full import or check, the folder's listing fingerprint (names, sizes,
 * modification times; see {@link FolderFingerprint}) is stored in the data folder with the
 * dataset's source hash. While both still match, the files are not read again; any edit that
 * touches a file's size or time, a new or removed file, or a database without that exact dataset
 * leads to the full check, which re-reads every file and imports what changed. Deleting {@code
 * demo-check.properties} in the data folder forces the full check.
 */
@ApplicationScoped
public class DemoDataLoader {

  private static final Logger LOG = Logger.getLogger(DemoDataLoader.class);
  static final String STAMP_FILE = "demo-check.properties";
  private static final String FINGERPRINT = "listingFingerprint";
  private static final String DATASET = "dataset";
  private static final String SOURCE_SHA256 = "sourceSha256";

  private final DatasetImportService importer;
  private final DatasetRepository datasets;
  private final EarshotConfig config;
  private final WarmUp warmUp;

  public DemoDataLoader(
      DatasetImportService importer,
      DatasetRepository datasets,
      EarshotConfig config,
      WarmUp warmUp) {
    this.importer = importer;
    this.datasets = datasets;
    this.config = config;
    this.warmUp = warmUp;
  }

  void onStart(@Observes StartupEvent event) {
    warmUp.submit("demo data set check", this::check);
  }

  /** Imports the demo folder unless the stamped import of the same listing is still there. */
  void check() {
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
    load(folder);
  }

  private void load(Path folder) {
    String fingerprint = FolderFingerprint.of(folder);
    Properties stamp = readStamp();
    if (fingerprint.equals(stamp.getProperty(FINGERPRINT)) && stillImported(stamp)) {
      LOG.infof(
          "Demo data set '%s' unchanged (same file listing as at the last full check)",
          stamp.getProperty(DATASET));
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
      writeStamp(fingerprint, report.dataset());
    } catch (DatasetRejectedException e) {
      // The service stays usable without the demo; the reasons are in the log.
      LOG.errorf(
          "Demo data set in %s not loaded: %s %s",
          folder.toAbsolutePath(), e.getMessage(), e.problems());
    }
  }

  /** Whether the database holds the dataset exactly as the stamp recorded it. */
  private boolean stillImported(Properties stamp) {
    String name = stamp.getProperty(DATASET);
    String sourceSha256 = stamp.getProperty(SOURCE_SHA256);
    if (name == null || sourceSha256 == null) {
      return false;
    }
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                datasets
                    .findByName(name)
                    .map(dataset -> Objects.equals(dataset.sourceSha256, sourceSha256))
                    .orElse(false));
  }

  private Path stampPath() {
    return config.dataDir().resolve(STAMP_FILE);
  }

  private Properties readStamp() {
    Properties stamp = new Properties();
    Path path = stampPath();
    if (Files.isRegularFile(path)) {
      try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
        stamp.load(in);
      } catch (IOException | IllegalArgumentException e) {
        LOG.warnf("Demo check stamp unreadable (%s); checking the demo in full", e.getMessage());
        stamp.clear();
      }
    }
    return stamp;
  }

  private void writeStamp(String fingerprint, String datasetName) {
    String sourceSha256 =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    datasets
                        .findByName(datasetName)
                        .map(dataset -> dataset.sourceSha256)
                        .orElse(null));
    if (sourceSha256 == null) {
      return;
    }
    Properties stamp = new Properties();
    stamp.setProperty(FINGERPRINT, fingerprint);
    stamp.setProperty(DATASET, datasetName);
    stamp.setProperty(SOURCE_SHA256, sourceSha256);
    Path path = stampPath();
    Path partial = path.resolveSibling(STAMP_FILE + ".partial");
    try {
      try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
        stamp.store(out, "Demo data set as last checked in full; delete to force a full check");
      }
      Files.move(
          partial, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // Only the next start's speed depends on it.
      LOG.warnf("Demo check stamp not written: %s", e.getMessage());
    }
  }
}

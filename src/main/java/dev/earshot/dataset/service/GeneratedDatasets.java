package dev.earshot.dataset.service;

import dev.earshot.dataset.repository.DatasetRepository;
import dev.earshot.platform.config.EarshotConfig;
import dev.earshot.platform.io.Folders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Imports data sets that the service builds itself (the synthetic demos): written into a temporary
 * folder of the data folder, imported like any dataset folder and removed again, and only when no
 * dataset of that name exists, so that a restart costs one lookup.
 */
@ApplicationScoped
public class GeneratedDatasets {

  private static final Logger LOG = Logger.getLogger(GeneratedDatasets.class);

  /** Writes a dataset folder: dataset.json, manifest.jsonl, responses.jsonl and the audio. */
  @FunctionalInterface
  public interface FolderWriter {
    void write(Path folder) throws IOException;
  }

  private final DatasetImportService importer;
  private final DatasetRepository datasets;
  private final EarshotConfig config;

  public GeneratedDatasets(
      DatasetImportService importer, DatasetRepository datasets, EarshotConfig config) {
    this.importer = importer;
    this.datasets = datasets;
    this.config = config;
  }

  /** Whether a dataset of this name is stored: one lookup, the whole cost of a restart. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean exists(String name) {
    return datasets.findByName(name).isPresent();
  }

  /**
   * Builds and imports the dataset {@code name} unless it exists; the import report, empty when it
   * existed.
   */
  public Optional<ImportReport> importIfMissing(String name, FolderWriter writer) {
    if (exists(name)) {
      return Optional.empty();
    }
    Path folder = null;
    try {
      Files.createDirectories(config.dataDir());
      folder = Files.createTempDirectory(config.dataDir(), name);
      writer.write(folder);
      return Optional.of(importer.importFolder(folder, null, ImportProgress.NONE));
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the folder of data set " + name, e);
    } finally {
      if (folder != null) {
        try {
          Folders.deleteRecursively(folder);
        } catch (IOException e) {
          LOG.warnf("Folder %s of data set %s not removed: %s", folder, name, e.getMessage());
        }
      }
    }
  }
}

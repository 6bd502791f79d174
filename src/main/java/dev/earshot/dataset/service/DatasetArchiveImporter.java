package dev.earshot.dataset.service;

import dev.earshot.dataset.manifest.DatasetFolderReader;
import dev.earshot.dataset.manifest.ZipExtractor;
import dev.earshot.platform.config.EarshotConfig;
import dev.earshot.platform.error.DomainException;
import dev.earshot.platform.io.Folders;
import dev.earshot.platform.io.LimitedInputStream;
import dev.earshot.platform.io.StagingCleanup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Imports a dataset uploaded as a zip: unpack into a private folder, import it, clean up. */
@ApplicationScoped
public class DatasetArchiveImporter {

  private final DatasetImportService importer;
  private final ZipExtractor extractor;
  private final Path staging;
  private final long maxZipBytes;

  public DatasetArchiveImporter(DatasetImportService importer, EarshotConfig config) {
    this.importer = importer;
    this.extractor =
        new ZipExtractor(config.datasets().maxUnpackedBytes(), config.datasets().maxZipEntries());
    this.staging = config.dataDir().resolve(StagingCleanup.STAGING);
    this.maxZipBytes = config.datasets().maxZipBytes();
  }

  /**
   * @throws DatasetRejectedException with every bad line; nothing imported
   * @throws DomainException too large for a zip over the limits
   */
  public ImportReport importZip(InputStream zip, String nameOverride, ImportProgress progress) {
    Path folder = null;
    try {
      Files.createDirectories(staging);
      folder = Files.createTempDirectory(staging, "import-");
      Path unpacked = Files.createDirectory(folder.resolve("unpacked"));
      progress.update(0, 1, "Unpacking the zip");
      Path root =
          extractor.extract(
              new LimitedInputStream(zip, maxZipBytes), folder.resolve("upload.zip"), unpacked);
      return importer.importFolder(root, nameOverride, progress);
    } catch (LimitedInputStream.LimitExceededException e) {
      throw DomainException.tooLarge(
          "Dataset zip too large",
          "The zip is larger than "
              + maxZipBytes
              + " bytes (earshot.datasets.max-zip-bytes); split the dataset into several zips.");
    } catch (ZipExtractor.RejectedArchiveException e) {
      if (e.tooLarge()) {
        throw DomainException.tooLarge(
            "Dataset zip too large", "The zip was refused: " + e.getMessage() + ".");
      }
      throw new DatasetRejectedException(
          "(zip)",
          e.getMessage()
              + "; the zip must hold "
              + DatasetFolderReader.MANIFEST
              + " and the audio it names");
    } catch (IOException e) {
      throw new UncheckedIOException("could not unpack the dataset zip", e);
    } finally {
      deleteQuietly(folder);
    }
  }

  private static void deleteQuietly(Path folder) {
    if (folder == null) {
      return;
    }
    try {
      Folders.deleteRecursively(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("could not remove an import's staging folder", e);
    }
  }
}

package dev.earshot.export.service;

import dev.earshot.export.format.DeterministicTarGzWriter;
import dev.earshot.export.format.Sha256OutputStream;
import dev.earshot.platform.config.EarshotConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where exports live ({@code <data-dir>/exports/<id>/}, written in {@code <id>.partial/} and
 * renamed when complete) and what a finished one holds: the files listed in its {@code SHA256SUMS},
 * plus that file itself.
 */
@ApplicationScoped
public class ExportFiles {

  /** The records. */
  public static final String DATA = "data.jsonl";

  public static final String MANIFEST = "manifest.json";

  /** {@code sha256sum -c SHA256SUMS} verifies an unpacked export, manifest included. */
  public static final String SHA256SUMS = "SHA256SUMS";

  /** LLaMA-Factory's registration of {@link #DATA}. */
  public static final String DATASET_INFO = "dataset_info.json";

  /** The folder every archive entry is under, the same for every export so archives compare. */
  static final String ARCHIVE_ROOT = "earshot-export/";

  /** One file of a finished export. */
  @Schema(name = "ExportFile")
  public record FileView(String path, String sha256, long size) {}

  private final Path root;

  public ExportFiles(EarshotConfig config) {
    this.root = config.dataDir().resolve("exports");
  }

  Path finished(long id) {
    return root.resolve(Long.toString(id));
  }

  Path partial(long id) {
    return root.resolve(id + ".partial");
  }

  /** Every file of a finished export by path, sorted; empty when its folder is gone. */
  public SortedMap<String, FileView> list(long id) {
    Path dir = finished(id);
    SortedMap<String, FileView> files = new TreeMap<>();
    Path sums = dir.resolve(SHA256SUMS);
    if (!Files.isRegularFile(sums)) {
      return files;
    }
    try {
      for (String line : Files.readAllLines(sums, StandardCharsets.UTF_8)) {
        String sha256 = line.substring(0, 64);
        String path = line.substring(66);
        files.put(path, new FileView(path, sha256, Files.size(dir.resolve(path))));
      }
      try (Sha256OutputStream digest = new Sha256OutputStream(OutputStream.nullOutputStream())) {
        Files.copy(sums, digest);
        files.put(SHA256SUMS, new FileView(SHA256SUMS, digest.sha256Hex(), digest.size()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /** A listed file of a finished export, or null when the path is not one. */
  public Path file(long id, String path) {
    return list(id).containsKey(path) ? finished(id).resolve(path) : null;
  }

  /**
   * Writes the export as a reproducible {@code .tar.gz}: every listed file under {@code
   * earshot-export/}, sorted, with fixed times and owners.
   */
  public void writeArchive(long id, OutputStream out) throws IOException {
    Path dir = finished(id);
    try (DeterministicTarGzWriter tar = new DeterministicTarGzWriter(out)) {
      for (FileView file : list(id).values()) {
        try (InputStream content = Files.newInputStream(dir.resolve(file.path()))) {
          tar.addFile(ARCHIVE_ROOT + file.path(), file.size(), content);
        }
      }
    }
  }

  /** Removes a folder and everything in it, if it exists. */
  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}

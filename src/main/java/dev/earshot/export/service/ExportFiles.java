package dev.earshot.export.service;

import dev.earshot.export.format.DeterministicTarGzWriter;
import dev.earshot.export.format.Sha256OutputStream;
import dev.earshot.platform.config.EarshotConfig;
import dev.earshot.platform.error.DomainException;
import dev.earshot.platform.error.FailureCauses;
import dev.earshot.platform.io.Folders;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
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

  private static final String PARTIAL = ".partial";

  private final Path root;

  @Inject
  public ExportFiles(EarshotConfig config) {
    this(config.dataDir().resolve("exports"));
  }

  ExportFiles(Path root) {
    this.root = root;
  }

  Path finished(long id) {
    return root.resolve(Long.toString(id));
  }

  Path partial(long id) {
    return root.resolve(id + PARTIAL);
  }

  /**
   * Removes the folders of exports cut off by a crash: a queued export is written again from
   * scratch, so no partial folder is ever resumed.
   */
  void onStart(@Observes StartupEvent event) throws IOException {
    removePartials();
  }

  void removePartials() throws IOException {
    if (!Files.isDirectory(root)) {
      return;
    }
    try (Stream<Path> folders = Files.list(root)) {
      for (Path partial :
          folders.filter(p -> p.getFileName().toString().endsWith(PARTIAL)).toList()) {
        Folders.deleteRecursively(partial);
      }
    }
  }

  /** Why an export failed, for its status: the error without the server's folder layout. */
  String describe(Exception e) {
    Optional<DomainException> known = FailureCauses.classify(e);
    if (known.isPresent()) {
      return known.get().getMessage();
    }
    return Folders.withoutServerPath(
        e.getClass().getSimpleName() + ": " + e.getMessage(), root.getParent());
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
}

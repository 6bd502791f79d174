package dev.earshot.dataset.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Unpacks a dataset zip safely: entry names may not leave the target folder (zip slip), and the
 * number of entries and the bytes actually unpacked are capped (zip bombs lie about sizes).
 */
public final class ZipExtractor {

  /** Why a zip was refused; the message names the problem for a person. */
  public static final class RejectedArchiveException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean tooLarge;

    RejectedArchiveException(String message, boolean tooLarge) {
      super(message);
      this.tooLarge = tooLarge;
    }

    /**
     * True when the archive exceeded a size or count limit (HTTP 413), false when it is malformed.
     */
    public boolean tooLarge() {
      return tooLarge;
    }
  }

  private final long maxUnpackedBytes;
  private final int maxEntries;

  public ZipExtractor(long maxUnpackedBytes, int maxEntries) {
    this.maxUnpackedBytes = maxUnpackedBytes;
    this.maxEntries = maxEntries;
  }

  /**
   * Unpacks {@code zip} into the empty folder {@code target} and returns the dataset root inside
   * it: the folder itself, or its single sub-folder when the zip was made from a folder.
   */
  public Path extract(InputStream zip, Path target) throws IOException, RejectedArchiveException {
    Path root = target.toAbsolutePath().normalize();
    int entries = 0;
    long unpacked = 0;
    byte[] buffer = new byte[64 * 1024];
    try (ZipInputStream in = new ZipInputStream(zip)) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        if (++entries > maxEntries) {
          throw new RejectedArchiveException(
              "the zip has more than " + maxEntries + " entries", true);
        }
        Path destination = root.resolve(entry.getName()).normalize();
        if (!destination.startsWith(root)
            || destination.equals(root)
            || entry.getName().startsWith("/")) {
          throw new RejectedArchiveException(
              "zip entry '" + entry.getName() + "' points outside the dataset folder", false);
        }
        if (entry.isDirectory()) {
          Files.createDirectories(destination);
          continue;
        }
        Files.createDirectories(destination.getParent());
        try (OutputStream out = Files.newOutputStream(destination)) {
          int read;
          while ((read = in.read(buffer)) >= 0) {
            unpacked += read;
            if (unpacked > maxUnpackedBytes) {
              throw new RejectedArchiveException(
                  "the zip unpacks to more than " + maxUnpackedBytes + " bytes", true);
            }
            out.write(buffer, 0, read);
          }
        }
      }
    } catch (ZipException e) {
      throw new RejectedArchiveException("not a readable zip archive: " + e.getMessage(), false);
    }
    if (entries == 0) {
      throw new RejectedArchiveException(
          "not a zip archive, or an empty one; upload a zip of the dataset folder", false);
    }
    return datasetRoot(root);
  }

  private static Path datasetRoot(Path root) throws IOException {
    if (Files.isRegularFile(root.resolve(DatasetFolderReader.MANIFEST))) {
      return root;
    }
    List<Path> children = new ArrayList<>();
    try (Stream<Path> list = Files.list(root)) {
      list.filter(p -> !p.getFileName().toString().equals("__MACOSX")).forEach(children::add);
    }
    if (children.size() == 1 && Files.isDirectory(children.get(0))) {
      return children.get(0);
    }
    return root;
  }
}

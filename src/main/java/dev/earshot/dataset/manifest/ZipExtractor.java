package dev.earshot.dataset.manifest;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Unpacks a dataset zip safely and whole or not at all: the archive is read through its central
 * directory, so a truncated or damaged zip is refused instead of yielding the entries before the
 * cut; entry names may not leave the target folder (zip slip), repeat, or use one path as both file
 * and folder; the number of entries and the bytes actually unpacked are capped (zip bombs lie about
 * sizes).
 */
public final class ZipExtractor {

  /** At most this many conflicting names are listed in one refusal. */
  private static final int MAX_LISTED_CONFLICTS = 20;

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
   * Copies {@code zip} to {@code spool}, unpacks it into the empty folder {@code target} and
   * returns the dataset root inside it: the folder itself, or its single sub-folder when the zip
   * was made from a folder. {@code spool} must lie outside {@code target}; the caller removes both.
   */
  public Path extract(InputStream zip, Path spool, Path target)
      throws IOException, RejectedArchiveException {
    Files.copy(zip, spool);
    Path root = target.toAbsolutePath().normalize();
    try (ZipFile archive = open(spool)) {
      List<? extends ZipEntry> entries = entries(archive);
      checkNames(entries, root);
      unpack(archive, entries, root);
    }
    return datasetRoot(root);
  }

  private static ZipFile open(Path spool) throws IOException, RejectedArchiveException {
    if (Files.size(spool) == 0) {
      throw new RejectedArchiveException(
          "not a zip archive, or an empty one; upload a zip of the dataset folder", false);
    }
    try {
      return new ZipFile(spool.toFile());
    } catch (ZipException e) {
      throw new RejectedArchiveException(
          "not a readable zip archive (damaged, truncated or not a zip: "
              + e.getMessage()
              + "); nothing was imported, upload the whole zip again",
          false);
    }
  }

  private List<? extends ZipEntry> entries(ZipFile archive) throws RejectedArchiveException {
    List<ZipEntry> entries = new ArrayList<>();
    Enumeration<? extends ZipEntry> all = archive.entries();
    while (all.hasMoreElements()) {
      if (entries.size() == maxEntries) {
        throw new RejectedArchiveException(
            "the zip has more than " + maxEntries + " entries", true);
      }
      entries.add(all.nextElement());
    }
    if (entries.isEmpty()) {
      throw new RejectedArchiveException(
          "not a zip archive, or an empty one; upload a zip of the dataset folder", false);
    }
    return entries;
  }

  /**
   * Every destination stays inside {@code root}, and no path is named twice or used both as a file
   * and as a folder (on disk one would silently replace or block the other).
   */
  private static void checkNames(List<? extends ZipEntry> entries, Path root)
      throws RejectedArchiveException {
    Set<Path> files = new HashSet<>();
    Set<Path> folders = new HashSet<>();
    List<String> conflicts = new ArrayList<>();
    for (ZipEntry entry : entries) {
      Path destination = destination(entry, root);
      if (entry.isDirectory()) {
        if (files.contains(destination)) {
          conflicts.add("'" + entry.getName() + "' is both a file and a folder");
        }
        addWithParents(folders, destination, root);
        continue;
      }
      if (files.contains(destination)) {
        conflicts.add("'" + entry.getName() + "' appears more than once");
      } else if (folders.contains(destination)) {
        conflicts.add("'" + entry.getName() + "' is both a file and a folder");
      }
      for (Path parent = destination.getParent();
          !parent.equals(root);
          parent = parent.getParent()) {
        if (files.contains(parent)) {
          conflicts.add("'" + root.relativize(parent) + "' is both a file and a folder");
        }
      }
      files.add(destination);
      addWithParents(folders, destination.getParent(), root);
    }
    if (!conflicts.isEmpty()) {
      List<String> listed = conflicts.stream().distinct().limit(MAX_LISTED_CONFLICTS).toList();
      throw new RejectedArchiveException(
          "the zip's entry names conflict: "
              + String.join("; ", listed)
              + (conflicts.size() > listed.size() ? "; ..." : "")
              + "; nothing was imported, make each name unique",
          false);
    }
  }

  private static Path destination(ZipEntry entry, Path root) throws RejectedArchiveException {
    Path destination = root.resolve(entry.getName()).normalize();
    if (!destination.startsWith(root)
        || destination.equals(root)
        || entry.getName().startsWith("/")) {
      throw new RejectedArchiveException(
          "zip entry '" + entry.getName() + "' points outside the dataset folder", false);
    }
    return destination;
  }

  private static void addWithParents(Set<Path> folders, Path folder, Path root) {
    for (Path current = folder; !current.equals(root); current = current.getParent()) {
      folders.add(current);
    }
  }

  private void unpack(ZipFile archive, List<? extends ZipEntry> entries, Path root)
      throws IOException, RejectedArchiveException {
    long unpacked = 0;
    byte[] buffer = new byte[64 * 1024];
    for (ZipEntry entry : entries) {
      Path destination = root.resolve(entry.getName()).normalize();
      if (entry.isDirectory()) {
        Files.createDirectories(destination);
        continue;
      }
      Files.createDirectories(destination.getParent());
      try (InputStream in = archive.getInputStream(entry);
          OutputStream out = Files.newOutputStream(destination)) {
        int read;
        while ((read = in.read(buffer)) >= 0) {
          unpacked += read;
          if (unpacked > maxUnpackedBytes) {
            throw new RejectedArchiveException(
                "the zip unpacks to more than " + maxUnpackedBytes + " bytes", true);
          }
          out.write(buffer, 0, read);
        }
      } catch (ZipException | EOFException e) {
        throw new RejectedArchiveException(
            "zip entry '"
                + entry.getName()
                + "' cannot be read ("
                + e.getMessage()
                + "); nothing was imported, upload the whole zip again",
            false);
      }
    }
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

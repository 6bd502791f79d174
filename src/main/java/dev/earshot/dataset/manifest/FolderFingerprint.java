package dev.earshot.dataset.manifest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A SHA-256 over a folder's listing: every regular file's relative path, size and modification
 * time, without reading any content. It tells in milliseconds whether a folder may have changed
 * since it was last read in full; an edit that keeps a file's size and its modification time (a
 * copy that preserves time stamps of another file of equal size) goes unnoticed, so it only ever
 * decides to skip a full read of a folder that was read in full before.
 */
public final class FolderFingerprint {

  private FolderFingerprint() {}

  /** The fingerprint of {@code folder}'s listing, as 64 hex digits. */
  public static String of(Path folder) {
    Path root = folder.toAbsolutePath().normalize();
    MessageDigest digest = sha256();
    try (Stream<Path> walk = Files.walk(root)) {
      List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
      for (Path file : files) {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        String entry =
            root.relativize(file)
                + "\0"
                + attributes.size()
                + "\0"
                + attributes.lastModifiedTime().toMillis()
                + "\n";
        digest.update(entry.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

package dev.earshot.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Secrets the service makes for itself (session key, database passwords), each in its own file
 * under {@code <data-dir>/secrets/} readable by the owner only. A secret is created once, on first
 * use, and never logged.
 */
public final class SecretFiles {

  private static final SecureRandom RANDOM = new SecureRandom();

  private SecretFiles() {}

  /** Where the secret {@code name} of the data folder {@code dataDir} is kept. */
  public static Path path(Path dataDir, String name) {
    return dataDir.resolve("secrets").resolve(name);
  }

  /**
   * The secret in {@code file}; when there is none yet, a new one of 256 random bits (URL-safe
   * Base64, so it needs no quoting anywhere).
   */
  public static synchronized String readOrCreate(Path file) {
    try {
      if (!Files.exists(file)) {
        Path folder = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
          Files.createDirectories(
              folder,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        Path draft =
            Files.createTempFile(
                folder,
                "secret",
                ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(draft, newSecret(), StandardCharsets.UTF_8);
        try {
          // A hard link is atomic and never replaces: the first secret made wins, no one reads
          // half of one (Quarkus asks from more than one class loader).
          Files.createLink(file, draft);
        } catch (FileAlreadyExistsException raced) {
          // Made by another class loader of this JVM first: use theirs.
        } finally {
          Files.delete(draft);
        }
      }
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the secret " + file, e);
    }
  }

  /** Writes {@code content} to {@code file} (replacing it), readable by the owner only. */
  public static void write(Path file, String content) {
    try {
      Path folder = file.toAbsolutePath().getParent();
      Path draft =
          Files.createTempFile(
              folder,
              "secret",
              ".tmp",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(draft, content, StandardCharsets.UTF_8);
      Files.move(draft, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the secret " + file, e);
    }
  }

  private static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}

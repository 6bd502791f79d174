package dev.earshot.audio.service;

import dev.earshot.platform.config.EarshotConfig;
import dev.earshot.platform.io.LimitedInputStream;
import dev.earshot.platform.io.StagingCleanup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Content-addressed file store: {@code <data-dir>/audio/<first two hex digits>/<sha256>}. Files
 * arrive through a staging file in {@code <data-dir>/tmp} and are moved into place atomically, so a
 * file under its hash is always complete.
 */
@ApplicationScoped
public class AudioStore {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private static final Pattern VARIANT = Pattern.compile("[a-z0-9][a-z0-9.-]{0,39}");

  private final Path root;
  private final Path staging;
  private final Path derived;

  public AudioStore(EarshotConfig config) {
    this.root = config.dataDir().resolve("audio");
    this.staging = config.dataDir().resolve(StagingCleanup.STAGING);
    this.derived = config.dataDir().resolve("audio-derived");
  }

  /** A file written to the staging area, with its hash and size. Delete or commit it. */
  public record StagedFile(Path path, String sha256, long sizeBytes) {}

  /**
   * Copies the stream to a staging file, hashing it on the way.
   *
   * @throws LimitedInputStream.LimitExceededException past {@code maxBytes}; nothing is left behind
   */
  public StagedFile stage(InputStream body, long maxBytes) throws IOException {
    Files.createDirectories(staging);
    Path file = Files.createTempFile(staging, "upload-", ".part");
    MessageDigest digest = sha256();
    long size;
    try (InputStream in = new LimitedInputStream(body, maxBytes);
        OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
      size = in.transferTo(out);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
    return new StagedFile(file, HexFormat.of().formatHex(digest.digest()), size);
  }

  /** Moves a staged file under its hash; if that file exists already the staged copy is dropped. */
  public void commit(StagedFile staged) throws IOException {
    Path target = pathOf(staged.sha256());
    if (Files.exists(target)) {
      Files.deleteIfExists(staged.path());
      return;
    }
    Files.createDirectories(target.getParent());
    try {
      Files.move(staged.path(), target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      Files.deleteIfExists(staged.path());
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException(
          "data dir " + root + " must be on one file system with its tmp folder", e);
    }
  }

  public void discard(StagedFile staged) {
    try {
      Files.deleteIfExists(staged.path());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The stored file for a hash, if there is one. */
  public Optional<Path> find(String sha256) {
    if (!SHA256.matcher(sha256).matches()) {
      return Optional.empty();
    }
    Path path = pathOf(sha256);
    return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
  }

  /**
   * A copy made from a stored file (such as a transcoding), cached at {@code
   * <data-dir>/audio-derived/<first two hex digits>/<sha256>.<variant>}: made by {@code make} the
   * first time, then read from disk. Concurrent first calls may both make it; the copies are
   * identical and the move into place is atomic.
   */
  public Path derived(String sha256, String variant, java.util.function.Supplier<byte[]> make)
      throws IOException {
    if (!SHA256.matcher(sha256).matches() || !VARIANT.matcher(variant).matches()) {
      throw new IllegalArgumentException("bad derived audio name " + sha256 + "." + variant);
    }
    Path target = derived.resolve(sha256.substring(0, 2)).resolve(sha256 + "." + variant);
    if (Files.isRegularFile(target)) {
      return target;
    }
    Files.createDirectories(target.getParent());
    Files.createDirectories(staging);
    Path part = Files.createTempFile(staging, "derived-", ".part");
    try {
      Files.write(part, make.get());
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(part);
    }
    return target;
  }

  private Path pathOf(String sha256) {
    return root.resolve(sha256.substring(0, 2)).resolve(sha256);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}

package dev.earshot.audio.service;

import dev.earshot.platform.config.EarshotConfig;
import dev.earshot.platform.io.LimitedInputStream;
import dev.earshot.platform.io.StagingCleanup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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
 * Content-addressed audio: originals stored once under their SHA-256 in the configured {@link
 * AudioBackend} (the data folder or an S3-compatible bucket). Files arrive through a staging file
 * in {@code <data-dir>/tmp}, hashed on the way, and are committed under their hash whole; copies
 * derived from them (transcodings) are cached in this instance's data folder.
 */
@ApplicationScoped
public class AudioStore {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private static final Pattern VARIANT = Pattern.compile("[a-z0-9][a-z0-9.-]{0,39}");

  private final AudioBackend backend;
  private final Path staging;
  private final Path derived;

  public AudioStore(AudioBackend backend, EarshotConfig config) {
    this.backend = backend;
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

  /**
   * Stores a staged file under its hash; if that hash is stored already the staged copy is dropped.
   */
  public void commit(StagedFile staged) throws IOException {
    backend.put(staged.sha256(), staged.path());
  }

  public void discard(StagedFile staged) {
    try {
      Files.deleteIfExists(staged.path());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether the original for a hash is stored. */
  public boolean contains(String sha256) {
    if (!SHA256.matcher(sha256).matches()) {
      return false;
    }
    try {
      return backend.contains(sha256);
    } catch (IOException e) {
      throw new UncheckedIOException("could not look up audio " + sha256, e);
    }
  }

  /** A local file with the stored original's bytes (read it, never change it), if there is one. */
  public Optional<Path> find(String sha256) {
    if (!SHA256.matcher(sha256).matches()) {
      return Optional.empty();
    }
    try {
      return backend.localFile(sha256);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read audio " + sha256, e);
    }
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

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}

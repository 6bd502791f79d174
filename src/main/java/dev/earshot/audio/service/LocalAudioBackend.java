package dev.earshot.audio.service;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Audio in the data folder, {@code <data-dir>/audio/<first two hex digits>/<sha256>}: files are
 * moved into place atomically from the staging folder, so a file under its hash is always complete.
 */
public class LocalAudioBackend implements AudioBackend {

  private final Path root;

  public LocalAudioBackend(Path root) {
    this.root = root;
  }

  @Override
  public boolean contains(String sha256) {
    return Files.isRegularFile(pathOf(sha256));
  }

  @Override
  public void put(String sha256, Path complete) throws IOException {
    Path target = pathOf(sha256);
    if (Files.exists(target)) {
      Files.deleteIfExists(complete);
      return;
    }
    Files.createDirectories(target.getParent());
    try {
      Files.move(complete, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      Files.deleteIfExists(complete);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException(
          "the data folder's audio and tmp folders must be on one file system", e);
    }
  }

  @Override
  public Optional<Path> localFile(String sha256) {
    Path path = pathOf(sha256);
    return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
  }

  @Override
  public String describe() {
    return "the data folder's audio/";
  }

  private Path pathOf(String sha256) {
    return root.resolve(sha256.substring(0, 2)).resolve(sha256);
  }
}

package dev.earshot.audio.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the originals of a content-addressed {@link AudioStore} are kept, by SHA-256: the data
 * folder ({@link LocalAudioBackend}) or an S3-compatible bucket ({@link S3AudioBackend}), chosen by
 * {@code earshot.audio-store.kind}. Objects are written once and never changed.
 */
public interface AudioBackend extends AutoCloseable {

  /** Whether the original for a (well-formed) hash is stored. */
  boolean contains(String sha256) throws IOException;

  /**
   * Stores a complete local file under its hash and removes the local file; if the hash is stored
   * already the file is just removed.
   */
  void put(String sha256, Path complete) throws IOException;

  /** A local file with the original's bytes, for reading (never to be changed), if it is stored. */
  Optional<Path> localFile(String sha256) throws IOException;

  /** Where the audio is, for logs and messages (no credentials). */
  String describe();

  @Override
  default void close() {}
}

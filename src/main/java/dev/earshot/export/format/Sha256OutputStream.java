package dev.earshot.export.format;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Passes bytes through while hashing and counting them, so a file's manifest line costs no re-read.
 */
public final class Sha256OutputStream extends FilterOutputStream {

  private final MessageDigest digest;
  private long size;

  public Sha256OutputStream(OutputStream out) {
    super(out);
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }

  @Override
  public void write(int b) throws IOException {
    out.write(b);
    digest.update((byte) b);
    size++;
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    out.write(bytes, offset, length);
    digest.update(bytes, offset, length);
    size += length;
  }

  /** Bytes written so far. */
  public long size() {
    return size;
  }

  /** Lowercase hex SHA-256 of everything written; call once, after the last write. */
  public String sha256Hex() {
    return HexFormat.of().formatHex(digest.digest());
  }
}

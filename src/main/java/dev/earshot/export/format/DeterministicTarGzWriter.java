package dev.earshot.export.format;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a reproducible {@code .tar.gz}: POSIX ustar regular files only, added in strictly
 * increasing path order, each with mode 0644, uid and gid 0, empty owner names and mtime 0; the
 * gzip header carries no time or name. The same files give the same bytes on the same Java runtime
 * (the deflate stream is zlib's, so a different zlib may compress differently).
 */
public final class DeterministicTarGzWriter implements Closeable {

  private static final int BLOCK = 512;
  private static final long MAX_USTAR_SIZE = 077777777777L;

  private final GZIPOutputStream gzip;
  private String previousPath;

  /** Leaves {@code out} open after close, like the record writers. */
  public DeterministicTarGzWriter(OutputStream out) throws IOException {
    gzip = new GZIPOutputStream(new KeepOpen(out));
  }

  /** Adds a file of exactly {@code size} bytes read from {@code content}. */
  public void addFile(String path, long size, InputStream content) throws IOException {
    if (previousPath != null && previousPath.compareTo(path) >= 0) {
      throw new IllegalArgumentException(
          "entries must be added in strictly increasing path order: "
              + path
              + " after "
              + previousPath);
    }
    if (size < 0 || size > MAX_USTAR_SIZE) {
      throw new IllegalArgumentException("size out of ustar range: " + size);
    }
    gzip.write(header(path, size));
    long copied = content.transferTo(gzip);
    if (copied != size) {
      throw new IllegalArgumentException(
          path + " declared " + size + " bytes but supplied " + copied);
    }
    gzip.write(new byte[(int) ((BLOCK - size % BLOCK) % BLOCK)]);
    previousPath = path;
  }

  public void addFile(String path, byte[] content) throws IOException {
    addFile(path, content.length, new ByteArrayInputStream(content));
  }

  /** Writes the two zero blocks that end a tar and finishes the gzip stream. */
  @Override
  public void close() throws IOException {
    gzip.write(new byte[2 * BLOCK]);
    gzip.close();
  }

  private static byte[] header(String path, long size) {
    byte[] name = path.getBytes(StandardCharsets.US_ASCII);
    if (path.isEmpty()
        || path.startsWith("/")
        || path.endsWith("/")
        || ("/" + path + "/").contains("/../")
        || !StandardCharsets.US_ASCII.newEncoder().canEncode(path)) {
      throw new IllegalArgumentException("not a relative ASCII file path: " + path);
    }
    byte[] header = new byte[BLOCK];
    splitIntoPrefixAndName(path, name, header);
    putOctal(header, 100, 8, 0644);
    putOctal(header, 108, 8, 0);
    putOctal(header, 116, 8, 0);
    putOctal(header, 124, 12, size);
    putOctal(header, 136, 12, 0);
    header[156] = '0';
    put(header, 257, "ustar\0".getBytes(StandardCharsets.US_ASCII));
    put(header, 263, "00".getBytes(StandardCharsets.US_ASCII));
    // The checksum is computed with its own field read as spaces, then written as 6 digits, NUL,
    // space.
    for (int i = 148; i < 156; i++) {
      header[i] = ' ';
    }
    long checksum = 0;
    for (byte b : header) {
      checksum += b & 0xff;
    }
    putOctal(header, 148, 7, checksum);
    header[155] = ' ';
    return header;
  }

  /** Names up to 100 bytes go in the name field; longer ones split at a slash into prefix (155). */
  private static void splitIntoPrefixAndName(String path, byte[] name, byte[] header) {
    if (name.length <= 100) {
      put(header, 0, name);
      return;
    }
    for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
      if (slash <= 155 && name.length - slash - 1 <= 100) {
        put(header, 345, path.substring(0, slash).getBytes(StandardCharsets.US_ASCII));
        put(header, 0, path.substring(slash + 1).getBytes(StandardCharsets.US_ASCII));
        return;
      }
    }
    throw new IllegalArgumentException("path too long for ustar: " + path);
  }

  /** Zero-padded octal digits filling the field but its last byte, which stays NUL. */
  private static void putOctal(byte[] header, int offset, int length, long value) {
    String digits = Long.toOctalString(value);
    put(
        header,
        offset,
        ("0".repeat(length - 1 - digits.length()) + digits).getBytes(StandardCharsets.US_ASCII));
  }

  private static void put(byte[] header, int offset, byte[] bytes) {
    System.arraycopy(bytes, 0, header, offset, bytes.length);
  }

  /** Lets gzip finish its stream without closing the caller's. */
  private static final class KeepOpen extends FilterOutputStream {

    KeepOpen(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}

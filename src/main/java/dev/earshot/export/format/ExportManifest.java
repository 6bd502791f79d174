package dev.earshot.export.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The SHA-256 and size of every file in an export, written as {@code sha256sum} lines ({@code <hex>
 * <path>}, sorted by path) so that {@code sha256sum -c} verifies an unpacked export.
 */
public final class ExportManifest {

  /** One file's digest and size. */
  public record Entry(String sha256Hex, long size) {}

  private final SortedMap<String, Entry> entries = new TreeMap<>();

  public void add(String path, String sha256Hex, long size) {
    if (entries.putIfAbsent(path, new Entry(sha256Hex, size)) != null) {
      throw new IllegalArgumentException("file listed twice: " + path);
    }
  }

  /** Records the file that was written through the stream. */
  public void add(String path, Sha256OutputStream written) {
    add(path, written.sha256Hex(), written.size());
  }

  public SortedMap<String, Entry> entries() {
    return Collections.unmodifiableSortedMap(entries);
  }

  public void writeSha256Sums(OutputStream out) throws IOException {
    StringBuilder lines = new StringBuilder();
    entries.forEach(
        (path, entry) -> lines.append(entry.sha256Hex()).append("  ").append(path).append('\n'));
    out.write(lines.toString().getBytes(StandardCharsets.UTF_8));
  }
}

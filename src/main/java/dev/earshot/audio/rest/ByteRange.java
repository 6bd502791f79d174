package dev.earshot.audio.rest;

import dev.earshot.platform.error.DomainException;
import dev.earshot.platform.error.Failure;

/**
 * One satisfiable byte range of an HTTP {@code Range: bytes=...} header (RFC 9110 §14.1.2); {@code
 * end} is inclusive.
 */
public record ByteRange(long start, long end) {

  public long length() {
    return end - start + 1;
  }

  /**
   * Parses a single range; returns null when there is no header or it is not a single bytes range
   * (the whole file is sent then, which RFC 9110 allows). Unsatisfiable ranges get 416.
   */
  public static ByteRange parse(String header, long size) {
    if (header == null || !header.startsWith("bytes=") || header.contains(",")) {
      return null;
    }
    String spec = header.substring("bytes=".length()).trim();
    int dash = spec.indexOf('-');
    if (dash < 0) {
      return null;
    }
    try {
      String first = spec.substring(0, dash).trim();
      String last = spec.substring(dash + 1).trim();
      long start;
      long end;
      if (first.isEmpty()) {
        long suffix = Long.parseLong(last);
        if (suffix <= 0) {
          throw unsatisfiable(header, size);
        }
        start = Math.max(0, size - suffix);
        end = size - 1;
      } else {
        start = Long.parseLong(first);
        end = last.isEmpty() ? size - 1 : Math.min(Long.parseLong(last), size - 1);
      }
      if (start < 0 || start >= size || end < start) {
        throw unsatisfiable(header, size);
      }
      return new ByteRange(start, end);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static DomainException unsatisfiable(String header, long size) {
    return new DomainException(
        Failure.RANGE_NOT_SATISFIABLE,
        "Range not satisfiable",
        "The range '" + header + "' lies outside the file's " + size + " bytes.");
  }
}

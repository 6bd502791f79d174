package dev.earshot.export.format;

import java.io.Closeable;
import java.io.IOException;

/**
 * Streams records of one export file, one at a time, so memory stays flat however large the export.
 * Records must arrive in the record type's {@code ORDER}; close() finishes the file but leaves the
 * underlying stream open.
 */
public interface RecordWriter<T> extends Closeable {

  void write(T record) throws IOException;
}

package dev.earshot.export.format;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Comparator;

/** How one trainer's format writes a record as a single JSON object. */
public interface JsonlFormat<T> {

  /** The order records must arrive in, which makes the output independent of how they were read. */
  Comparator<T> order();

  /** Writes the record as one JSON object with a fixed key order; no line break. */
  void writeObject(T record, JsonGenerator json) throws IOException;

  /**
   * The record's bytes as {@link #writeObject} writes them, to compare what a trainer would read.
   */
  default byte[] render(T record) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator json = JsonLines.open(bytes)) {
      writeObject(record, json);
    }
    return bytes.toByteArray();
  }
}

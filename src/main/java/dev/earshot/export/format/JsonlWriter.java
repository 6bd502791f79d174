package dev.earshot.export.format;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes one JSON object per line in a given format, rejecting records that arrive out of order.
 */
public final class JsonlWriter<T> implements RecordWriter<T> {

  private final JsonlFormat<T> format;
  private final JsonGenerator json;
  private T previous;

  public JsonlWriter(JsonlFormat<T> format, OutputStream out) throws IOException {
    this.format = format;
    this.json = JsonLines.open(out);
  }

  @Override
  public void write(T record) throws IOException {
    if (previous != null && format.order().compare(previous, record) > 0) {
      throw new IllegalArgumentException(
          "records must be written in sorted order: " + record + " came after " + previous);
    }
    format.writeObject(record, json);
    json.writeRaw('\n');
    previous = record;
  }

  @Override
  public void close() throws IOException {
    json.close();
  }
}

package dev.earshot.export.format;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Shared JSON plumbing: one generator per file and the one way numbers are written. */
final class JsonLines {

  /** Six decimals keep rewards exact enough and make the text independent of double printing. */
  private static final int DECIMALS = 6;

  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonLines() {}

  /**
   * A UTF-8 generator that leaves the stream open (the caller owns it, e.g. to read its digest) and
   * writes no separator of its own between root values: the writers end each line themselves.
   */
  static JsonGenerator open(OutputStream out) throws IOException {
    JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8);
    json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    json.setRootValueSeparator(null);
    return json;
  }

  /** Writes a number rounded half-even to six decimals, always with a fraction, never "-0.0". */
  static void writeFixed(JsonGenerator json, double value) throws IOException {
    json.writeNumber(fixed(value));
  }

  static String fixed(double value) {
    requireFinite(value, "number");
    BigDecimal rounded = BigDecimal.valueOf(value).setScale(DECIMALS, RoundingMode.HALF_EVEN);
    if (rounded.signum() == 0) {
      return "0.0";
    }
    String plain = rounded.stripTrailingZeros().toPlainString();
    return plain.contains(".") ? plain : plain + ".0";
  }

  static void writeStringOrNull(JsonGenerator json, String field, String value) throws IOException {
    if (value == null) {
      json.writeNullField(field);
    } else {
      json.writeStringField(field, value);
    }
  }

  /** Writes the pair's {@code "outcome"} key when it has one. */
  static void writeOutcome(PreferencePair pair, JsonGenerator json) throws IOException {
    if (pair.outcome() != null) {
      json.writeStringField("outcome", pair.outcome().key());
    }
  }

  static void requireFinite(double value, String name) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite, was " + value);
    }
  }
}

package dev.earshot.platform.error;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a JSON body failed to parse or bind: line, column and field path, for problem details that
 * let a caller find the mistake ("HTTP 400 Bad Request" alone does not).
 */
public final class JsonSyntax {

  private JsonSyntax() {}

  /** The parser's message followed by where it failed, e.g. {@code ... (line 3, column 14)}. */
  public static String describe(JsonProcessingException e) {
    Map<String, Object> where = where(e);
    StringBuilder detail = new StringBuilder(String.valueOf(e.getOriginalMessage()));
    if (!where.isEmpty()) {
      detail.append(" (");
      where.forEach((key, value) -> detail.append(key).append(' ').append(value).append(", "));
      detail.setLength(detail.length() - 2);
      detail.append(')');
    }
    return detail.toString();
  }

  /**
   * Line and column (1-based) and the field path ({@code weights.overall}, {@code sources[1]})
   * where known; empty when the parser knows neither.
   */
  public static Map<String, Object> where(JsonProcessingException e) {
    Map<String, Object> where = new LinkedHashMap<>();
    JsonLocation location = e.getLocation();
    if (location != null && location.getLineNr() > 0) {
      where.put("line", location.getLineNr());
      where.put("column", location.getColumnNr());
    }
    if (e instanceof JsonMappingException mapping) {
      String field = fieldPath(mapping.getPath());
      if (!field.isEmpty()) {
        where.put("field", field);
      }
    }
    return where;
  }

  private static String fieldPath(List<JsonMappingException.Reference> path) {
    StringBuilder field = new StringBuilder();
    for (JsonMappingException.Reference step : path) {
      if (step.getFieldName() != null) {
        field.append(field.isEmpty() ? "" : ".").append(step.getFieldName());
      } else if (step.getIndex() >= 0) {
        field.append('[').append(step.getIndex()).append(']');
      }
    }
    return field.toString();
  }
}

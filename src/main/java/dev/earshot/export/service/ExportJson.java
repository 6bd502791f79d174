package dev.earshot.export.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.EnumFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.earshot.platform.error.DomainException;
import dev.earshot.platform.error.Failure;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one JSON mapping of export configs and manifests: lowercase enum names, ISO times, no nulls,
 * unknown fields rejected, {@code \n} line ends; independent of the REST mapper so that a
 * manifest's bytes never change with its settings.
 */
public final class ExportJson {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
          .enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .defaultPropertyInclusion(
              JsonInclude.Value.construct(
                  JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
          .build();

  private static final ObjectWriter PRETTY =
      MAPPER.writer(
          new DefaultPrettyPrinter()
              .withObjectIndenter(new DefaultIndenter("  ", "\n"))
              .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private ExportJson() {}

  /**
   * The config in a request body; a field of the wrong type or an unknown field is a 400 naming it.
   */
  public static ExportConfig parseRequest(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw DomainException.invalidRequest(
          "send the export config as a JSON object, e.g. {\"format\": \"trl_standard\"}");
    }
    try {
      return MAPPER.treeToValue(body, ExportConfig.class);
    } catch (JsonMappingException e) {
      String field =
          e.getPath().stream()
              .map(
                  reference ->
                      reference.getFieldName() != null
                          ? reference.getFieldName()
                          : "[" + reference.getIndex() + "]")
              .collect(Collectors.joining("."))
              .replace(".[", "[");
      String message = message(e);
      throw new DomainException(
          Failure.INVALID_REQUEST,
          "Invalid export config",
          field + ": " + message,
          List.of(Map.of("field", field, "message", message)));
    } catch (JsonProcessingException e) {
      throw DomainException.invalidRequest(
          "the export config is not valid JSON: " + e.getMessage());
    }
  }

  private static String message(JsonMappingException e) {
    if (e instanceof InvalidFormatException invalid && invalid.getTargetType().isEnum()) {
      return "'"
          + invalid.getValue()
          + "' is not one of "
          + Arrays.stream(invalid.getTargetType().getEnumConstants())
              .map(constant -> constant.toString().toLowerCase(Locale.ROOT))
              .toList();
    }
    if (e.getOriginalMessage().startsWith("Unrecognized field")) {
      return "unknown field; see the ExportConfig schema at /q/swagger-ui on the management port (9000 by default)";
    }
    return e.getOriginalMessage().lines().findFirst().orElse("invalid value");
  }

  /** A config stored by this class. */
  public static ExportConfig readConfig(String json) {
    try {
      return MAPPER.readValue(json, ExportConfig.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored export config is unreadable: " + json, e);
    }
  }

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value, e);
    }
  }

  public static JsonNode tree(Object value) {
    return MAPPER.valueToTree(value);
  }

  public static JsonNode readTree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON is unreadable: " + json, e);
    }
  }

  public static <T> T read(String json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON is unreadable: " + json, e);
    }
  }

  /** Two-space indented JSON with {@code \n} line ends and a final line break. */
  public static void writePretty(Object value, OutputStream out) {
    try {
      out.write(PRETTY.writeValueAsBytes(value));
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

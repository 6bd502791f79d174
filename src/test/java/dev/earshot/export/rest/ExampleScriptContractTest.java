package dev.earshot.export.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code examples/trl_dpo.py} is not run in CI; instead the keys and types it reads (its {@code
 * EXPECTED_COLUMNS}) are parsed out of it and checked against a real export of the demo votes.
 */
@QuarkusTest
class ExampleScriptContractTest {

  private static final Path SCRIPT = Path.of("examples/trl_dpo.py");
  private static final Pattern COLUMN = Pattern.compile("\\s*\"(\\w+)\": \"([\\w-]+)\",");
  private static final Pattern FORMAT = Pattern.compile("EXPORT_FORMAT = \"(\\w+)\"");

  @Test
  void shouldExportExactlyTheKeysAndTypesTheDpoExampleReads() throws IOException {
    String script = Files.readString(SCRIPT, StandardCharsets.UTF_8);
    Map<String, String> expected = expectedColumns(script);
    Matcher format = FORMAT.matcher(script);
    assertThat(format.find()).as("EXPORT_FORMAT in " + SCRIPT).isTrue();

    JsonPath export =
        Exports.export(
            Map.of(
                "format",
                format.group(1),
                "sources",
                List.of("simulated"),
                "dataset",
                "demo",
                "dimension",
                "overall"));
    byte[] data =
        Exports.untar(Exports.archive(export.getLong("id"))).get("earshot-export/data.jsonl");
    List<JsonNode> records = ExportResourceTest.records(data);

    assertThat(records).isNotEmpty();
    assertThat(records)
        .allSatisfy(
            record -> {
              assertThat(fieldNames(record)).isEqualTo(expected.keySet());
              expected.forEach(
                  (key, type) ->
                      assertThat(matches(record.get(key), type))
                          .as("%s is %s in %s", key, type, record)
                          .isTrue());
            });
    assertThat(records).anyMatch(record -> record.get("prompt_audio").isTextual());
  }

  private static Map<String, String> expectedColumns(String script) {
    int start = script.indexOf("EXPECTED_COLUMNS = {");
    int end = script.indexOf('}', start);
    assertThat(start).as("EXPECTED_COLUMNS in " + SCRIPT).isNotNegative();
    Map<String, String> columns = new LinkedHashMap<>();
    for (String line : script.substring(start, end).lines().skip(1).toList()) {
      Matcher column = COLUMN.matcher(line);
      assertThat(column.matches()).as("one \"key\": \"type\", per line: " + line).isTrue();
      columns.put(column.group(1), column.group(2));
    }
    assertThat(columns).isNotEmpty();
    return columns;
  }

  private static boolean matches(JsonNode value, String type) {
    return switch (type) {
      case "string" -> value.isTextual();
      case "string-or-null" -> value.isTextual() || value.isNull();
      default -> throw new AssertionError("unknown type in " + SCRIPT + ": " + type);
    };
  }

  private static java.util.Set<String> fieldNames(JsonNode record) {
    java.util.Set<String> names = new java.util.LinkedHashSet<>();
    for (Iterator<String> it = record.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }
}

package dev.earshot.export.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Exports drop and count pairs without signal and duplicate records, warn about them and about
 * empty selections, in the status and the manifest; malformed JSON says where it failed.
 */
@QuarkusTest
class ExportSignalTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private static final String ROOT = "earshot-export/";

  @Test
  void shouldDropSameTextAndDuplicatePairsFromLlamaFactoryAndCountThemInTheManifest()
      throws IOException {
    Map<String, Object> config = new HashMap<>();
    config.put("format", "llama_factory");
    config.put("sources", List.of("simulated"));
    config.put("dataset", "demo");

    JsonPath dropped = Exports.export(config);
    Map<String, byte[]> files = Exports.untar(Exports.archive(dropped.getLong("id")));
    List<JsonNode> records = ExportResourceTest.records(files.get(ROOT + "data.jsonl"));
    JsonNode manifest = JSON.readTree(files.get(ROOT + "manifest.json"));

    long withoutSignal = dropped.getLong("counts.pairsWithoutSignal");
    long duplicates = dropped.getLong("counts.duplicateRecords");
    assertThat(withoutSignal).isPositive();
    assertThat(duplicates).isPositive();
    assertThat(records).hasSize((int) dropped.getLong("counts.records"));
    assertThat(records).noneMatch(r -> r.at("/chosen/content").equals(r.at("/rejected/content")));
    Set<JsonNode> distinct = new HashSet<>(records);
    assertThat(distinct).hasSameSizeAs(records);
    assertThat(manifest.at("/counts/pairsWithoutSignal").asLong()).isEqualTo(withoutSignal);
    assertThat(manifest.at("/counts/duplicateRecords").asLong()).isEqualTo(duplicates);
    assertThat(manifest.at("/config/keepPairsWithoutSignal").asBoolean(true)).isFalse();
    // The demo's responses to a prompt mostly share their text: most pairs carry no signal here.
    assertThat(dropped.getList("warnings", String.class))
        .singleElement()
        .asString()
        .startsWith("Most pairs were dropped: " + (withoutSignal + duplicates) + " of ");
    assertThat(JSON.convertValue(manifest.get("warnings"), STRINGS))
        .isEqualTo(dropped.getList("warnings", String.class));

    config.put("keepPairsWithoutSignal", true);
    JsonPath kept = Exports.export(config);

    // Every pair that reached the filter is either written or dropped, in both runs.
    assertThat(kept.getLong("counts.pairsWithoutSignal")).isZero();
    assertThat(kept.getLong("counts.records") + kept.getLong("counts.duplicateRecords"))
        .isEqualTo(dropped.getLong("counts.records") + withoutSignal + duplicates);
    assertThat(kept.getLong("counts.records")).isGreaterThan(dropped.getLong("counts.records"));
  }

  @Test
  void shouldFinishAnExportThatSelectsNothingWithAWarning() throws IOException {
    JsonPath export =
        Exports.export(
            Map.of(
                "format",
                "trl_standard",
                "sources",
                List.of("simulated"),
                "since",
                "2100-01-01T00:00:00Z"));
    JsonNode manifest =
        JSON.readTree(
            Exports.untar(Exports.archive(export.getLong("id"))).get(ROOT + "manifest.json"));

    assertThat(export.getString("status")).isEqualTo("done");
    assertThat(export.getLong("counts.records")).isZero();
    assertThat(export.getList("warnings", String.class))
        .singleElement()
        .asString()
        .startsWith("No records were written");
    assertThat(manifest.at("/warnings/0").asText()).startsWith("No records were written");
  }

  @Test
  void shouldSayWhereMalformedJsonFailed() {
    JsonPath problem =
        given()
            .contentType(ContentType.JSON)
            .body("{\n  \"format\": \"trl_standard\",\n  \"dataset\": demo\n}")
            .when()
            .post("/api/exports")
            .then()
            .statusCode(400)
            .contentType("application/problem+json")
            .extract()
            .jsonPath();

    assertThat(problem.getString("title")).isEqualTo("Malformed JSON");
    assertThat(problem.getString("detail")).contains("line 3, column");
    assertThat(problem.getInt("errors[0].line")).isEqualTo(3);
    assertThat(problem.getInt("errors[0].column")).isPositive();
  }
}

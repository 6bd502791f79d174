package dev.earshot.export.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.evaluation.rest.Runs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Exports of the demo's simulated votes (three votes on each of 144 response pairs per dimension
 * but prosody and the like; source {@code simulated}, which an export reads only when named) and of
 * a run's pointwise scores, end to end through the API.
 */
@QuarkusTest
class ExportResourceTest {

  @Inject EntityManager entityManager;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ROOT = "earshot-export/";

  /** {@code earshot.data-dir} in tests. */
  private static final Path DATA_DIR = Path.of("target/test-data");

  @Test
  void shouldWriteByteIdenticalArchivesForTheSameConfigOnTheSameData() throws IOException {
    Map<String, Object> config =
        Map.of(
            "format", "openrlhf",
            "sources", List.of("simulated"),
            "dataset", "demo",
            "dimension", "overall",
            "tiePolicy", "label");

    JsonPath first = Exports.export(config);
    JsonPath second = Exports.export(config);
    byte[] firstArchive = Exports.archive(first.getLong("id"));
    byte[] secondArchive = Exports.archive(second.getLong("id"));

    assertThat(first.getLong("id")).isNotEqualTo(second.getLong("id"));
    assertThat(secondArchive).isEqualTo(firstArchive);
    Map<String, byte[]> files = Exports.untar(firstArchive);
    assertThat(files.keySet())
        .startsWith(ROOT + "SHA256SUMS")
        .contains(ROOT + "data.jsonl", ROOT + "manifest.json")
        .anyMatch(path -> path.startsWith(ROOT + "audio/"));
    assertThat(List.copyOf(files.keySet())).isSorted();
    // Every demo pair on "overall" has three votes; with ties labelled, every pair is a record
    // unless its two responses are identical (no signal) or its record repeats another one.
    assertThat(first.getLong("counts.votes")).isEqualTo(432);
    assertThat(first.getLong("counts.pairs")).isEqualTo(144);
    assertThat(first.getLong("counts.pairsWithoutSignal")).isEqualTo(identicalDemoResponsePairs());
    assertThat(
            first.getLong("counts.records")
                + first.getLong("counts.pairsWithoutSignal")
                + first.getLong("counts.duplicateRecords"))
        .isEqualTo(144);
    List<JsonNode> records = records(files.get(ROOT + "data.jsonl"));
    assertThat(records).hasSize((int) first.getLong("counts.records"));
    assertThat(records)
        .extracting(r -> r.get("outcome").asText())
        .containsOnly("preferred", "tie", "both_bad")
        .contains("preferred");
    assertThat(records)
        .allSatisfy(
            r ->
                assertThat(r.get("margin").asDouble() > 0)
                    .isEqualTo("preferred".equals(r.get("outcome").asText())));
  }

  @Test
  void shouldListEveryFileWithAChecksumThatVerifies() throws IOException {
    JsonPath export =
        Exports.export(
            Map.of(
                "format", "trl_standard",
                "sources", List.of("simulated"),
                "dataset", "demo",
                "dimension", "quality",
                "audio", "link"));
    Map<String, byte[]> files = Exports.untar(Exports.archive(export.getLong("id")));

    Map<String, String> sums = new HashMap<>();
    for (String line : Exports.text(files.get(ROOT + "SHA256SUMS")).split("\n")) {
      sums.put(line.substring(66), line.substring(0, 64));
    }
    assertThat(sums.keySet())
        .hasSize(files.size() - 1)
        .allSatisfy(path -> assertThat(sha256(files.get(ROOT + path))).isEqualTo(sums.get(path)));
    JsonNode manifest = JSON.readTree(files.get(ROOT + "manifest.json"));
    assertThat(manifest.get("config").get("tiePolicy").asText()).isEqualTo("exclude");
    assertThat(manifest.get("config").get("aggregation").asText()).isEqualTo("majority");
    assertThat(manifest.get("highWaterMark").get("table").asText()).isEqualTo("preference");
    assertThat(manifest.get("codeVersion").asText()).startsWith("earshot ");
    for (JsonNode file : manifest.get("files")) {
      assertThat(sums).containsEntry(file.get("path").asText(), file.get("sha256").asText());
    }
    assertThat(export.getList("files.path")).containsAll(sums.keySet());
    // Audio is named by the stored original's hash, so it can be fetched from the audio API.
    String audio = records(files.get(ROOT + "data.jsonl")).get(0).get("chosen_audio").asText();
    assertThat(files).containsKey(ROOT + audio);
    String sha = audio.substring(6, 70);
    given().when().get("/api/audio/" + sha + "/info").then().statusCode(200);
    // A WAV response is hard-linked to the stored original, not copied.
    assertThat(
            Files.isSameFile(
                DATA_DIR.resolve("exports/" + export.getLong("id") + "/" + audio),
                DATA_DIR.resolve("audio/" + sha.substring(0, 2) + "/" + sha)))
        .isTrue();
    assertThat(
            given()
                .when()
                .get("/api/exports/" + export.getLong("id") + "/files/data.jsonl")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray())
        .isEqualTo(files.get(ROOT + "data.jsonl"));
  }

  @Test
  void shouldDerivePairsFromPointwiseScoresKeepingTheDifferenceAsMargin() throws IOException {
    long run = Runs.start(Map.of("dataset", "demo", "judges", List.of("audio-quality")));
    Runs.awaitFinished(run);
    JsonPath export =
        Exports.export(
            Map.of(
                "format", "openrlhf",
                "pairsFrom", "scores",
                "sources", List.of("judge:audio-quality"),
                "dataset", "demo",
                "dimension", "quality",
                "tiePolicy", "margin_zero"));

    // 24 prompts, 4 systems: all 6 pairs of each prompt's responses, not only best and worst.
    assertThat(export.getLong("counts.scores")).isEqualTo(96);
    assertThat(export.getLong("counts.pairs")).isEqualTo(144);
    // Identical responses score alike: their pair has no signal, and a third response's pairs
    // with each of them are the same record twice.
    assertThat(export.getLong("counts.pairsWithoutSignal")).isEqualTo(identicalDemoResponsePairs());
    assertThat(
            export.getLong("counts.records")
                + export.getLong("counts.pairsWithoutSignal")
                + export.getLong("counts.duplicateRecords"))
        .isEqualTo(144);
    Map<String, Double> scores = new HashMap<>();
    JsonPath runScores =
        given().when().get("/api/runs/" + run + "/scores").then().extract().jsonPath();
    List<Map<String, Object>> rows = runScores.getList("$");
    for (Map<String, Object> row : rows) {
      scores.put(
          row.get("prompt") + "/" + row.get("system"), ((Number) row.get("value")).doubleValue());
    }
    Map<String, byte[]> files = Exports.untar(Exports.archive(export.getLong("id")));
    JsonNode manifest = JSON.readTree(files.get(ROOT + "manifest.json"));
    assertThat(manifest.get("highWaterMark").get("table").asText()).isEqualTo("judge_score");
    assertThat(manifest.get("highWaterMark").get("rows").asLong()).isEqualTo(96);
    // content-01's reference answer (clean) against noisy: the margin is their score difference.
    double expected = scores.get("content-01/reference") - scores.get("content-01/noisy");
    assertThat(expected).isPositive();
    JsonNode pair =
        records(files.get(ROOT + "data.jsonl")).stream()
            .filter(r -> r.get("chosen_audio").asText().contains(sha("content-01", "reference")))
            .filter(r -> r.get("rejected_audio").asText().contains(sha("content-01", "noisy")))
            .findFirst()
            .orElseThrow();
    assertThat(pair.get("margin").asDouble())
        .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void shouldWriteScalarRewardsWithWeightsAndPerPromptNormalisation() throws IOException {
    Runs.awaitFinished(Runs.start(Map.of("dataset", "demo", "judges", List.of("audio-quality"))));
    JsonPath export =
        Exports.export(
            Map.of(
                "format",
                "scalar_rewards",
                "sources",
                List.of("judge:audio-quality"),
                "dataset",
                "demo",
                "weights",
                Map.of("quality", 2.0),
                "normalizePerPrompt",
                true,
                "sampleRate",
                8000));

    List<JsonNode> rows =
        records(Exports.untar(Exports.archive(export.getLong("id"))).get(ROOT + "data.jsonl"));
    assertThat(rows).hasSize(96);
    for (JsonNode row : rows) {
      assertThat(row.get("reward").asDouble())
          .isCloseTo(
              2 * row.get("scores").get("quality").asDouble(),
              org.assertj.core.data.Offset.offset(2e-6));
    }
    // Each prompt's normalised rewards sum to 0.
    Map<String, Double> sums = new HashMap<>();
    rows.forEach(
        r ->
            sums.merge(
                r.get("prompt_id").asText(), r.get("reward_normalized").asDouble(), Double::sum));
    assertThat(sums.values()).allSatisfy(sum -> assertThat(Math.abs(sum)).isLessThan(1e-5));
    assertThat(rows.get(0).get("prompt_id").asText()).startsWith("demo/");
    byte[] wav =
        given()
            .when()
            .get(
                "/api/exports/"
                    + export.getLong("id")
                    + "/files/"
                    + rows.get(0).get("completion_audio").asText())
            .then()
            .statusCode(200)
            .extract()
            .asByteArray();
    assertThat(ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).getInt(24)).isEqualTo(8000);
  }

  @Test
  void shouldLabelResponsesForKtoFromVotes() throws IOException {
    JsonPath export =
        Exports.export(
            Map.of(
                "format",
                "trl_kto",
                "sources",
                List.of("simulated"),
                "dataset",
                "demo",
                "dimension",
                "content"));

    List<JsonNode> rows =
        records(Exports.untar(Exports.archive(export.getLong("id"))).get(ROOT + "data.jsonl"));
    assertThat(rows).hasSize((int) export.getLong("counts.records"));
    assertThat(rows).extracting(r -> r.get("label").asBoolean()).contains(true, false);
    assertThat(rows.get(0).fieldNames())
        .toIterable()
        .containsExactly("prompt", "completion", "label", "prompt_audio", "completion_audio");
  }

  /**
   * Simulated votes are exported only when the sources name them, and the manifest says whether
   * they were and how many; the default (humans) reads people's votes only.
   */
  @Test
  void shouldExportSimulatedVotesOnlyWhenAskedAndSaySoInTheManifest() throws IOException {
    Map<String, Object> onDemo = Map.of("format", "openrlhf", "dataset", "demo");
    JsonPath people = Exports.export(with(onDemo, "dimension", "overall"));
    JsonPath simulated =
        Exports.export(with(with(onDemo, "dimension", "overall"), "sources", List.of("simulated")));

    JsonNode peopleManifest = manifest(people);
    assertThat(peopleManifest.get("config").get("sources")).hasSize(1);
    assertThat(peopleManifest.get("config").get("sources").get(0).asText()).isEqualTo("humans");
    assertThat(peopleManifest.get("simulatedVotes").get("included").asBoolean()).isFalse();
    assertThat(peopleManifest.get("simulatedVotes").get("votes").asLong()).isZero();
    assertThat(peopleManifest.get("simulatedVotes").get("leftOut").asLong()).isEqualTo(432);
    // Only what people voted on 'overall' in other tests' campaigns, none of the demo's raters.
    assertThat(people.getLong("counts.votes")).isEqualTo(demoVotes("human", "overall"));

    JsonNode simulatedManifest = manifest(simulated);
    assertThat(simulatedManifest.get("simulatedVotes").get("included").asBoolean()).isTrue();
    assertThat(simulatedManifest.get("simulatedVotes").get("votes").asLong()).isEqualTo(432);
    assertThat(simulatedManifest.get("simulatedVotes").get("leftOut").asLong()).isZero();
    assertThat(simulated.getLong("counts.votes")).isEqualTo(432);
  }

  private static Map<String, Object> with(Map<String, Object> config, String key, Object value) {
    Map<String, Object> extended = new HashMap<>(config);
    extended.put(key, value);
    return extended;
  }

  private static JsonNode manifest(JsonPath export) throws IOException {
    return JSON.readTree(
        Exports.untar(Exports.archive(export.getLong("id"))).get(ROOT + "manifest.json"));
  }

  /** Pairs of responses to one demo prompt whose audio and text are the same. */
  private long identicalDemoResponsePairs() {
    return ((Number)
            entityManager
                .createNativeQuery(
                    "SELECT count(*) FROM response a JOIN response b ON b.prompt_id = a.prompt_id"
                        + " AND a.id < b.id AND b.audio_sha256 = a.audio_sha256"
                        + " AND b.text_channel IS NOT DISTINCT FROM a.text_channel"
                        + " JOIN prompt pr ON pr.id = a.prompt_id JOIN dataset d ON d.id ="
                        + " pr.dataset_id WHERE d.name = 'demo'")
                .getSingleResult())
        .longValue();
  }

  /** Votes of the kind on the demo's prompts and the dimension, as stored. */
  private long demoVotes(String kind, String dimension) {
    return ((Number)
            entityManager
                .createNativeQuery(
                    "SELECT count(*) FROM preference p JOIN prompt pr ON pr.id = p.prompt_id"
                        + " JOIN dataset d ON d.id = pr.dataset_id WHERE d.name = 'demo'"
                        + " AND p.source_kind = ?1 AND p.dimension = ?2")
                .setParameter(1, kind)
                .setParameter(2, dimension)
                .getSingleResult())
        .longValue();
  }

  @Test
  void shouldNameTheFieldOfAWrongValueWith400() {
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("format", "csv"))
        .when()
        .post("/api/exports")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", org.hamcrest.Matchers.equalTo("format"))
        .body("detail", containsString("trl_standard"));
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("format", "trl_standard", "tiepolicy", "label"))
        .when()
        .post("/api/exports")
        .then()
        .statusCode(400)
        .body("errors[0].field", org.hamcrest.Matchers.equalTo("tiepolicy"));
  }

  @Test
  void shouldListEveryUnusableFieldWith422AndStoreNothing() {
    int before = given().when().get("/api/exports").then().extract().jsonPath().getList("$").size();

    given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "format",
                "trl_kto",
                "dataset",
                "no-such-dataset",
                "weights",
                Map.of("quality", 1),
                "minAgreement",
                2))
        .when()
        .post("/api/exports")
        .then()
        .statusCode(422)
        .body("errors.field", hasItems("dataset", "dimension", "weights", "minAgreement"));
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("format", "scalar_rewards", "sources", List.of("humans")))
        .when()
        .post("/api/exports")
        .then()
        .statusCode(422)
        .body("errors.field", hasItems("sources", "weights"));

    assertThat(given().when().get("/api/exports").then().extract().jsonPath().getList("$"))
        .hasSize(before);
  }

  @Test
  void shouldAnswerUnknownExportsWith404() {
    given()
        .when()
        .get("/api/exports/987654/archive")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given().when().get("/api/exports/987654").then().statusCode(404);
  }

  @Test
  void shouldServeOnlyTheListedFilesOfAnExport() {
    JsonPath export =
        Exports.export(
            Map.of(
                "format",
                "llama_factory",
                "sources",
                List.of("simulated"),
                "dimension",
                "emotion"));
    long id = export.getLong("id");

    given()
        .when()
        .get("/api/exports/" + id + "/files/dataset_info.json")
        .then()
        .statusCode(200)
        .body(startsWith("{"));
    given().when().get("/api/exports/" + id + "/files/..%2F..%2Fpg").then().statusCode(404);
    given()
        .when()
        .get("/api/exports/" + id + "/archive")
        .then()
        .header("Content-Disposition", containsString("earshot-export-" + id + ".tar.gz"));
  }

  private static String sha(String prompt, String system) {
    return given()
        .queryParam("system", system)
        .when()
        .get("/api/datasets/demo/responses")
        .then()
        .extract()
        .jsonPath()
        .getString("items.find { it.prompt == '" + prompt + "' }.audioSha256");
  }

  static List<JsonNode> records(byte[] jsonl) throws IOException {
    List<JsonNode> records = new java.util.ArrayList<>();
    for (String line : Exports.text(jsonl).split("\n")) {
      records.add(JSON.readTree(line));
    }
    return records;
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

package dev.earshot.export.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.audio.decode.WavWriter;
import dev.earshot.judge.onnx.CodecCodes;
import dev.earshot.testing.DatasetZip;
import dev.earshot.testing.ToyCodecEncoder;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * TRL exports with codec tokens, made by the toy encoder (see ToyCodecEncoder) that this test
 * writes to the configured path ({@code %test.earshot.codec-encoder.*}: 16 kHz, 320-sample frames):
 * refused while the file is absent, exact ids per codebook once it is there, each response encoded
 * once and read back from the cache afterwards.
 */
@QuarkusTest
class CodecTokensExportTest {

  private static final Path ENCODER = Path.of("target/test-codec-encoder/encoder.onnx");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ROOT = "earshot-export/";
  private static final String DATASET = "codec-tokens";
  private static final int FRAME = ToyCodecEncoder.SAMPLES_PER_FRAME;

  @Inject EntityManager entityManager;

  @BeforeEach
  @AfterEach
  void removeEncoder() throws IOException {
    Files.deleteIfExists(ENCODER);
  }

  @Test
  void shouldCarryEachResponsesTokenIdsPerCodebookComputedOnceAndCached() throws IOException {
    importDataset();
    given()
        .when()
        .get("/api/codec-encoder")
        .then()
        .statusCode(200)
        .body("status", equalTo("not configured"))
        .body("detail", containsString("not found"));
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("format", "trl_standard", "dataset", DATASET, "codecTokens", true))
        .when()
        .post("/api/exports")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("codecTokens"))
        .body("errors[0].message", containsString("not configured"));

    ToyCodecEncoder.writeTo(ENCODER);
    given()
        .when()
        .get("/api/codec-encoder")
        .then()
        .statusCode(200)
        .body("status", equalTo("loaded"))
        .body("codebooks", equalTo(2))
        .body("sampleRate", equalTo(16_000))
        .body("cachedResponses", equalTo(0));

    JsonNode first = onlyRecord(exportWithCodecTokens("trl_standard"));
    // steady: frames at 0.3, -0.6, 0.9, 0; shaky: 400 samples at 0.55, padded to two frames.
    assertThat(first.get("chosen_audio_codes"))
        .isEqualTo(JSON.readTree("[[5, 1, 7, 4], [0, 2, 6, 0]]"));
    assertThat(first.get("rejected_audio_codes")).isEqualTo(JSON.readTree("[[6, 4], [2, 0]]"));
    given().when().get("/api/codec-encoder").then().body("cachedResponses", equalTo(2));

    // Replace steady's cached ids: a second export must read them, not encode the audio again.
    String steady = first.get("chosen_audio").asText().replaceAll("^audio/|\\.wav$", "");
    long[] marked = new long[8];
    Arrays.fill(marked, 9);
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery("UPDATE codec_tokens SET codes = ?1 WHERE audio_sha256 = ?2")
                    .setParameter(1, new CodecCodes(2, 4, marked).toBytes())
                    .setParameter(2, steady)
                    .executeUpdate());
    JsonNode second = onlyRecord(exportWithCodecTokens("trl_conversational"));
    assertThat(second.get("chosen_audio_codes"))
        .isEqualTo(JSON.readTree("[[9, 9, 9, 9], [9, 9, 9, 9]]"));
    assertThat(second.get("rejected_audio_codes")).isEqualTo(first.get("rejected_audio_codes"));
    given().when().get("/api/codec-encoder").then().body("cachedResponses", equalTo(2));
  }

  @Test
  void shouldSayFailedWithTheReasonForAModelThatDoesNotOutputTokenIds() throws IOException {
    Files.createDirectories(ENCODER.getParent());
    Files.copy(Path.of("src/test/resources/onnx/emotion_toy.onnx"), ENCODER);

    given()
        .when()
        .get("/api/codec-encoder")
        .then()
        .statusCode(200)
        .body("status", equalTo("failed"))
        .body("detail", containsString("must output integer token ids"));
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("format", "trl_conversational", "codecTokens", true))
        .when()
        .post("/api/exports")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("codecTokens"))
        .body("errors[0].message", containsString("integer token ids"));
  }

  /** The export's manifest names the encoder; returns its single record. */
  private static JsonPath exportWithCodecTokens(String format) {
    return Exports.export(Map.of("format", format, "dataset", DATASET, "codecTokens", true));
  }

  private static JsonNode onlyRecord(JsonPath export) throws IOException {
    Map<String, byte[]> files = Exports.untar(Exports.archive(export.getLong("id")));
    JsonNode manifest = JSON.readTree(files.get(ROOT + "manifest.json"));
    assertThat(manifest.at("/config/codecTokens").asBoolean()).isTrue();
    assertThat(manifest.at("/codecTokens/encoderSha256").asText())
        .isEqualTo(sha256Hex(ToyCodecEncoder.bytes()));
    assertThat(manifest.at("/codecTokens/codebooks").asInt()).isEqualTo(2);
    assertThat(manifest.at("/codecTokens/fields").toString())
        .isEqualTo("[\"chosen_audio_codes\",\"rejected_audio_codes\"]");
    List<JsonNode> records = ExportResourceTest.records(files.get(ROOT + "data.jsonl"));
    assertThat(records).hasSize(1);
    return records.get(0);
  }

  private static void importDataset() {
    float[] steady = new float[4 * FRAME];
    float[] levels = {0.3f, -0.6f, 0.9f, 0f};
    for (int frame = 0; frame < levels.length; frame++) {
      Arrays.fill(steady, frame * FRAME, (frame + 1) * FRAME, levels[frame]);
    }
    float[] shaky = new float[FRAME + 80];
    Arrays.fill(shaky, 0.55f);
    byte[] zip =
        new DatasetZip()
            .text("manifest.jsonl", "{\"id\":\"q1\",\"text\":\"Say something.\"}\n")
            .text(
                "responses.jsonl",
                """
                {"system":"steady","prompt":"q1","audio":"responses/steady.wav","text":"Something."}
                {"system":"shaky","prompt":"q1","audio":"responses/shaky.wav","text":"Something?"}
                """)
            .text(
                "votes.jsonl",
                "{\"rater\":\"ann\",\"prompt\":\"q1\",\"a\":\"steady\",\"b\":\"shaky\","
                    + "\"dimension\":\"overall\",\"verdict\":\"a_better\"}\n")
            .file("responses/steady.wav", WavWriter.pcm16(steady, ToyCodecEncoder.SAMPLE_RATE))
            .file("responses/shaky.wav", WavWriter.pcm16(shaky, ToyCodecEncoder.SAMPLE_RATE))
            .bytes();
    given()
        .contentType("application/zip")
        .queryParam("name", DATASET)
        .body(zip)
        .when()
        .post("/api/datasets/import")
        .then()
        .statusCode(200);
  }

  private static String sha256Hex(byte[] content) {
    try {
      return java.util.HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

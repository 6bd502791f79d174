package dev.earshot.codec.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dev.earshot.audio.decode.AudioDecoder;
import dev.earshot.audio.decode.AudioLimits;
import dev.earshot.audio.decode.AudioRejectedException;
import dev.earshot.audio.decode.MonoAudio;
import dev.earshot.audio.decode.WavWriter;
import dev.earshot.codec.core.Degradations;
import dev.earshot.evaluation.rest.Runs;
import dev.earshot.testing.DatasetZip;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Codecs of known quality built from the demo prompts: an identical copy, white noise at 20 dB and
 * 5 dB SNR, and a 3 kHz low-pass. Their own dataset keeps them out of the demo's runs.
 */
@QuarkusTest
class CodecResourceTest {

  private static final String DATASET = "codec-resynthesis-test";
  private static final List<String> PROMPTS =
      List.of("content-01", "content-02", "content-03", "content-04", "prosody-01", "prosody-02");
  private static final Path DEMO_PROMPTS = Path.of("datasets/demo/prompts");

  /**
   * The test dataset's prompt ids: not the demo's, which other tests name without a dataset (a
   * prompt id in two datasets must be qualified).
   */
  private static String id(String demoPrompt) {
    return "resynthesis-" + demoPrompt;
  }

  private static final RestAssuredConfig DOUBLES =
      RestAssuredConfig.config()
          .jsonConfig(
              JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));

  private static boolean imported;

  /**
   * Imports the test dataset once (RestAssured knows the app's port only inside tests, not in
   * {@code @BeforeAll}), with the low-pass codec's resyntheses in its responses.jsonl.
   */
  @BeforeEach
  void importPromptsWithALowPassCodecInResponsesJsonl() {
    if (imported) {
      return;
    }
    DatasetZip zip = new DatasetZip();
    StringBuilder manifest = new StringBuilder();
    StringBuilder responses = new StringBuilder();
    for (String prompt : PROMPTS) {
      zip.file("prompts/" + prompt + ".flac", demoPrompt(prompt));
      manifest.append(
          "{\"id\": \"" + id(prompt) + "\", \"audio\": \"prompts/" + prompt + ".flac\"}\n");
      // The batch path is the dataset import's responses.jsonl, with the codec as system.
      zip.file(
          "lowpass/" + prompt + ".wav",
          degraded(prompt, signal -> Degradations.lowPass(signal, 16_000, 3_000)));
      responses.append(
          "{\"system\": \"codec-lowpass\", \"prompt\": \""
              + id(prompt)
              + "\", \"audio\": \"lowpass/"
              + prompt
              + ".wav\"}\n");
    }
    manifest.append("{\"id\": \"text-only\", \"text\": \"Nothing to resynthesise.\"}\n");
    zip.text("manifest.jsonl", manifest.toString()).text("responses.jsonl", responses.toString());
    given()
        .contentType("application/zip")
        .body(zip.bytes())
        .when()
        .post("/api/datasets/import?name=" + DATASET)
        .then()
        .statusCode(200);
    imported = true;
  }

  @Test
  void shouldRankKnownDegradationsAndMeasureTheAddedNoise() {
    register("codec-identical", 75, 32, 1024);
    register("codec-noise-20db", 75, 8, 1024);
    register("codec-noise-5db", 75, 2, 1024);
    register("codec-lowpass", 50, 2, 1024);
    for (String prompt : PROMPTS) {
      upload("codec-identical", id(prompt), demoPrompt(prompt));
      upload(
          "codec-noise-20db",
          id(prompt),
          degraded(prompt, signal -> Degradations.withWhiteNoise(signal, 20, 1)));
      upload(
          "codec-noise-5db",
          id(prompt),
          degraded(prompt, signal -> Degradations.withWhiteNoise(signal, 5, 2)));
    }

    long run =
        given()
            .contentType(ContentType.JSON)
            .body(Map.of("dataset", DATASET))
            .when()
            .post("/api/codecs/runs")
            .then()
            .statusCode(201)
            .body("judges", equalTo(List.of("resynthesis")))
            .body("total", equalTo(4 * PROMPTS.size()))
            .extract()
            .jsonPath()
            .getLong("id");
    JsonPath finished = Runs.awaitFinished(run);
    assertThat(finished.getString("status")).isEqualTo("completed");
    given()
        .when()
        .get("/api/codecs/runs?dataset=" + DATASET)
        .then()
        .statusCode(200)
        .body("id", hasItems((int) run));

    JsonPath board =
        given()
            .config(DOUBLES)
            .when()
            .get("/api/codecs/leaderboard?dataset=" + DATASET)
            .then()
            .statusCode(200)
            // By ascending bitrate: 50 x 2 x 10, 75 x 2 x 10, 75 x 8 x 10, 75 x 32 x 10 bit/s.
            .body(
                "codecs.codec",
                equalTo(
                    List.of(
                        "codec-lowpass", "codec-noise-5db", "codec-noise-20db", "codec-identical")))
            .body("codecs[2].bitrateBps", closeTo(6_000.0, 1e-9))
            .body("codecs.items", equalTo(List.of(6, 6, 6, 6)))
            .extract()
            .jsonPath();

    Map<String, Double> stoi = metric(board, "stoi");
    Map<String, Double> siSdr = metric(board, "siSdrDb");
    assertThat(stoi.get("codec-identical")).isCloseTo(1.0, within(1e-9));
    assertThat(siSdr.get("codec-identical")).isEqualTo(100.0);
    assertThat(siSdr.get("codec-noise-20db")).isCloseTo(20.0, within(1.0));
    assertThat(siSdr.get("codec-noise-5db")).isCloseTo(5.0, within(1.0));
    assertThat(stoi.get("codec-identical"))
        .isGreaterThan(stoi.get("codec-noise-20db"))
        .isGreaterThan(stoi.get("codec-lowpass"));
    assertThat(stoi.get("codec-noise-20db")).isGreaterThan(stoi.get("codec-noise-5db"));
    Map<String, Double> bandwidth = metric(board, "bandwidthResynthesisedHz");
    assertThat(bandwidth.get("codec-lowpass")).isLessThan(3_500.0);
    assertThat(bandwidth.get("codec-identical")).isGreaterThan(bandwidth.get("codec-lowpass"));
    Map<String, Double> lsd = metric(board, "lsdDb");
    assertThat(lsd.get("codec-identical")).isCloseTo(0.0, within(1e-9));
    assertThat(lsd.get("codec-noise-20db")).isLessThan(lsd.get("codec-noise-5db"));

    // Every interval holds its mean; identical copies leave no spread at all.
    assertThat(board.getDouble("codecs[3].metrics.stoi.lower")).isCloseTo(1.0, within(1e-9));
    double lower = board.getDouble("codecs[1].metrics.siSdrDb.lower");
    double upper = board.getDouble("codecs[1].metrics.siSdrDb.upper");
    assertThat(lower).isLessThanOrEqualTo(siSdr.get("codec-noise-5db"));
    assertThat(upper).isGreaterThanOrEqualTo(siSdr.get("codec-noise-5db"));
    assertThat(board.getInt("codecs[1].metrics.siSdrDb.n")).isEqualTo(6);
  }

  @Test
  void shouldGiveEnCodecItsPublishedBitrate() {
    Map<String, Object> encodec =
        Map.of(
            "name", "encodec-24khz-6kbps", "frameRate", 75, "codebooks", 8, "codebookSize", 1024);
    given()
        .config(DOUBLES)
        .contentType(ContentType.JSON)
        .body(encodec)
        .when()
        .post("/api/codecs")
        .then()
        .statusCode(201)
        .header("Location", containsString("/api/codecs/encodec-24khz-6kbps"))
        .body("bitrateBps", equalTo(6000.0));
    given()
        .config(DOUBLES)
        .when()
        .get("/api/codecs/encodec-24khz-6kbps")
        .then()
        .statusCode(200)
        .body("codebooks", equalTo(8));
    given()
        .contentType(ContentType.JSON)
        .body(encodec)
        .when()
        .post("/api/codecs")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
  }

  @Test
  void shouldNameEveryBadFieldOfACodec() {
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("name", "bad name!", "frameRate", 0, "codebooks", 0, "codebookSize", 1))
        .when()
        .post("/api/codecs")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.field", equalTo(List.of("name", "frameRate", "codebooks", "codebookSize")));
    given()
        .when()
        .get("/api/codecs")
        .then()
        .statusCode(200)
        .body("name", org.hamcrest.Matchers.not(hasItems("bad name!")));
  }

  @Test
  void shouldRefuseResynthesesThatCannotBeCompared() {
    register("codec-refusals", 50, 1, 256);
    upload("codec-nowhere", id("content-01"), demoPrompt("content-01"), 404);
    upload("codec-refusals", "text-only", demoPrompt("content-01"), 422);
    upload("codec-refusals", id("content-01"), "not audio".getBytes(), 415);
    upload(
        "codec-refusals",
        id("content-01"),
        WavWriter.pcm16(new float[(int) (0.3 * 16_000)], 16_000),
        422);
    given()
        .when()
        .get("/api/datasets/" + DATASET + "/systems")
        .then()
        .statusCode(200)
        .body("name", org.hamcrest.Matchers.not(hasItems("codec-refusals")));
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("dataset", DATASET, "codecs", List.of("codec-unknown")))
        .when()
        .post("/api/codecs/runs")
        .then()
        .statusCode(422)
        .contentType("application/problem+json");
    given()
        .when()
        .get("/api/codecs/leaderboard?dataset=no-such-dataset")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  private static void register(String name, double frameRate, int codebooks, int codebookSize) {
    given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "name",
                name,
                "frameRate",
                frameRate,
                "codebooks",
                codebooks,
                "codebookSize",
                codebookSize))
        .when()
        .post("/api/codecs")
        .then()
        .statusCode(201);
  }

  private static void upload(String codec, String prompt, byte[] audio) {
    upload(codec, prompt, audio, 201);
  }

  private static void upload(String codec, String prompt, byte[] audio, int status) {
    given()
        .multiPart("audio", prompt + ".wav", audio, "audio/wav")
        .when()
        .post("/api/codecs/" + codec + "/resyntheses/" + DATASET + "/" + prompt)
        .then()
        .statusCode(status);
  }

  private static Map<String, Double> metric(JsonPath board, String key) {
    Map<String, Double> means = new java.util.HashMap<>();
    List<String> codecs = board.getList("codecs.codec");
    for (int i = 0; i < codecs.size(); i++) {
      means.put(codecs.get(i), board.getDouble("codecs[" + i + "].metrics." + key + ".mean"));
    }
    return means;
  }

  private static byte[] demoPrompt(String prompt) {
    try {
      return Files.readAllBytes(DEMO_PROMPTS.resolve(prompt + ".flac"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] degraded(String prompt, UnaryOperator<float[]> degradation) {
    try {
      MonoAudio original =
          new AudioDecoder(AudioLimits.DEFAULTS).decodeMono(ByteBuffer.wrap(demoPrompt(prompt)));
      return WavWriter.pcm16(degradation.apply(original.samples()), original.sampleRate());
    } catch (AudioRejectedException e) {
      throw new IllegalStateException(e);
    }
  }
}

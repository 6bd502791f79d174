package dev.earshot.codec.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;

import dev.earshot.evaluation.rest.Runs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The codec demo, built as at a first start, ranks its simulated codecs as they were built. */
@QuarkusTest
class CodecDemoTest {

  private static final RestAssuredConfig DOUBLES =
      RestAssuredConfig.config()
          .jsonConfig(
              JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));

  @Inject CodecDemoLoader demo;

  @Test
  void shouldRankTheSimulatedCodecsAsTheyWereBuilt() {
    demo.loadIfMissing();
    demo.loadIfMissing(); // a restart: nothing is built or registered twice
    assertThat(demo.ready()).as("ready only with earshot.demo.codecs on").isFalse();

    long run = demo.start().id();
    assertThat(Runs.awaitFinished(run).getString("status")).isEqualTo("completed");

    int prompts = CodecDemoLoader.PROMPTS.size();
    JsonPath board =
        given()
            .config(DOUBLES)
            .when()
            .get("/api/codecs/leaderboard?dataset=" + CodecDemoLoader.DATASET)
            .then()
            .statusCode(200)
            // By ascending declared bitrate: 500, 1,000, 6,000 and 24,000 bit/s.
            .body(
                "codecs.codec",
                equalTo(
                    List.of(
                        "sim-noise-5db", "sim-lowpass-3k", "sim-noise-20db", "sim-transparent")))
            .body("codecs.bitrateBps", equalTo(List.of(500.0, 1_000.0, 6_000.0, 24_000.0)))
            .body("codecs.items", equalTo(List.of(prompts, prompts, prompts, prompts)))
            .extract()
            .jsonPath();

    Map<String, Double> stoi = means(board, "stoi");
    Map<String, Double> siSdr = means(board, "siSdrDb");
    assertThat(stoi.get("sim-transparent")).isCloseTo(1.0, within(1e-9));
    assertThat(siSdr.get("sim-transparent")).isEqualTo(100.0);
    for (String degraded : List.of("sim-noise-20db", "sim-noise-5db", "sim-lowpass-3k")) {
      assertThat(stoi.get("sim-transparent")).isGreaterThan(stoi.get(degraded));
      assertThat(siSdr.get("sim-transparent")).isGreaterThan(siSdr.get(degraded));
    }
    assertThat(stoi.get("sim-noise-20db")).isGreaterThan(stoi.get("sim-noise-5db"));
    assertThat(siSdr.get("sim-noise-20db")).isGreaterThan(siSdr.get("sim-noise-5db"));
    assertThat(siSdr.get("sim-noise-20db")).isCloseTo(20.0, within(1.0));
    assertThat(siSdr.get("sim-noise-5db")).isCloseTo(5.0, within(1.0));
    assertThat(means(board, "bandwidthResynthesisedHz").get("sim-lowpass-3k")).isLessThan(3_500.0);
  }

  private static Map<String, Double> means(JsonPath board, String metric) {
    Map<String, Double> means = new HashMap<>();
    List<String> codecs = board.getList("codecs.codec");
    for (int i = 0; i < codecs.size(); i++) {
      means.put(codecs.get(i), board.getDouble("codecs[" + i + "].metrics." + metric + ".mean"));
    }
    return means;
  }
}

package dev.earshot.codec.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.evaluation.rest.Runs;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A first start with the codec demo and the demo evaluation switched on, as in production: the
 * codec demo is built, its codecs registered and its codec run queued without anyone asking.
 */
@QuarkusTest
@TestProfile(CodecDemoFirstStartTest.FirstStart.class)
class CodecDemoFirstStartTest {

  /**
   * The codec demo on, the duplex demo off, and no judges, so that the demo's own first-start
   * evaluation is refused (logged) instead of running every judge.
   */
  public static class FirstStart implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      Path noJudges = Path.of("target", "codec-demo-no-judges");
      try {
        Files.createDirectories(noJudges);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return Map.of(
          "earshot.demo.codecs", "true",
          "earshot.demo.evaluate", "true",
          "earshot.demo.duplex", "false",
          "earshot.judges.dir", noJudges.toString());
    }
  }

  @Test
  void shouldBuildTheCodecDemoAndRunItsCodecsOnTheFirstStart() {
    assertThat(
            given()
                .when()
                .get("/api/codecs")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("name", String.class))
        .contains("sim-transparent", "sim-noise-20db", "sim-noise-5db", "sim-lowpass-3k");
    List<Integer> runs =
        given()
            .when()
            .get("/api/codecs/runs?dataset=" + CodecDemoLoader.DATASET)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("id", Integer.class);
    // The tests share one database across profiles: other codec tests may have run the demo set
    // before; the newest run is this start's.
    assertThat(runs).isNotEmpty();

    JsonPath run = Runs.awaitFinished(Collections.max(runs));

    assertThat(run.getString("status")).isEqualTo("completed");
    assertThat(run.getInt("total")).isEqualTo(4 * CodecDemoLoader.PROMPTS.size());
    assertThat(
            given()
                .when()
                .get("/api/codecs/leaderboard?dataset=" + CodecDemoLoader.DATASET)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("codecs.codec", String.class))
        .containsExactly("sim-noise-5db", "sim-lowpass-3k", "sim-noise-20db", "sim-transparent");
  }
}

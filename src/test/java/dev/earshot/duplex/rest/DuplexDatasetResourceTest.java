package dev.earshot.duplex.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;

import dev.earshot.duplex.service.DuplexDemoLoader;
import dev.earshot.evaluation.rest.Runs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The synthetic duplex demo through the whole path: built and imported, scored by the turn-taking
 * judge in an evaluation run, aggregated per system and ranked on the leaderboard.
 */
@QuarkusTest
class DuplexDatasetResourceTest {

  private static final double TOLERANCE_SECONDS = 0.03;

  @Inject DuplexDemoLoader demo;

  @Test
  void shouldMeasureAndRankTheDemoSystemsAsTheyWereBuilt() {
    demo.loadIfMissing();
    long run =
        Runs.start(Map.of("dataset", DuplexDemoLoader.DATASET, "judges", List.of("turn-taking")));
    JsonPath finished = Runs.awaitFinished(run);
    assertThat(finished.getString("status")).isEqualTo("completed");
    assertThat(finished.getLong("done")).isEqualTo(9);

    JsonPath report =
        given()
            .when()
            .get("/api/datasets/" + DuplexDemoLoader.DATASET + "/duplex")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    assertThat(report.getList("systems.system", String.class))
        .containsExactly("patient", "eager", "never-yields");
    assertThat(report.getList("judges", String.class))
        .singleElement()
        .asString()
        .startsWith("turn-taking@");
    // Median latency per dialogue as built: 0.3 s, -0.6 s (answers before the user ends), 0.5 s.
    Map<String, Double> builtMedianLatency =
        Map.of("patient", 0.3, "eager", -0.6, "never-yields", 0.5);
    builtMedianLatency.forEach(
        (system, latency) -> {
          String metric =
              "systems.find { it.system == '" + system + "' }.metrics.medianLatencySeconds";
          assertThat(report.getDouble(metric + ".mean"))
              .as(system)
              .isCloseTo(latency, within(TOLERANCE_SECONDS));
          assertThat(report.getInt(metric + ".n")).isEqualTo(3);
          assertThat(report.getDouble(metric + ".lower"))
              .isLessThanOrEqualTo(report.getDouble(metric + ".mean"));
          assertThat(report.getDouble(metric + ".upper"))
              .isGreaterThanOrEqualTo(report.getDouble(metric + ".mean"));
        });
    assertThat(metric(report, "eager", "interruptions")).isEqualTo(2.0);
    assertThat(metric(report, "patient", "interruptions")).isZero();
    assertThat(metric(report, "patient", "backchannels")).isEqualTo(1.0);
    assertThat(metric(report, "patient", "yieldedWithin1s")).isEqualTo(1.0);
    assertThat(metric(report, "never-yields", "yieldedWithin1s")).isZero();
    assertThat(metric(report, "never-yields", "meanYieldSeconds"))
        .isCloseTo((3.0 + 1.3) / 2, within(TOLERANCE_SECONDS));

    List<String> leaderboard =
        given()
            .queryParam("source", "judge:turn-taking")
            .queryParam("dimension", "turn-taking")
            .queryParam("dataset", DuplexDemoLoader.DATASET)
            .queryParam("bootstrap", 0)
            .when()
            .get("/api/leaderboard")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("system", String.class);
    assertThat(leaderboard).containsExactly("patient", "eager", "never-yields");
  }

  @Test
  void shouldListNoSystemsForADatasetWithoutDialogues() {
    given()
        .when()
        .get("/api/datasets/demo/duplex")
        .then()
        .statusCode(200)
        .body("dataset", equalTo("demo"))
        .body("systems.size()", equalTo(0));
  }

  @Test
  void shouldAnswer404ForAnUnknownDataset() {
    given()
        .when()
        .get("/api/datasets/no-such-dataset/duplex")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  private static double metric(JsonPath report, String system, String metric) {
    return report.getDouble(
        "systems.find { it.system == '" + system + "' }.metrics." + metric + ".mean");
  }
}

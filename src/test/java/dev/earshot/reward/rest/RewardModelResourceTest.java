package dev.earshot.reward.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.earshot.evaluation.rest.Runs;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(RewardModelProfile.class)
class RewardModelResourceTest {

  @Inject EntityManager em;

  private static ExtractableResponse<Response> post(Map<String, Object> body) {
    return given()
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/api/reward-models")
        .then()
        .extract();
  }

  private static JsonPath awaitFinished(String location) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(300));
    while (Instant.now().isBefore(deadline)) {
      JsonPath training = given().when().get(location).then().statusCode(200).extract().jsonPath();
      String status = training.getString("status");
      if (!status.equals("queued") && !status.equals("running")) {
        return training;
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("training " + location + " did not finish in 300 s");
  }

  @Test
  void shouldTrainOnTheDemoVotesAndScoreResponsesAsANewJudge() {
    ExtractableResponse<Response> accepted =
        post(
            Map.of(
                "name", "demo-preference",
                "dataset", "demo",
                "dimension", "overall",
                "source", "simulated",
                "steps", 50,
                "seed", 3));
    assertThat(accepted.statusCode()).isEqualTo(202);
    String location = accepted.header("Location");
    assertThat(location).endsWith("/api/reward-models/" + accepted.jsonPath().getLong("id"));
    assertThat(accepted.jsonPath().getString("config.source")).isEqualTo("simulated");
    assertThat(accepted.jsonPath().getInt("totalSteps")).isEqualTo(50);

    JsonPath training = awaitFinished(location);
    assertThat(training.getString("status")).as(training.prettify()).isEqualTo("succeeded");
    assertThat(training.getInt("step")).isEqualTo(50);
    String judge = training.getString("judge");
    JsonPath metrics = training.setRootPath("metrics");
    // The demo's 432 simulated votes, and none of the 'overall' votes people gave in campaigns.
    long simulatedOverallVotes =
        ((Number)
                em.createNativeQuery(
                        "SELECT count(*) FROM preference p JOIN prompt pr ON pr.id = p.prompt_id"
                            + " JOIN dataset d ON d.id = pr.dataset_id WHERE d.name = 'demo'"
                            + " AND p.dimension = 'overall' AND p.source_kind = 'simulated'")
                    .getSingleResult())
            .longValue();
    assertThat(simulatedOverallVotes).isEqualTo(432);
    assertThat(metrics.getInt("pairs") + metrics.getInt("excludedPairs"))
        .as("every simulated 'overall' vote on the demo")
        .isEqualTo(simulatedOverallVotes);
    assertThat(metrics.getInt("trainingPairs") + metrics.getInt("heldOutPairs"))
        .isEqualTo(metrics.getInt("pairs"));
    assertThat(metrics.getInt("heldOutPairs")).isPositive();
    assertThat(metrics.getInt("responses")).isEqualTo(96);
    assertThat(metrics.getList("linearWeights.feature"))
        .startsWith("duration_s")
        .contains("snr_db", "score_audio_quality");
    // Overall the simulated raters prefer the reference system and rate the other three alike, so
    // only part of the pairs can be predicted. The baseline (Commons Math, deterministic) does
    // better than chance on the held-out prompts; the network's accuracy is reported as measured.
    assertThat(metrics.getDouble("linear.heldOutAccuracy")).isGreaterThan(0.55);
    assertThat(metrics.getDouble("network.heldOutAccuracy")).isBetween(0.0, 1.0);
    assertThat(metrics.getDouble("network.trainingAccuracy")).isGreaterThan(0.55);

    assertThat(judge).startsWith("demo-preference@");
    String version = judge.substring("demo-preference@".length());
    given()
        .when()
        .get("/api/judges")
        .then()
        .statusCode(200)
        .body("find { it.id == 'demo-preference' }.kind", equalTo("reward-model"))
        .body("find { it.id == 'demo-preference' }.version", equalTo(version))
        .body("find { it.id == 'demo-preference' }.runnable", equalTo(true))
        .body("find { it.id == 'demo-preference' }.dimensions", equalTo(List.of("overall")));
    assertThat(RewardModelProfile.JUDGES.resolve("demo-preference.json")).isRegularFile();
    assertThat(Path.of("judges", "demo-preference.json")).doesNotExist();

    long run =
        Runs.start(
            Map.of(
                "dataset", "demo",
                "systems", List.of("reference", "noisy"),
                "judges", List.of("demo-preference")));
    assertThat(Runs.awaitFinished(run).getString("status")).isEqualTo("completed");
    List<Map<String, Object>> summary =
        given()
            .when()
            .get("/api/runs/" + run + "/summary")
            .then()
            .extract()
            .jsonPath()
            .getList("$");
    assertThat(summary)
        .extracting(row -> row.get("judge"), row -> row.get("dimension"), row -> row.get("count"))
        .containsOnly(org.assertj.core.groups.Tuple.tuple(judge, "overall", 24));
    Map<Object, Double> means =
        summary.stream()
            .collect(
                java.util.stream.Collectors.toMap(
                    row -> row.get("system"), row -> ((Number) row.get("mean")).doubleValue()));
    assertThat(means.get("reference")).isGreaterThan(means.get("noisy"));
  }

  @Test
  void shouldRejectInvalidSettingsWithProblems() {
    assertThat(post(Map.of("name", "Not An Id")).statusCode()).isEqualTo(400);
    assertThat(post(Map.of("name", "rm", "steps", 0)).statusCode()).isEqualTo(400);
    assertThat(post(Map.of("name", "rm", "holdoutFraction", 1)).statusCode()).isEqualTo(400);
    assertThat(post(Map.of("name", "rm", "dimension", "style")).statusCode()).isEqualTo(400);
    assertThat(post(Map.of("name", "rm", "source", "everyone")).statusCode()).isEqualTo(400);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("name", "audio-quality"))
        .when()
        .post("/api/reward-models")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("dsp judge"));
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("name", "rm", "dataset", "no-such-dataset"))
        .when()
        .post("/api/reward-models")
        .then()
        .statusCode(422)
        .body("title", equalTo("Unknown dataset"));
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("name", "rm", "source", "judge:nobody"))
        .when()
        .post("/api/reward-models")
        .then()
        .statusCode(422)
        .body("title", equalTo("Too few preferences"));
    // The demo's votes are simulated: people's votes alone (the default) are none on nonspeech.
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("name", "rm", "dataset", "demo", "dimension", "nonspeech"))
        .when()
        .post("/api/reward-models")
        .then()
        .statusCode(422)
        .body("title", equalTo("Too few preferences"))
        .body("detail", containsString("need source=simulated"));
    given().when().get("/api/reward-models/999999").then().statusCode(404);
    assertThat(given().when().get("/api/reward-models").then().extract().jsonPath().getList("name"))
        .doesNotContain("rm");
    assertThat(Files.exists(RewardModelProfile.JUDGES.resolve("rm.json"))).isFalse();
  }
}

package dev.earshot.evaluation.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RunResourceTest {

  private static final Map<String, String> JUDGE_OF_DIMENSION =
      Map.of(
          "content", "content-accuracy",
          "prosody", "prosody-appropriateness",
          "emotion", "acoustic-arousal",
          "nonspeech", "nonspeech-naming",
          "quality", "audio-quality");

  @Inject EntityManager entityManager;

  @Test
  void shouldListTheDeclaredJudgesWithVersions() {
    given()
        .when()
        .get("/api/judges")
        .then()
        .statusCode(200)
        .body("find { it.id == 'audio-quality' }.kind", equalTo("dsp"))
        .body("find { it.id == 'audio-quality' }.version.length()", equalTo(12))
        .body("find { it.id == 'audio-quality' }.runnable", equalTo(true))
        .body(
            "find { it.id == 'prosody-appropriateness' }.rationale.prosody",
            containsString("final pitch movement"))
        // Voice activity is not prosody appropriateness: it is listed under quality only.
        .body("find { it.id == 'speech-activity' }.dimensions", contains("quality"))
        .body("findAll { it.dimensions.contains('prosody') }.id", not(hasItem("speech-activity")));
  }

  @Test
  void shouldOrderTheDemoSystemsAsTheTruthSaysThroughARealRun() throws IOException {
    long run = Runs.start(Map.of("dataset", "demo"));
    JsonPath finished = Runs.awaitFinished(run);
    assertThat(finished.getString("status")).isEqualTo("completed");
    int runnableJudges =
        given()
            .when()
            .get("/api/judges")
            .then()
            .extract()
            .jsonPath()
            .getList("findAll { it.runnable }")
            .size();
    assertThat(finished.getLong("done"))
        .isEqualTo(finished.getLong("total"))
        .isEqualTo(96L * runnableJudges);

    List<Map<String, Object>> summary =
        given()
            .when()
            .get("/api/runs/" + run + "/summary")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("$");
    JsonNode truth =
        new ObjectMapper().readTree(Path.of("datasets/demo/truth.json").toFile()).get("order");
    for (Map.Entry<String, String> entry : JUDGE_OF_DIMENSION.entrySet()) {
      Map<String, Double> means = new HashMap<>();
      summary.stream()
          .filter(row -> row.get("dimension").equals(entry.getKey()))
          .filter(row -> ((String) row.get("judge")).startsWith(entry.getValue() + "@"))
          .forEach(
              row ->
                  means.put((String) row.get("system"), ((Number) row.get("mean")).doubleValue()));
      JsonNode tiers = truth.get(entry.getKey());
      for (int better = 0; better < tiers.size(); better++) {
        for (int worse = better + 1; worse < tiers.size(); worse++) {
          for (JsonNode high : tiers.get(better)) {
            for (JsonNode low : tiers.get(worse)) {
              assertThat(means.get(high.asText()))
                  .as("%s: %s above %s (%s)", entry.getKey(), high.asText(), low.asText(), means)
                  .isGreaterThan(means.get(low.asText()));
            }
          }
        }
      }
    }

    long responseId =
        given()
            .when()
            .get("/api/runs/" + run + "/scores")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getLong("find { it.system == 'noisy' && it.dimension == 'quality' }.responseId");
    given()
        .queryParam("response", responseId)
        .when()
        .get("/api/scores")
        .then()
        .statusCode(200)
        .body("find { it.dimension == 'quality' }.judge", equalTo("audio-quality"))
        .body("find { it.dimension == 'quality' }.reason", containsString("clipping"))
        .body("find { it.judge == 'speech-activity' }.reason", containsString("speech starts at"));

    // Each judge's own leaderboard, from battles derived from its scores, puts last what the truth
    // puts last.
    for (Map.Entry<String, String> entry : JUDGE_OF_DIMENSION.entrySet()) {
      List<String> order =
          given()
              .queryParam("source", "judge:" + entry.getValue())
              .queryParam("dimension", entry.getKey())
              .queryParam("bootstrap", 0)
              .when()
              .get("/api/leaderboard")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath()
              .getList("system");
      JsonNode tiers = truth.get(entry.getKey());
      JsonNode worst = tiers.get(tiers.size() - 1);
      assertThat(order.get(order.size() - 1))
          .as("last on %s's leaderboard", entry.getValue())
          .isIn(
              java.util.stream.StreamSupport.stream(worst.spliterator(), false)
                  .map(JsonNode::asText)
                  .toList());
    }

    // The judge audit compares each judge's (score-derived) verdicts with the simulated raters,
    // which it reads only when asked: by default it audits against people.
    JsonPath audit =
        given()
            .queryParam("dimension", "quality")
            .queryParam("source", "simulated")
            .when()
            .get("/api/judge-audit")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    String quality = "find { it.judge.startsWith('audio-quality@') }";
    assertThat(audit.getLong(quality + ".sharedItems")).isPositive();
    assertThat(audit.getDouble(quality + ".agreementWithHumanMajorityWithoutTies"))
        .isGreaterThan(0.8);
    assertThat(audit.getInt(quality + ".rankCorrelation.systems")).isEqualTo(4);
  }

  @Test
  void shouldListAModelJudgeWithoutItsModelAsNotConfiguredAndRefuseToRunIt() {
    given()
        .when()
        .get("/api/judges")
        .then()
        .statusCode(200)
        .body("find { it.id == 'emotion-classifier' }.runnable", equalTo(false))
        .body(
            "find { it.id == 'emotion-classifier' }.unavailableReason",
            containsString("not configured: model file"))
        .body("find { it.id == 'speech-activity' }.runnable", equalTo(true));
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("dataset", "demo", "judges", List.of("emotion-classifier")))
        .when()
        .post("/api/runs")
        .then()
        .statusCode(422)
        .body("detail", containsString("not configured"));
  }

  @Test
  void shouldListTheLlmJudgesAsNotConfiguredWithoutAModelAndRefuseToRunThem() {
    for (String judge : List.of("llm-rubric", "llm-pairwise")) {
      given()
          .when()
          .get("/api/judges")
          .then()
          .statusCode(200)
          .body("find { it.id == '" + judge + "' }.kind", equalTo("llm"))
          .body("find { it.id == '" + judge + "' }.runnable", equalTo(false))
          .body(
              "find { it.id == '" + judge + "' }.unavailableReason",
              equalTo(
                  "not configured: set earshot.judges.llm.base-url and earshot.judges.llm.model"
                      + " (EARSHOT_JUDGES_LLM_BASE_URL, EARSHOT_JUDGES_LLM_MODEL)"));
      given()
          .contentType(ContentType.JSON)
          .body(Map.of("dataset", "demo", "judges", List.of(judge)))
          .when()
          .post("/api/runs")
          .then()
          .statusCode(422)
          .body("detail", containsString("not configured"));
    }
  }

  @Test
  void shouldListTheTranscriptionJudgeAsNotConfiguredWithoutAUrlAndRefuseToRunIt() {
    given()
        .when()
        .get("/api/judges")
        .then()
        .statusCode(200)
        .body("find { it.id == 'asr-transcription' }.kind", equalTo("transcription"))
        .body("find { it.id == 'asr-transcription' }.runnable", equalTo(false))
        .body(
            "find { it.id == 'asr-transcription' }.unavailableReason",
            equalTo(
                "not configured: set earshot.transcription.url (EARSHOT_TRANSCRIPTION_URL) to an"
                    + " OpenAI-compatible API root, e.g. http://127.0.0.1:8178/v1"));
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("dataset", "demo", "judges", List.of("asr-transcription")))
        .when()
        .post("/api/runs")
        .then()
        .statusCode(422)
        .body("detail", containsString("not configured"));
  }

  @Test
  void shouldNeverScoreAResponseTwiceAcrossRuns() {
    Map<String, Object> request =
        Map.of(
            "dataset", "demo", "systems", List.of("monotone"), "judges", List.of("audio-quality"));
    Runs.awaitFinished(Runs.start(request));
    long before = scoreCount();
    JsonPath second = Runs.awaitFinished(Runs.start(request));
    assertThat(second.getLong("done")).isEqualTo(24);
    assertThat(scoreCount()).isEqualTo(before);
  }

  @Test
  void shouldFinishAJobWhoseWorkerDied() {
    long run =
        Runs.awaitFinished(
                Runs.start(
                    Map.of(
                        "dataset",
                        "demo",
                        "systems",
                        List.of("reference"),
                        "judges",
                        List.of("nonspeech-naming"))))
            .getLong("id");
    // Simulate a worker killed mid-job: the job is left running with an expired lease and no score.
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Object[] job =
                  (Object[])
                      entityManager
                          .createNativeQuery(
                              "SELECT id, response_id FROM evaluation_job WHERE run_id = ?1 AND judge_id = 'nonspeech-naming' ORDER BY id LIMIT 1")
                          .setParameter(1, run)
                          .getSingleResult();
              entityManager
                  .createNativeQuery(
                      "DELETE FROM judge_score WHERE response_id = ?1 AND judge_id = 'nonspeech-naming'")
                  .setParameter(1, ((Number) job[1]).longValue())
                  .executeUpdate();
              entityManager
                  .createNativeQuery(
                      "UPDATE evaluation_job SET status = 'running', claimed_by = 'dead-worker', lease_until = now() - interval '1 second' WHERE id = ?1")
                  .setParameter(1, ((Number) job[0]).longValue())
                  .executeUpdate();
              entityManager
                  .createNativeQuery("UPDATE evaluation_run SET finished_at = NULL WHERE id = ?1")
                  .setParameter(1, run)
                  .executeUpdate();
            });
    JsonPath resumed = Runs.awaitFinished(run);
    assertThat(resumed.getString("status")).isEqualTo("completed");
    Number duplicates =
        (Number)
            entityManager
                .createNativeQuery(
                    "SELECT count(*) FROM (SELECT 1 FROM judge_score GROUP BY response_id, judge_id, judge_version, dimension HAVING count(*) > 1) d")
                .getSingleResult();
    assertThat(duplicates.longValue()).isZero();
  }

  @Test
  void shouldRejectUnknownDatasetSystemOrJudge() {
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("dataset", "nope"))
        .when()
        .post("/api/runs")
        .then()
        .statusCode(422)
        .contentType("application/problem+json");
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("dataset", "demo", "systems", List.of("nobody")))
        .when()
        .post("/api/runs")
        .then()
        .statusCode(422)
        .body("detail", containsString("nobody"));
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("dataset", "demo", "judges", List.of("mind-reader")))
        .when()
        .post("/api/runs")
        .then()
        .statusCode(422)
        .body("detail", containsString("mind-reader"));
    given().when().get("/api/runs/999999").then().statusCode(404);
  }

  private long scoreCount() {
    return ((Number)
            entityManager.createNativeQuery("SELECT count(*) FROM judge_score").getSingleResult())
        .longValue();
  }
}

package dev.earshot.evaluation.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.earshot.judge.llm.FakeChatServer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(LlmJudgeProfile.class)
class LlmRunResourceTest {

  /** Every demo prompt names two dimensions. */
  private static final int DIMENSIONS_PER_PROMPT = 2;

  private static final int DEMO_PROMPTS = 24;

  @Inject EntityManager entityManager;

  @Test
  void shouldListTheLlmJudgesAsRunnableWithVersionsThatCoverTheModel() {
    String version =
        given()
            .when()
            .get("/api/judges")
            .then()
            .statusCode(200)
            .body("find { it.id == 'llm-rubric' }.runnable", equalTo(true))
            .body("find { it.id == 'llm-pairwise' }.runnable", equalTo(true))
            .body("find { it.id == 'llm-pairwise' }.pairwise", equalTo(true))
            .body("find { it.id == 'llm-rubric' }.pairwise", equalTo(false))
            .extract()
            .jsonPath()
            .getString("find { it.id == 'llm-rubric' }.version");
    Object recordedModel =
        entityManager
            .createNativeQuery(
                "SELECT definition ->> 'model' FROM judge_version WHERE judge_id = 'llm-rubric'"
                    + " AND version = ?1")
            .setParameter(1, version)
            .getSingleResult();
    assertThat(recordedModel).isEqualTo(FakeJudgeModel.MODEL);
  }

  @Test
  void shouldScoreEveryNamedDimensionWithTheModelsRatingAndRationale() {
    int requestsBefore = server().requestCount();
    JsonPath run =
        Runs.awaitFinished(
            Runs.start(
                Map.of(
                    "dataset",
                    "demo",
                    "systems",
                    List.of("reference"),
                    "judges",
                    List.of("llm-rubric"))));
    assertThat(run.getString("status")).isEqualTo("completed");

    List<Map<String, Object>> scores =
        given()
            .when()
            .get("/api/runs/" + run.getLong("id") + "/scores")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("$");
    assertThat(scores).hasSize(DEMO_PROMPTS * DIMENSIONS_PER_PROMPT);
    assertThat(scores)
        .allSatisfy(
            score -> {
              assertThat(score.get("judge")).isEqualTo("llm-rubric");
              assertThat(((Number) score.get("value")).doubleValue()).isEqualTo(0.75);
              assertThat((String) score.get("reason")).contains(FakeJudgeModel.RATIONALE);
            });
    assertThat(
            scores.stream()
                .filter(score -> score.get("prompt").equals("content-01"))
                .map(score -> score.get("dimension")))
        .containsExactlyInAnyOrder("content", "quality");

    // The model heard the prompt audio (FLAC in the dataset) and the response audio, both as WAV.
    FakeChatServer.Received request = server().request(requestsBefore + 1);
    assertThat(request.audioParts())
        .hasSize(2)
        .allSatisfy(
            wav -> assertThat(new String(wav, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF"));
  }

  @Test
  void shouldAnswerARescoringFromTheCacheWithoutAskingTheModel() {
    Map<String, Object> request =
        Map.of("dataset", "demo", "systems", List.of("noisy"), "judges", List.of("llm-rubric"));
    Runs.awaitFinished(Runs.start(request));
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery("DELETE FROM judge_score WHERE judge_id = 'llm-rubric'")
                    .executeUpdate());
    int requestsBefore = server().requestCount();

    JsonPath again = Runs.awaitFinished(Runs.start(request));

    assertThat(again.getString("status")).isEqualTo("completed");
    assertThat(server().requestCount()).isEqualTo(requestsBefore);
    assertThat(
            given()
                .when()
                .get("/api/runs/" + again.getLong("id") + "/scores")
                .then()
                .extract()
                .jsonPath()
                .getList("$"))
        .hasSize(DEMO_PROMPTS * DIMENSIONS_PER_PROMPT);
  }

  @Test
  void shouldStorePreferencesWithPositionConflictsAndReuseTheAnswersInAnotherRun() {
    Map<String, Object> request =
        Map.of(
            "dataset",
            "demo",
            "systems",
            List.of("reference", "monotone"),
            "judges",
            List.of("llm-pairwise"));
    JsonPath run = Runs.awaitFinished(Runs.start(request));
    assertThat(run.getString("status")).isEqualTo("completed");
    assertThat(run.getLong("total")).isEqualTo(DEMO_PROMPTS);
    String version =
        given()
            .when()
            .get("/api/judges")
            .then()
            .extract()
            .jsonPath()
            .getString("find { it.id == 'llm-pairwise' }.version");

    List<Map<String, Object>> preferences =
        given()
            .when()
            .get("/api/runs/" + run.getLong("id") + "/preferences")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("$");
    assertThat(preferences).hasSize(DEMO_PROMPTS * DIMENSIONS_PER_PROMPT);
    assertThat(preferences)
        .allSatisfy(
            preference -> {
              assertThat(preference.get("source")).isEqualTo("llm-pairwise@" + version);
              assertThat(preference.get("systemA")).isEqualTo("monotone");
              assertThat(preference.get("systemB")).isEqualTo("reference");
              boolean consistent = preference.get("dimension").equals("content");
              assertThat(preference.get("positionConflict")).isEqualTo(!consistent);
              if (consistent) {
                assertThat(preference.get("verdict")).isIn("a_better", "b_better");
              } else {
                assertThat(preference.get("verdict")).isEqualTo("tie");
              }
            });
    long conflicts =
        preferences.stream().filter(p -> Boolean.TRUE.equals(p.get("positionConflict"))).count();
    assertThat(run.getLong("preferences")).isEqualTo(preferences.size());
    assertThat(run.getLong("positionConflicts")).isEqualTo(conflicts).isPositive();
    assertThat(preferenceRows(run.getLong("id"))).isEqualTo(preferences.size());

    int requestsBefore = server().requestCount();
    JsonPath again = Runs.awaitFinished(Runs.start(request));
    assertThat(again.getLong("preferences")).isEqualTo(preferences.size());
    assertThat(server().requestCount()).isEqualTo(requestsBefore);

    // The judge's leaderboard counts each verdict once, although two runs stored it.
    long prosodyVerdicts =
        preferences.stream().filter(p -> p.get("dimension").equals("prosody")).count();
    JsonPath board =
        given()
            .queryParam("source", "judge:llm-pairwise")
            .queryParam("dimension", "prosody")
            .queryParam("bootstrap", 0)
            .when()
            .get("/api/leaderboard")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(board.getList("system")).containsExactlyInAnyOrder("monotone", "reference");
    assertThat(board.getLong("[0].battles")).isEqualTo(prosodyVerdicts);
    assertThat(board.getLong("[0].ties")).isEqualTo(prosodyVerdicts);
    assertThat(board.getDouble("[0].rating"))
        .isEqualTo(1000.0, org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void shouldRefuseAPairwiseJudgeForASingleSystem() {
    given()
        .contentType("application/json")
        .body(
            Map.of(
                "dataset",
                "demo",
                "systems",
                List.of("reference"),
                "judges",
                List.of("llm-pairwise")))
        .when()
        .post("/api/runs")
        .then()
        .statusCode(422)
        .body(
            "detail",
            equalTo("Judge 'llm-pairwise' compares systems; choose at least two systems"));
  }

  private long preferenceRows(long run) {
    return ((Number)
            entityManager
                .createNativeQuery(
                    "SELECT count(*) FROM preference pr JOIN evaluation_job j ON j.id = pr.job_id"
                        + " WHERE j.run_id = ?1 AND pr.source_kind = 'judge'")
                .setParameter(1, run)
                .getSingleResult())
        .longValue();
  }

  private static FakeChatServer server() {
    return FakeJudgeModel.server();
  }
}

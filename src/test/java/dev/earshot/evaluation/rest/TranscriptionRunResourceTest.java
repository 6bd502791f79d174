package dev.earshot.evaluation.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.earshot.judge.transcription.FakeTranscriptionServer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(TranscriptionProfile.class)
class TranscriptionRunResourceTest {

  /** Every demo prompt has a reference, so every response is transcribed. */
  private static final int DEMO_PROMPTS = 24;

  private static final String JUDGE = "asr-transcription";

  @Inject EntityManager entityManager;

  @Test
  void shouldListTheTranscriptionJudgeAsRunnableWithAVersionThatCoversTheModel() {
    String version =
        given()
            .when()
            .get("/api/judges")
            .then()
            .statusCode(200)
            .body("find { it.id == 'asr-transcription' }.kind", equalTo("transcription"))
            .body("find { it.id == 'asr-transcription' }.runnable", equalTo(true))
            .body("find { it.id == 'asr-transcription' }.unavailableReason", equalTo(null))
            .extract()
            .jsonPath()
            .getString("find { it.id == 'asr-transcription' }.version");
    Object recordedModel =
        entityManager
            .createNativeQuery(
                "SELECT definition ->> 'model' FROM judge_version WHERE judge_id = ?1"
                    + " AND version = ?2")
            .setParameter(1, JUDGE)
            .setParameter(2, version)
            .getSingleResult();
    assertThat(recordedModel).isEqualTo(FakeTranscriptionModel.MODEL);
  }

  @Test
  void shouldScoreContentFromTranscriptsAndAnswerARescoringFromTheCache() {
    Map<String, Object> request =
        Map.of(
            "dataset",
            "demo",
            "systems",
            List.of("reference", "wrongfacts"),
            "judges",
            List.of(JUDGE, "content-accuracy"));
    int requestsBefore = server().requestCount();
    JsonPath run = Runs.awaitFinished(Runs.start(request));
    assertThat(run.getString("status")).isEqualTo("completed");
    int transcriptions = server().requestCount() - requestsBefore;
    assertThat(transcriptions).isBetween(1, 2 * DEMO_PROMPTS);

    List<Map<String, Object>> scores = scores(run.getLong("id"));
    Map<String, Map<String, Object>> heard = byResponse(scores, JUDGE);
    Map<String, Map<String, Object>> written = byResponse(scores, "content-accuracy");
    assertThat(heard).hasSize(2 * DEMO_PROMPTS);

    // The reference system says what it writes: both judges agree, and speech matches text.
    heard.entrySet().stream()
        .filter(entry -> entry.getKey().startsWith("reference/"))
        .forEach(
            entry -> {
              Map<String, Object> score = entry.getValue();
              assertThat(score.get("value")).isEqualTo(written.get(entry.getKey()).get("value"));
              assertThat(((Number) details(score).get("textChannelWer")).doubleValue()).isZero();
              assertThat(details(score)).containsEntry("speechContradictsText", false);
              assertThat((String) score.get("reason")).contains("speech matches the text channel");
            });
    // wrongfacts writes wrong facts but (to this fake recogniser) says the right ones.
    Map<String, Object> lyon = heard.get("wrongfacts/content-01");
    assertThat(details(lyon))
        .containsEntry("transcript", "The capital of France is Paris.")
        .containsEntry("keywordsFound", List.of("paris"));
    assertThat(((Number) details(lyon).get("textChannelWer")).doubleValue()).isPositive();
    assertThat(((Number) lyon.get("value")).doubleValue()).isEqualTo(1.0);
    assertThat(((Number) written.get("wrongfacts/content-01").get("value")).doubleValue())
        .isLessThan(0.5);

    // Scored again: every transcript comes from the cache.
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery("DELETE FROM judge_score WHERE judge_id = ?1")
                    .setParameter(1, JUDGE)
                    .executeUpdate());
    int requestsAfterFirstRun = server().requestCount();
    JsonPath again = Runs.awaitFinished(Runs.start(request));
    assertThat(again.getString("status")).isEqualTo("completed");
    assertThat(server().requestCount()).isEqualTo(requestsAfterFirstRun);
    assertThat(byResponse(scores(again.getLong("id")), JUDGE)).hasSize(2 * DEMO_PROMPTS);
  }

  private static List<Map<String, Object>> scores(long run) {
    return given()
        .when()
        .get("/api/runs/" + run + "/scores")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("$");
  }

  /** One judge's scores by "system/prompt". */
  private static Map<String, Map<String, Object>> byResponse(
      List<Map<String, Object>> scores, String judge) {
    return scores.stream()
        .filter(score -> score.get("judge").equals(judge))
        .collect(
            Collectors.toMap(
                score -> score.get("system") + "/" + score.get("prompt"), Function.identity()));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> details(Map<String, Object> score) {
    return (Map<String, Object>) score.get("details");
  }

  private static FakeTranscriptionServer server() {
    return FakeTranscriptionModel.server();
  }
}

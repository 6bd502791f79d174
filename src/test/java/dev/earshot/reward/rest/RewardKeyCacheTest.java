package dev.earshot.reward.rest;

import static dev.earshot.reward.rest.Rewards.base64;
import static dev.earshot.reward.rest.Rewards.json;
import static dev.earshot.reward.rest.Rewards.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.earshot.testing.TestAudio;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A warm reward key is recognised without the database; revoking it or changing its profile through
 * the service takes effect on the next call.
 */
@QuarkusTest
class RewardKeyCacheTest {

  private static final Map<String, Object> REQUEST =
      Map.of("query", List.of(Map.of("audio", base64(TestAudio.toneWav(275, 1, 16_000)))));

  /** Speech, which the quality judge scores above 0. */
  private static final Path SPEECH = Path.of("datasets/demo/responses/reference/content-01.wav");

  @Inject EntityManager em;

  @Test
  void shouldAnswerAWarmKeyFromMemoryAndForgetItWhenRevoked() {
    JsonNode key = issueKey(createProfile("warm-key", Map.of("kind", "none")));
    String url = "/api/reward/" + key.get("key").asText();
    assertThat(post(url, REQUEST).statusCode()).isEqualTo(200);

    // Revoked behind the service's back: the cached profile still answers, so no lookup happened.
    setRevoked(key.get("id").asLong(), true);
    assertThat(post(url, REQUEST).statusCode()).isEqualTo(200);
    setRevoked(key.get("id").asLong(), false);

    given()
        .when()
        .delete("/api/reward-profiles/warm-key/keys/" + key.get("id").asLong())
        .then()
        .statusCode(204);
    assertThat(post(url, REQUEST).statusCode()).isEqualTo(404);
  }

  @Test
  void shouldServeTheChangedProfileThroughAWarmKeyAtOnce() throws IOException {
    JsonNode key = issueKey(createProfile("changed-key", Map.of("kind", "none")));
    String url = "/api/reward/" + key.get("key").asText();
    Map<String, Object> speech =
        Map.of("query", List.of(Map.of("audio", base64(Files.readAllBytes(SPEECH)))));
    double before = json(post(url, speech)).at("/rewards/0").doubleValue();
    assertThat(before).isPositive();
    double ceiling = Math.round(before / 2 * 1000) / 1000.0;

    given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "judges",
                List.of(Map.of("judge", "audio-quality", "weights", Map.of("quality", 1.0))),
                "normalisation",
                Map.of("kind", "clip", "min", 0.0, "max", ceiling)))
        .when()
        .put("/api/reward-profiles/changed-key")
        .then()
        .statusCode(200);

    assertThat(json(post(url, speech)).at("/rewards/0").doubleValue()).isEqualTo(ceiling);
  }

  private static String createProfile(String name, Map<String, Object> normalisation) {
    assertThat(
            post(
                    "/api/reward-profiles",
                    Map.of(
                        "name",
                        name,
                        "judges",
                        List.of(
                            Map.of("judge", "audio-quality", "weights", Map.of("quality", 1.0))),
                        "normalisation",
                        normalisation))
                .statusCode())
        .isEqualTo(201);
    return name;
  }

  private static JsonNode issueKey(String profile) {
    return json(post("/api/reward-profiles/" + profile + "/keys", Map.of("label", "cache test")));
  }

  private void setRevoked(long keyId, boolean revoked) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "UPDATE reward_profile_key SET revoked_at = CASE WHEN ?2 THEN now() END"
                            + " WHERE id = ?1")
                    .setParameter(1, keyId)
                    .setParameter(2, revoked)
                    .executeUpdate());
  }
}

package dev.earshot.reward.rest;

import static dev.earshot.reward.rest.Rewards.base64;
import static dev.earshot.reward.rest.Rewards.json;
import static dev.earshot.reward.rest.Rewards.metric;
import static dev.earshot.reward.rest.Rewards.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.earshot.testing.TestAudio;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RewardProfileResourceTest {

  private static final Map<String, Object> QUALITY_ONLY =
      Map.of("judge", "audio-quality", "weights", Map.of("quality", 2.0));

  @Test
  void shouldServeTheDemoProfileOutOfTheBox() {
    JsonNode demo = json(given().when().get("/api/reward-profiles/demo").then().extract());
    assertThat(demo.get("judges").findValuesAsText("judge"))
        .containsExactly("prosody-appropriateness", "audio-quality", "content-accuracy");
    assertThat(demo.at("/judges/1/weights/quality").doubleValue()).isEqualTo(1.0);
    assertThat(demo.at("/normalisation/kind").asText()).isEqualTo("none");
  }

  @Test
  void shouldRewardThroughAKeyUntilTheKeyIsRevoked() {
    createProfile("keyed", List.of(QUALITY_ONLY), Map.of("kind", "none"));
    ExtractableResponse<Response> issued =
        post("/api/reward-profiles/keyed/keys", Map.of("label", "grpo run 7"));
    assertThat(issued.statusCode()).isEqualTo(201);
    JsonNode key = json(issued);
    String secret = key.get("key").asText();
    assertThat(secret).matches("[A-Za-z0-9_-]{43}");
    assertThat(key.get("rewardUrl").asText()).endsWith("/api/reward/" + secret);
    Map<String, Object> request =
        Map.of("query", List.of(Map.of("audio", base64(TestAudio.toneWav(250, 1, 16_000)))));

    ExtractableResponse<Response> rewarded = post("/api/reward/" + secret, request);
    assertThat(rewarded.statusCode()).isEqualTo(200);
    assertThat(json(rewarded).get("extra_logs").has("audio-quality/quality")).isTrue();

    JsonNode profile = json(given().when().get("/api/reward-profiles/keyed").then().extract());
    assertThat(profile.at("/keys/0/label").asText()).isEqualTo("grpo run 7");
    assertThat(profile.toString()).doesNotContain(secret);

    given()
        .when()
        .delete("/api/reward-profiles/keyed/keys/" + key.get("id").asLong())
        .then()
        .statusCode(204);
    ExtractableResponse<Response> revoked = post("/api/reward/" + secret, request);
    assertThat(revoked.statusCode()).isEqualTo(404);
    assertThat(revoked.contentType()).isEqualTo("application/problem+json");
    assertThat(json(revoked).get("detail").asText()).contains("revoked");
    assertThat(post("/api/reward/" + "x".repeat(43), request).statusCode()).isEqualTo(404);
    JsonNode after = json(given().when().get("/api/reward-profiles/keyed").then().extract());
    assertThat(after.at("/keys/0/revokedAt").isNull()).isFalse();
  }

  @Test
  void shouldNotServeCachedScoresAfterTheProfileChanged() {
    createProfile("changing", List.of(QUALITY_ONLY), Map.of("kind", "none"));
    Map<String, Object> request =
        Map.of("query", List.of(Map.of("audio", base64(TestAudio.toneWav(333, 1, 16_000)))));
    Map<String, String> misses = Map.of("profile", "changing", "cache", "miss");
    JsonNode before = json(post("/api/reward?profile=changing", request));
    post("/api/reward?profile=changing", request);
    assertThat(metric("earshot_reward_items_total", misses)).isEqualTo(1.0);

    given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "judges",
                List.of(QUALITY_ONLY),
                "normalisation",
                Map.of("kind", "clip", "min", 0.0, "max", 0.25)))
        .when()
        .put("/api/reward-profiles/changing")
        .then()
        .statusCode(200);
    JsonNode after = json(post("/api/reward?profile=changing", request));

    assertThat(metric("earshot_reward_items_total", misses)).isEqualTo(2.0);
    assertThat(after.at("/scores/0")).isEqualTo(before.at("/scores/0"));
    assertThat(after.at("/rewards/0").doubleValue())
        .isEqualTo(Math.min(0.25, before.at("/rewards/0").doubleValue()));
    assertThat(
            json(given().when().get("/api/reward-profiles/changing").then().extract())
                .get("revision")
                .asInt())
        .isEqualTo(2);
  }

  @Test
  void shouldRefuseABatchWithAnItemThatNoJudgeOfTheProfileCanScore() {
    createProfile(
        "content-only", List.of(Map.of("judge", "content-accuracy")), Map.of("kind", "none"));
    String audio = base64(TestAudio.toneWav(260, 1, 16_000));
    ExtractableResponse<Response> answer =
        post(
            "/api/reward?profile=content-only",
            Map.of(
                "query",
                List.of(Map.of("audio", audio, "text", "Paris."), Map.of("audio", audio)),
                "labels",
                List.of("Paris.", "Paris.")));

    assertThat(answer.statusCode()).isEqualTo(422);
    JsonNode problem = json(answer);
    assertThat(problem.get("detail").asText())
        .startsWith("query[1]: none of the judges of profile 'content-only' could score");
    assertThat(problem.at("/errors/0/index").intValue()).isEqualTo(1);
  }

  @Test
  void shouldRefuseProfilesThatCannotWork() {
    assertThat(createStatus("bad name!", List.of(QUALITY_ONLY))).isEqualTo(400);
    assertThat(createStatus("no-judges", List.of())).isEqualTo(422);
    assertThat(createStatus("unknown-judge", List.of(Map.of("judge", "no-such-judge"))))
        .isEqualTo(422);
    assertThat(
            createStatus(
                "unknown-dimension",
                List.of(Map.of("judge", "audio-quality", "weights", Map.of("prosody", 1.0)))))
        .isEqualTo(422);
    assertThat(
            createStatus(
                "negative-weight",
                List.of(Map.of("judge", "audio-quality", "weights", Map.of("quality", -1.0)))))
        .isEqualTo(422);
    assertThat(
            createStatus(
                "unknown-version", List.of(Map.of("judge", "audio-quality", "version", "0000"))))
        .isEqualTo(422);
    assertThat(createStatus("demo", List.of(QUALITY_ONLY))).isEqualTo(409);
    assertThat(
            given().when().get("/api/reward-profiles/unknown-judge").then().extract().statusCode())
        .isEqualTo(404);
  }

  private static void createProfile(
      String name, List<Map<String, Object>> judges, Map<String, Object> normalisation) {
    ExtractableResponse<Response> created =
        post(
            "/api/reward-profiles",
            Map.of("name", name, "judges", judges, "normalisation", normalisation));
    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
  }

  private static int createStatus(String name, List<Map<String, Object>> judges) {
    ExtractableResponse<Response> answer =
        post("/api/reward-profiles", Map.of("name", name, "judges", judges));
    assertThat(answer.contentType()).isEqualTo("application/problem+json");
    return answer.statusCode();
  }
}

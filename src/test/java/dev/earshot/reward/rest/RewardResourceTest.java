package dev.earshot.reward.rest;

import static dev.earshot.reward.rest.Rewards.base64;
import static dev.earshot.reward.rest.Rewards.demoResponse;
import static dev.earshot.reward.rest.Rewards.json;
import static dev.earshot.reward.rest.Rewards.metric;
import static dev.earshot.reward.rest.Rewards.post;
import static dev.earshot.reward.rest.Rewards.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.earshot.testing.TestAudio;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RewardResourceTest {

  private static final String DEMO = "/api/reward?profile=demo";
  private static final String QUALITY = "audio-quality/quality";
  private static final String PROSODY = "prosody-appropriateness/prosody";
  private static final String CONTENT = "content-accuracy/content";

  @Test
  void shouldRewardAnUploadedDemoResponseWithEachJudgesScoreInExtraLogs() {
    String sha = sha256(demoResponse("reference", "content-01"));
    ExtractableResponse<Response> answer =
        post(
            DEMO,
            Map.of(
                "query",
                List.of(
                    Map.of(
                        "audioSha256",
                        sha,
                        "promptId",
                        "content-01",
                        "text",
                        "The capital of France is Paris."))));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.contentType()).startsWith("application/json");
    JsonNode body = json(answer);
    assertThat(fieldNames(body)).containsExactly("rewards", "scores", "extra_logs");
    assertThat(fieldNames(body.get("extra_logs")))
        .containsExactly(
            QUALITY,
            QUALITY + "/scored",
            CONTENT,
            CONTENT + "/scored",
            PROSODY,
            PROSODY + "/scored");
    // The reference answer read word for word: every word and keyword right.
    assertThat(body.at("/extra_logs/" + esc(CONTENT) + "/0").doubleValue()).isEqualTo(1.0);
    double quality = body.at("/extra_logs/" + esc(QUALITY) + "/0").doubleValue();
    assertThat(quality).isBetween(0.0, 1.0);
    // content-01 asks for content and quality only, so the prosody judge has nothing to check.
    // ... so it logs the stand-in 0, marked as not scored.
    assertThat(body.at("/extra_logs/" + esc(PROSODY) + "/0").doubleValue()).isEqualTo(0.0);
    assertThat(body.at("/extra_logs/" + esc(PROSODY + "/scored") + "/0").doubleValue())
        .isEqualTo(0.0);
    assertThat(body.at("/extra_logs/" + esc(CONTENT + "/scored") + "/0").doubleValue())
        .isEqualTo(1.0);
    // Equal weights, no normalisation: the reward is the mean of the scores that exist.
    assertThat(body.at("/rewards/0").doubleValue()).isCloseTo((1.0 + quality) / 2, within(1e-6));
    assertThat(body.at("/scores/0").doubleValue()).isEqualTo(body.at("/rewards/0").doubleValue());
  }

  @Test
  void shouldScoreABatchInOrderAndGiveEachItemWhatItGetsAlone() {
    List<byte[]> clips =
        List.of(
            TestAudio.toneWav(180, 3, 16_000),
            demoResponse("reference", "content-02"),
            demoResponse("noisy", "content-02"));
    // The third item as OpenRLHF sends it: its decoded sequence, with the audio object inside.
    String openRlhfQuery =
        "How many legs does a spider have?{\"audio\": \"" + base64(clips.get(2)) + "\"}</s>";
    Map<String, Object> batch =
        Map.of(
            "query",
            List.of(
                Map.of("audio", base64(clips.get(0))),
                Map.of("audio", base64(clips.get(1)), "text", "A spider has eight legs."),
                openRlhfQuery),
            "prompts",
            List.of("Hum a low note.", "How many legs does a spider have?", "ignored"),
            "labels",
            Arrays.asList(null, "A spider has eight legs.", null));

    ExtractableResponse<Response> answer = post(DEMO, batch);

    assertThat(answer.statusCode()).isEqualTo(200);
    JsonNode body = json(answer);
    assertThat(body.get("rewards")).hasSize(3);
    assertThat(body.get("scores")).hasSize(3);
    // A prompt sent as text only has no expected content: stand-in 0, not scored.
    assertThat(body.at("/extra_logs/" + esc(CONTENT) + "/0").doubleValue()).isEqualTo(0.0);
    assertThat(body.at("/extra_logs/" + esc(CONTENT + "/scored") + "/0").doubleValue())
        .isEqualTo(0.0);
    assertThat(body.at("/extra_logs/" + esc(CONTENT) + "/1").doubleValue()).isEqualTo(1.0);
    for (int i = 0; i < 3; i++) {
      Map<String, Object> alone =
          Map.of(
              "query",
              List.of(((List<?>) batch.get("query")).get(i)),
              "prompts",
              List.of(((List<?>) batch.get("prompts")).get(i)),
              "labels",
              Arrays.asList(((List<?>) batch.get("labels")).get(i)));
      JsonNode single = json(post(DEMO, alone));
      assertThat(single.at("/rewards/0")).as("item %d", i).isEqualTo(body.at("/rewards/" + i));
      for (String dimension : List.of(CONTENT, PROSODY, QUALITY)) {
        assertThat(single.at("/extra_logs/" + esc(dimension) + "/0"))
            .as("item %d, %s", i, dimension)
            .isEqualTo(body.at("/extra_logs/" + esc(dimension) + "/" + i));
      }
    }
    // Quality follows the demo's truth: the noisy system's answer scores below the reference.
    assertThat(body.at("/extra_logs/" + esc(QUALITY) + "/2").doubleValue())
        .isLessThan(body.at("/extra_logs/" + esc(QUALITY) + "/1").doubleValue());
  }

  @Test
  void shouldAnswerTheSameInputWithTheSameBytesTheSecondTimeFromTheCache() {
    Map<String, Object> request =
        Map.of(
            "query",
            List.of(Map.of("audio", base64(TestAudio.toneWav(317, 1, 16_000)))),
            "prompts",
            List.of("Say something."));
    Map<String, String> hits = Map.of("profile", "demo", "cache", "hit");
    Map<String, String> misses = Map.of("profile", "demo", "cache", "miss");
    double hitsBefore = metric("earshot_reward_items_total", hits);
    double missesBefore = metric("earshot_reward_items_total", misses);

    String first = post(DEMO, request).asString();
    double missesAfterFirst = metric("earshot_reward_items_total", misses);
    String second = post(DEMO, request).asString();

    assertThat(second).isEqualTo(first);
    assertThat(missesAfterFirst).isEqualTo(missesBefore + 1);
    assertThat(metric("earshot_reward_items_total", hits)).isEqualTo(hitsBefore + 1);
    assertThat(metric("earshot_reward_items_total", misses)).isEqualTo(missesAfterFirst);
  }

  @Test
  void shouldRefuseTheWholeBatchNamingTheBadItemAndCountTheRefusal() {
    Map<String, String> refused = Map.of("profile", "demo", "outcome", "rejected");
    double before = metric("earshot_reward_requests_total", refused);
    String good = base64(TestAudio.toneWav(400, 1, 16_000));

    ExtractableResponse<Response> notWav =
        post(
            DEMO,
            Map.of(
                "query",
                List.of(Map.of("audio", good), Map.of("audio", base64("not audio".getBytes())))));
    ExtractableResponse<Response> notUploaded =
        post(
            DEMO,
            Map.of(
                "query",
                List.of(
                    Map.of("audio", good),
                    Map.of("audio", good),
                    Map.of("audioSha256", "ab".repeat(32)))));
    ExtractableResponse<Response> unknownPrompt =
        post(DEMO, Map.of("query", List.of(Map.of("audio", good, "promptId", "no-such-prompt"))));

    assertRefused(notWav, 400, 1, "query[1]: audio is not a WAV file");
    assertRefused(notUploaded, 422, 2, "query[2]: no uploaded audio has SHA-256");
    assertRefused(unknownPrompt, 422, 0, "query[0]: no prompt with id 'no-such-prompt'");
    assertThat(metric("earshot_reward_requests_total", refused)).isEqualTo(before + 3);
  }

  @Test
  void shouldRefuseInlineAudioThatIsNotValidWav() {
    byte[] truncated = Arrays.copyOf(TestAudio.toneWav(300, 1, 16_000), 40);
    ExtractableResponse<Response> answer =
        post(DEMO, Map.of("query", List.of(Map.of("audio", base64(truncated)))));
    assertRefused(answer, 422, 0, "query[0]: audio rejected");
  }

  @Test
  void shouldRefuseMalformedJsonAndRequestsWithoutAProfile() {
    Map<String, String> unknown = Map.of("profile", "unknown", "outcome", "rejected");
    double before = metric("earshot_reward_requests_total", unknown);

    ExtractableResponse<Response> noProfile = post("/api/reward", Map.of("query", List.of()));
    ExtractableResponse<Response> unknownProfile =
        post("/api/reward?profile=nope", Map.of("query", List.of()));
    ExtractableResponse<Response> malformed = post(DEMO, "{\"query\": [");

    assertThat(noProfile.statusCode()).isEqualTo(400);
    assertThat(noProfile.contentType()).isEqualTo("application/problem+json");
    assertThat(unknownProfile.statusCode()).isEqualTo(404);
    assertThat(json(unknownProfile).get("detail").asText()).contains("'nope'");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(json(malformed).get("title").asText()).isEqualTo("Malformed JSON");
    assertThat(metric("earshot_reward_requests_total", unknown)).isEqualTo(before + 2);
  }

  private static void assertRefused(
      ExtractableResponse<Response> answer, int status, int index, String detail) {
    assertThat(answer.statusCode()).isEqualTo(status);
    assertThat(answer.contentType()).isEqualTo("application/problem+json");
    JsonNode problem = json(answer);
    assertThat(problem.get("detail").asText()).startsWith(detail);
    assertThat(problem.at("/errors/0/index").intValue()).isEqualTo(index);
    assertThat(problem.has("rewards")).isFalse();
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** A JSON pointer segment for a key containing '/'. */
  private static String esc(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}

package dev.earshot.reward.rest;

import static dev.earshot.reward.rest.Rewards.base64;
import static dev.earshot.reward.rest.Rewards.demoResponse;
import static dev.earshot.reward.rest.Rewards.json;
import static dev.earshot.reward.rest.Rewards.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.earshot.testing.TestAudio;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reward endpoint read as OpenRLHF's remote reward-model client reads it: it posts {@code
 * {"query", "prompts", "labels"}} (queries are the decoded prompt + response strings; later reward
 * URLs get empty lists), requires status 200, takes {@code rewards} and {@code scores}, and turns
 * every {@code extra_logs} value into a tensor without any error handling ({@code
 * torch.tensor([v])}), so a null or a list of another length stops training. Here that parse is
 * {@link #parseAsOpenRlhf}: every value must be a finite number and every list as long as the
 * batch.
 */
@QuarkusTest
class OpenRlhfClientContractTest {

  private static final String DEMO = "/api/reward?profile=demo";

  @Test
  void shouldParseASingleRequest() {
    String query =
        "What is the capital of France?"
            + embedded(demoResponse("reference", "content-01"))
            + "<|endoftext|>";

    OpenRlhfResult result =
        parseAsOpenRlhf(
            post(
                DEMO,
                request(
                    List.of(query),
                    List.of("What is the capital of France?"),
                    Arrays.asList((String) null))),
            1);

    assertThat(result.extraLogs()).isNotEmpty();
  }

  @Test
  void shouldParseABatchWhereSomeJudgesScoreNothing() {
    // Text-only prompts have no stored expectations: the content and prosody judges score none.
    List<String> queries =
        List.of(
            "Hum a low note." + embedded(TestAudio.toneWav(211, 1, 16_000)),
            "How many legs does a spider have?" + embedded(demoResponse("reference", "content-02")),
            "How many legs does a spider have?" + embedded(demoResponse("noisy", "content-02")),
            "Say something." + embedded(TestAudio.toneWav(263, 1, 16_000)));

    OpenRlhfResult result =
        parseAsOpenRlhf(
            post(
                DEMO,
                request(
                    queries,
                    List.of("Hum a low note.", "Spider?", "Spider?", "Say something."),
                    Arrays.asList(null, "A spider has eight legs.", null, null))),
            4);

    // Every dimension comes with its 0/1 companion, and a stand-in is always marked as unscored.
    result
        .extraLogs()
        .forEach(
            (key, values) -> {
              if (!key.endsWith("/scored")) {
                List<Double> scored = result.extraLogs().get(key + "/scored");
                assertThat(scored).as(key + "/scored").isNotNull();
                for (int i = 0; i < values.size(); i++) {
                  assertThat(scored.get(i)).isIn(0.0, 1.0);
                  if (scored.get(i) == 0.0) {
                    assertThat(values.get(i)).as("%s[%d] stand-in", key, i).isEqualTo(0.0);
                  }
                }
              }
            });
    assertThat(result.extraLogs().values().stream().flatMap(List::stream)).contains(0.0);
  }

  @Test
  void shouldParseTheEmptyRequestOfASecondRewardUrl() {
    OpenRlhfResult result =
        parseAsOpenRlhf(post(DEMO, request(List.of(), List.of(), List.of())), 0);

    assertThat(result.extraLogs()).isNotEmpty();
  }

  private static Map<String, Object> request(
      List<String> queries, List<String> prompts, List<String> labels) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("query", queries);
    body.put("prompts", prompts);
    body.put("labels", labels);
    return body;
  }

  /** The audio object as Python's json.dumps writes it into the decoded sequence. */
  private static String embedded(byte[] wav) {
    return "{\"audio\": \"" + base64(wav) + "\"}";
  }

  private record OpenRlhfResult(
      List<Double> rewards, List<Double> scores, Map<String, List<Double>> extraLogs) {}

  private static OpenRlhfResult parseAsOpenRlhf(
      ExtractableResponse<Response> answer, int batchSize) {
    assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
    JsonNode body = json(answer);
    Map<String, List<Double>> extraLogs = new LinkedHashMap<>();
    body.get("extra_logs")
        .properties()
        .forEach(field -> extraLogs.put(field.getKey(), tensor(field.getValue(), batchSize)));
    return new OpenRlhfResult(
        tensor(body.get("rewards"), batchSize), tensor(body.get("scores"), batchSize), extraLogs);
  }

  /** What torch.tensor accepts as a float vector of the batch's length. */
  private static List<Double> tensor(JsonNode list, int batchSize) {
    assertThat(list).isNotNull();
    assertThat(list.isArray()).as("%s is a list", list).isTrue();
    assertThat(list).hasSize(batchSize);
    List<Double> values = new ArrayList<>(batchSize);
    for (JsonNode value : list) {
      assertThat(value.isNumber()).as("%s is a number", value).isTrue();
      assertThat(Double.isFinite(value.doubleValue())).as("%s is finite", value).isTrue();
      values.add(value.doubleValue());
    }
    return values;
  }
}

package dev.earshot.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.platform.config.EarshotConfig;
import dev.earshot.testing.DefaultAdminToken;
import dev.earshot.testing.ManagementInterface;
import dev.earshot.testing.RawHttp;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint that takes a body refuses one above its limit with 413 problem JSON before reading
 * it: the requests here declare a body one byte too long and never send it.
 */
@QuarkusTest
class RequestBodyLimitsTest {

  /**
   * Every operation with a body, as the OpenAPI document lists it, and the limit it must have. A
   * new endpoint fails {@link #shouldKnowTheLimitOfEveryEndpointWithABody} until it is added here.
   */
  private static final Map<String, ToLongFunction<EarshotConfig>> API_LIMITS =
      Map.ofEntries(
          Map.entry("POST /api/audio", c -> c.audio().maxBytes()),
          Map.entry("POST /api/analysis/prosody", c -> c.audio().maxBytes()),
          Map.entry("POST /api/analysis/duplex", c -> c.audio().maxBytes()),
          Map.entry(
              "POST /api/analysis/resynthesis",
              c -> 2 * c.audio().maxBytes() + RequestBodyLimits.MULTIPART_FRAMING_BYTES),
          Map.entry("POST /api/datasets/import", c -> c.datasets().maxZipBytes()),
          Map.entry(
              "POST /api/codecs/{name}/resyntheses/{dataset}/{prompt}",
              c -> c.audio().maxBytes() + RequestBodyLimits.MULTIPART_FRAMING_BYTES),
          Map.entry("POST /api/codecs", RequestBodyLimitsTest::json),
          Map.entry("POST /api/codecs/runs", RequestBodyLimitsTest::json),
          Map.entry("POST /api/reward", RequestBodyLimitsTest::rewardLimit),
          Map.entry("POST /api/reward/{profileKey}", RequestBodyLimitsTest::rewardLimit),
          Map.entry("POST /api/arenas/{name}/battles", c -> c.limits().arenaLogBytes()),
          Map.entry("POST /api/runs", RequestBodyLimitsTest::json),
          Map.entry("POST /api/text/wer", RequestBodyLimitsTest::json),
          Map.entry("POST /api/campaigns", RequestBodyLimitsTest::json),
          Map.entry("PATCH /api/campaigns/{id}", RequestBodyLimitsTest::json),
          Map.entry("POST /api/campaigns/{id}/reopen", RequestBodyLimitsTest::json),
          Map.entry("POST /api/assignments/{id}/played/{side}", RequestBodyLimitsTest::json),
          Map.entry("POST /api/assignments/{id}/skip", RequestBodyLimitsTest::json),
          Map.entry("PUT /api/assignments/{id}/vote", RequestBodyLimitsTest::json),
          Map.entry("POST /api/votes", RequestBodyLimitsTest::json),
          Map.entry("POST /api/exports", RequestBodyLimitsTest::json),
          Map.entry("POST /api/reward-models", RequestBodyLimitsTest::json),
          Map.entry("POST /api/reward-profiles", RequestBodyLimitsTest::json),
          Map.entry("PUT /api/reward-profiles/{name}", RequestBodyLimitsTest::json),
          Map.entry("POST /api/reward-profiles/{name}/keys", RequestBodyLimitsTest::json),
          Map.entry("POST /api/users", RequestBodyLimitsTest::json),
          Map.entry("PATCH /api/users/{username}", RequestBodyLimitsTest::json),
          Map.entry("POST /api/tokens", RequestBodyLimitsTest::json),
          Map.entry("POST /api/datasets/{name}/responses", RequestBodyLimitsTest::json));

  /** The web UI's own endpoints (not in the OpenAPI document). */
  private static final Map<String, ToLongFunction<EarshotConfig>> UI_LIMITS =
      Map.of(
          "POST /j_security_check", c -> c.limits().loginFormBytes(),
          "POST /?v-r=uidl&v-uiId=0", c -> c.limits().uiMessageBytes(),
          "POST /VAADIN/dynamic/resource/0/0123/upload", c -> c.datasets().maxZipBytes());

  @Inject EarshotConfig config;

  @TestHTTPResource("/")
  URL root;

  @Test
  void shouldKnowTheLimitOfEveryEndpointWithABody() {
    JsonPath openApi =
        ManagementInterface.management()
            .queryParam("format", "json")
            .get("openapi")
            .then()
            .extract()
            .jsonPath();
    Map<String, Map<String, Object>> paths = openApi.getMap("paths");
    Set<String> withBody = new TreeSet<>();
    paths.forEach(
        (path, operations) ->
            operations.keySet().stream()
                .filter(method -> Set.of("post", "put", "patch").contains(method))
                .forEach(method -> withBody.add(method.toUpperCase() + " " + path)));
    assertThat(withBody).isEqualTo(new TreeSet<>(API_LIMITS.keySet()));
  }

  @Test
  void shouldRefuseADeclaredBodyAboveTheLimitBeforeReadingIt() throws Exception {
    Map<String, ToLongFunction<EarshotConfig>> all = new TreeMap<>(API_LIMITS);
    all.putAll(UI_LIMITS);
    for (var endpoint : all.entrySet()) {
      String[] methodAndPath = endpoint.getKey().split(" ");
      String target = methodAndPath[1].replaceAll("\\{[^}]+}", "x");
      long limit = endpoint.getValue().applyAsLong(config);

      RawHttp.Answer answer =
          RawHttp.declare(
              root.getPort(),
              methodAndPath[0],
              target,
              limit + 1,
              Map.of(
                  "Authorization",
                  "Bearer " + DefaultAdminToken.TOKEN,
                  "Content-Type",
                  "application/octet-stream"));

      assertThat(answer.status()).as(endpoint.getKey()).isEqualTo(413);
      assertThat(answer.head())
          .as(endpoint.getKey())
          .containsIgnoringCase("application/problem+json");
      assertThat(answer.body()).as(endpoint.getKey()).contains("at most " + limit + " bytes");
    }
  }

  @Test
  void shouldCutOffAChunkedBodyOnceItPassesTheLimitWithProblemJson() throws Exception {
    long limit = config.limits().jsonBytes();

    RawHttp.Answer answer =
        RawHttp.streamChunked(
            root.getPort(),
            "POST",
            "/api/votes",
            20 * limit,
            Map.of(
                "Authorization",
                "Bearer " + DefaultAdminToken.TOKEN,
                "Content-Type",
                "application/json"));

    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.head()).containsIgnoringCase("application/problem+json");
    assertThat(answer.head()).containsIgnoringCase("connection: close");
    assertThat(answer.body())
        .contains("\"status\":413")
        .contains("A JSON request may have at most " + limit + " bytes");
  }

  private static long rewardLimit(EarshotConfig config) {
    return config.reward().maxItems() * config.reward().maxItemBytes();
  }

  private static long json(EarshotConfig config) {
    return config.limits().jsonBytes();
  }
}

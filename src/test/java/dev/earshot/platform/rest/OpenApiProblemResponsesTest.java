package dev.earshot.platform.rest;

import static dev.earshot.testing.ManagementInterface.management;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OpenAPI filter documents problem JSON on every error answer of the API. */
@QuarkusTest
class OpenApiProblemResponsesTest {

  /** Read in each test: RestAssured knows the application's port only once it runs. */
  private static JsonNode document() throws Exception {
    String json =
        management()
            .queryParam("format", "json")
            .get("openapi")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    return new ObjectMapper().readTree(json);
  }

  @Test
  void shouldGiveEveryErrorResponseProblemJson() throws Exception {
    JsonNode document = document();
    List<String> withoutProblem = new ArrayList<>();
    int errorResponses = 0;
    for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
      if (!path.getKey().startsWith("/api")) {
        continue;
      }
      for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
        for (Map.Entry<String, JsonNode> response :
            operation.getValue().path("responses").properties()) {
          if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
            errorResponses++;
            String ref =
                response
                    .getValue()
                    .path("content")
                    .path(Problem.MEDIA_TYPE)
                    .path("schema")
                    .path("$ref")
                    .asText();
            if (!ref.equals("#/components/schemas/Problem")
                || response.getValue().path("description").asText().isBlank()) {
              withoutProblem.add(
                  operation.getKey() + " " + path.getKey() + " " + response.getKey());
            }
          }
        }
      }
    }
    assertThat(errorResponses).isGreaterThan(100);
    assertThat(withoutProblem).isEmpty();
    assertThat(document.at("/components/schemas/Problem/properties/detail/type").asText())
        .isEqualTo("string");
  }

  @Test
  void shouldListTheSharedAnswersOfAnOperation() throws Exception {
    JsonNode document = document();
    JsonNode run = document.at("/paths/~1api~1runs~1{id}/get/responses");
    assertThat(run.has("401")).isTrue();
    assertThat(run.has("403")).isTrue();
    assertThat(run.has("404")).isTrue();
    assertThat(run.has("500")).isTrue();
    JsonNode campaign = document.at("/paths/~1api~1campaigns/post/responses");
    assertThat(campaign.has("400")).isTrue();
    assertThat(campaign.get("422").get("description").asText()).isNotBlank();
  }
}

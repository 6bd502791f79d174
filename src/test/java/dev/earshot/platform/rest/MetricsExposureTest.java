package dev.earshot.platform.rest;

import static dev.earshot.testing.ManagementInterface.management;
import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.testing.Accounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Metrics carry no caller-chosen path, and only the management interface serves them. */
@QuarkusTest
class MetricsExposureTest {

  @Test
  void shouldKeepRefusedRewardKeysAndJunkPathsOutOfTheMetrics() {
    String key = "rk-" + UUID.randomUUID();
    int refused =
        Accounts.anonymous()
            .contentType(ContentType.JSON)
            .body("{\"query\":[]}")
            .post("/api/reward/" + key)
            .then()
            .extract()
            .statusCode();
    Accounts.anonymous().get("/no-such-page/" + key).then().extract();
    Accounts.anonymous().get("/api/no-such-api/" + key).then().extract();

    String metrics = management().get("metrics").then().statusCode(200).extract().asString();

    assertThat(refused).isBetween(400, 499);
    assertThat(metrics).doesNotContain(key).doesNotContain(key.substring(3, 15));
    assertThat(metrics)
        .contains("status=\"" + refused + "\",uri=\"/api/reward/{profileKey}\"")
        .contains("uri=\"/UNMATCHED\"");
  }

  @Test
  void shouldServeNeitherMetricsNorOpenApiOnTheMainPort() {
    String metrics = Accounts.anonymous().get("/q/metrics").then().extract().asString();
    String openApi = Accounts.anonymous().get("/q/openapi").then().extract().asString();

    assertThat(metrics).doesNotContain("http_server_requests").doesNotContain("# TYPE");
    assertThat(openApi).doesNotContain("openapi:").doesNotContain("Earshot API");
    management().get("openapi").then().statusCode(200);
  }

  @Test
  void shouldKeepHealthOpenOnTheMainPort() {
    Accounts.anonymous().get("/q/health/ready").then().statusCode(200);
  }
}

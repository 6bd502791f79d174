package dev.earshot.platform.rest;

import static dev.earshot.testing.ManagementInterface.management;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class ApiFallbackTest {

  @Test
  void shouldAnswerUnknownApiPathWithProblemJson() {
    given()
        .when()
        .get("/api/nope/deeper")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("status", equalTo(404))
        .body("title", equalTo("Not found"))
        .body("detail", containsString("/api/nope/deeper"));
  }

  @Test
  void shouldAnswerUnknownApiPostWithProblemJson() {
    given()
        .body("{}")
        .contentType("application/json")
        .when()
        .post("/api/nope")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/analysis/resynthesis-nope",
        "/api/analysis/nope/deeper/still",
        "/api/x/y/z",
        "/api/datasets/nope/deeper/still/more",
        "/api/audio/nope/deeper"
      })
  void shouldAnswerUnknownPathsUnderAnyPrefixWithProblemJson(String path) {
    for (String method : new String[] {"GET", "POST", "PUT", "DELETE", "PATCH"}) {
      given()
          .body("{}")
          .contentType("application/json")
          .when()
          .request(method, path)
          .then()
          .statusCode(404)
          .contentType("application/problem+json")
          .body("status", equalTo(404));
    }
  }

  @Test
  void shouldAnswerWrongMethodWith405() {
    given()
        .when()
        .delete("/api/datasets")
        .then()
        .statusCode(405)
        .contentType("application/problem+json")
        .body("status", equalTo(405));
  }

  @Test
  void shouldServeOpenApiDocument() {
    management()
        .when()
        .get("openapi?format=json")
        .then()
        .statusCode(200)
        .body("paths.'/api/audio'.post.summary", equalTo("Upload an audio file"));
  }

  @Test
  void shouldReportHealthy() {
    given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
  }
}

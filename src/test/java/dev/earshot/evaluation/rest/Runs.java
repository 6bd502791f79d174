package dev.earshot.evaluation.rest;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Starts evaluation runs through the API and waits for them. */
public final class Runs {

  private Runs() {}

  public static long start(Map<String, Object> request) {
    return given()
        .contentType(ContentType.JSON)
        .body(request)
        .when()
        .post("/api/runs")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath()
        .getLong("id");
  }

  public static JsonPath awaitFinished(long run) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (Instant.now().isBefore(deadline)) {
      JsonPath status =
          given().when().get("/api/runs/" + run).then().statusCode(200).extract().jsonPath();
      if (!"running".equals(status.getString("status"))) {
        return status;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("run " + run + " did not finish in 120 s");
  }
}

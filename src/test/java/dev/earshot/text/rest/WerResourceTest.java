package dev.earshot.text.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WerResourceTest {

  @Test
  void shouldScoreWordPairsAndPoolTheCorpusRate() {
    String body =
        """
        {"unit":"word","pairs":[
          {"id":"a","reference":"The capital of France is Paris.","hypothesis":"the capital of france is lyon"},
          {"id":"b","reference":"It is eight","hypothesis":"it is eight legs"}]}
        """;
    given()
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/api/text/wer")
        .then()
        .statusCode(200)
        .body("pairs[0].id", equalTo("a"))
        .body("pairs[0].errors", equalTo(1))
        .body("pairs[0].substitutions", equalTo(1))
        .body("pairs[0].referenceLength", equalTo(6))
        .body("pairs[1].insertions", equalTo(1))
        .body("pairs[1].deletions", equalTo(0))
        .body("corpus.errors", equalTo(2))
        .body("corpus.referenceLength", equalTo(9))
        .body("corpus.rate", equalTo(2f / 9f));
  }

  @Test
  void shouldScoreCharacters() {
    given()
        .contentType(ContentType.JSON)
        .body(
            "{\"unit\":\"char\",\"pairs\":[{\"id\":\"x\",\"reference\":\"new york\",\"hypothesis\":\"newyork\"}]}")
        .when()
        .post("/api/text/wer")
        .then()
        .statusCode(200)
        .body("pairs[0].errors", equalTo(0))
        .body("pairs[0].referenceLength", equalTo(7));
  }

  @Test
  void shouldRejectUnknownUnitAndMissingFields() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"unit\":\"phoneme\",\"pairs\":[]}")
        .when()
        .post("/api/text/wer")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("unit"));
    given()
        .contentType(ContentType.JSON)
        .body("{\"pairs\":[{\"id\":\"x\",\"reference\":\"a\"}]}")
        .when()
        .post("/api/text/wer")
        .then()
        .statusCode(400)
        .body("detail", containsString("pairs[0]"));
    given()
        .contentType(ContentType.JSON)
        .body("[1,2")
        .when()
        .post("/api/text/wer")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }
}

package dev.earshot.dataset.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import dev.earshot.testing.DatasetZip;
import dev.earshot.testing.TestAudio;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DatasetResourceTest {

  private static final String MANIFEST =
      """
      {"id":"q1","text":"What is the capital of France?","audio":"prompts/q1.wav","reference":"Paris.","expectations":{"dimensions":["content"],"keywords":["paris"]}}
      {"id":"q2","text":"Ask me whether it rains.","reference":"Does it rain?","expectations":{"dimensions":["prosody"],"intonation":"question","speakingRate":{"min":2,"max":6}}}
      """;
  private static final String RESPONSES =
      """
      {"system":"alpha","prompt":"q1","audio":"responses/alpha/q1.wav","text":"Paris.","latencyMs":300}
      {"system":"alpha","prompt":"q2","audio":"responses/alpha/q2.wav","text":"Does it rain?"}
      {"system":"beta","prompt":"q1","audio":"responses/beta/q1.wav","text":"Lyon."}
      """;

  private static DatasetZip validDataset(double seed) {
    return new DatasetZip()
        .text(
            "dataset.json",
            "{\"name\":\"ignored-name\",\"description\":\"A tiny test set\",\"systems\":[{\"name\":\"alpha\",\"description\":\"first\"}]}")
        .text("manifest.jsonl", MANIFEST)
        .text("responses.jsonl", RESPONSES)
        .file("prompts/q1.wav", TestAudio.toneWav(200 + seed, 0.3, 16_000))
        .file("responses/alpha/q1.wav", TestAudio.toneWav(210 + seed, 0.3, 16_000))
        .file("responses/alpha/q2.wav", TestAudio.toneWav(220 + seed, 0.3, 22_050))
        .file("responses/beta/q1.wav", TestAudio.toneWav(230 + seed, 0.3, 16_000));
  }

  private static io.restassured.response.ValidatableResponse importZip(String name, byte[] zip) {
    return given()
        .contentType("application/zip")
        .queryParam("name", name)
        .body(zip)
        .when()
        .post("/api/datasets/import")
        .then();
  }

  @Test
  void shouldImportDatasetZipAndServeItsParts() {
    importZip("tiny", validDataset(0).bytes())
        .statusCode(200)
        .body("dataset", equalTo("tiny"))
        .body("unchanged", equalTo(false))
        .body("prompts", equalTo(2))
        .body("responses", equalTo(3))
        .body("systems", equalTo(2))
        .body("audioFiles", equalTo(4));

    given()
        .when()
        .get("/api/datasets/tiny")
        .then()
        .statusCode(200)
        .body("description", equalTo("A tiny test set"))
        .body("prompts", equalTo(2))
        .body("responses", equalTo(3))
        .body("systems", equalTo(java.util.List.of("alpha", "beta")));
    given().when().get("/api/datasets").then().statusCode(200).body("name", hasItem("tiny"));

    given()
        .queryParam("size", 1)
        .when()
        .get("/api/datasets/tiny/prompts")
        .then()
        .statusCode(200)
        .body("total", equalTo(2))
        .body("items", hasSize(1))
        .body("items[0].id", equalTo("q1"))
        .body("items[0].audioUrl", containsString("/api/audio/"))
        .body("items[0].expectations.keywords", equalTo(java.util.List.of("paris")));
    given()
        .when()
        .get("/api/datasets/tiny/prompts/q2")
        .then()
        .statusCode(200)
        .body("audioUrl", equalTo(null))
        .body("expectations.intonation", equalTo("question"))
        .body("expectations.speakingRate.max", equalTo(6.0f));

    given()
        .queryParam("system", "alpha")
        .when()
        .get("/api/datasets/tiny/responses")
        .then()
        .statusCode(200)
        .body("total", equalTo(2))
        .body("items.prompt", equalTo(java.util.List.of("q1", "q2")))
        .body("items[0].text", equalTo("Paris."))
        .body("items[0].latencyMs", equalTo(300))
        .body("items[1].durationSeconds", equalTo(0.3f));
    given()
        .when()
        .get("/api/datasets/tiny/systems")
        .then()
        .statusCode(200)
        .body("name", equalTo(java.util.List.of("alpha", "beta")));
    given()
        .when()
        .get("/api/systems")
        .then()
        .statusCode(200)
        .body("find { it.name == 'alpha' }.description", equalTo("first"));
  }

  @Test
  void shouldChangeNothingWhenTheSameDataIsImportedAgain() {
    byte[] zip = validDataset(1).bytes();
    importZip("again", zip).statusCode(200).body("unchanged", equalTo(false));
    importZip("again", zip)
        .statusCode(200)
        .body("unchanged", equalTo(true))
        .body("created", equalTo(0));
    given().when().get("/api/datasets/again/responses").then().body("total", equalTo(3));
  }

  @Test
  void shouldReportEveryBadLineAndImportNothing() {
    String manifest =
        """
        {"id":"ok","text":"fine"}
        {"id":"bad id!","text":"x"}
        not json
        {"id":"e1","text":"x","expectations":{"intonation":"sideways","dimensions":["smell"]}}
        {"id":"esc","audio":"../../etc/passwd"}
        {"id":"missing","audio":"nowhere.wav"}
        {"id":"ok","text":"duplicate id"}
        {"id":"broken","audio":"broken.wav"}
        """;
    String responses =
        """
        {"system":"alpha","prompt":"unknown","audio":"broken.wav"}
        {"system":"alpha","prompt":"ok"}
        """;
    byte[] zip =
        new DatasetZip()
            .text("manifest.jsonl", manifest)
            .text("responses.jsonl", responses)
            .file(
                "broken.wav",
                "RIFF not really a wave".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
            .bytes();

    importZip("broken-set", zip)
        .statusCode(422)
        .contentType("application/problem+json")
        .body("title", equalTo("Invalid dataset"))
        .body("detail", containsString("nothing was imported"))
        .body(
            "errors.findAll { it.file == 'manifest.jsonl' }.line",
            equalTo(java.util.List.of(2, 3, 4, 4, 5, 6, 7, 8)))
        .body("errors.find { it.line == 5 }.message", containsString("outside the dataset folder"))
        .body("errors.find { it.line == 6 }.message", containsString("does not exist"))
        .body("errors.find { it.line == 7 }.message", containsString("already used on line 1"))
        .body(
            "errors.find { it.file == 'manifest.jsonl' && it.line == 8 }.message",
            containsString("rejected"))
        .body(
            "errors.find { it.file == 'responses.jsonl' && it.line == 2 }.message",
            containsString("'audio' is required"));

    given()
        .when()
        .get("/api/datasets/broken-set")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void shouldListEveryBadVoteLineAndImportNothing() {
    String votes =
        """
        {"rater":"ann","prompt":"q1","a":"alpha","b":"beta","dimension":"content","verdict":"a_better"}
        {"rater":"ann","prompt":"q1","a":"alpha","b":"gamma","dimension":"content","verdict":"tie"}
        {"rater":"ann","prompt":"q2","a":"alpha","b":"beta","dimension":"prosody","verdict":"b_better"}
        {"rater":"bob","prompt":"q1","a":"beta","b":"alpha","dimension":"overall","verdict":"maybe"}
        """;
    byte[] zip = validDataset(3).text("votes.jsonl", votes).bytes();

    importZip("bad-votes", zip)
        .statusCode(422)
        .contentType("application/problem+json")
        .body("detail", containsString("nothing was imported"))
        .body(
            "errors.file", equalTo(java.util.List.of("votes.jsonl", "votes.jsonl", "votes.jsonl")))
        .body("errors.line", equalTo(java.util.List.of(2, 3, 4)))
        .body("errors[0].message", containsString("'gamma' has no response to prompt 'q1'"))
        .body("errors[1].message", containsString("'beta' has no response to prompt 'q2'"))
        .body("errors[2].message", containsString("maybe"));

    given().when().get("/api/datasets/bad-votes").then().statusCode(404);
  }

  @Test
  void shouldRejectZipEntryEscapingTheFolder() {
    byte[] zip =
        new DatasetZip()
            .text("manifest.jsonl", "{\"id\":\"a\",\"text\":\"x\"}\n")
            .text("../evil.txt", "x")
            .bytes();
    importZip("slip", zip)
        .statusCode(422)
        .body("errors[0].message", containsString("outside the dataset folder"));
  }

  @Test
  void shouldRefuseATruncatedZipAndImportNothing() {
    byte[] whole = validDataset(4).bytes();
    importZip("cut", java.util.Arrays.copyOf(whole, whole.length * 2 / 3))
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].message", containsString("truncated"));
    given().when().get("/api/datasets/cut").then().statusCode(404);
  }

  @Test
  void shouldRefuseAZipWithAFileAndAFolderOfOneName() {
    byte[] zip = validDataset(5).text("a", "file").file("a/", new byte[0]).bytes();
    importZip("file-and-folder", zip)
        .statusCode(422)
        .body("errors[0].message", containsString("'a/' is both a file and a folder"));
    given().when().get("/api/datasets/file-and-folder").then().statusCode(404);
  }

  @Test
  void shouldRefuseTextWithTheNulCharacterWithItsLine() {
    byte[] zip =
        new DatasetZip()
            .text(
                "manifest.jsonl",
                "{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"b\",\"text\":\"x\\u0000y\"}\n")
            .bytes();
    importZip("nul", zip)
        .statusCode(422)
        .body("errors[0].line", equalTo(2))
        .body("errors[0].message", containsString("NUL"));
    given().when().get("/api/datasets/nul").then().statusCode(404);
  }

  @Test
  void shouldRefuseAPageBeyondTheLastPossibleRow() {
    given()
        .queryParam("page", 4294968)
        .queryParam("size", 500)
        .get("/api/datasets/demo/prompts")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("smaller page number"));
    given()
        .queryParam("page", 5_000_000)
        .queryParam("size", 500)
        .get("/api/datasets/demo/responses")
        .then()
        .statusCode(400);
  }

  @Test
  void shouldRejectBodyThatIsNotAZip() {
    importZip("nozip", "hello".getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .statusCode(422)
        .body("errors[0].message", containsString("zip"));
  }

  @Test
  void shouldImportZipMadeFromAFolder() {
    byte[] zip =
        new DatasetZip()
            .text("myset/manifest.jsonl", "{\"id\":\"a\",\"text\":\"hello\"}\n")
            .bytes();
    importZip(null, zip)
        .statusCode(200)
        .body("dataset", equalTo("myset"))
        .body("prompts", equalTo(1));
  }

  @Test
  void shouldRegisterAResponseForAnUploadedAudio() {
    importZip("reg", validDataset(2).bytes()).statusCode(200);
    String sha =
        given()
            .contentType("audio/wav")
            .body(TestAudio.toneWav(999, 0.2, 16_000))
            .post("/api/audio")
            .then()
            .statusCode(201)
            .extract()
            .path("sha256");

    given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "prompt",
                "q2",
                "system",
                "gamma",
                "audioSha256",
                sha,
                "text",
                "Does it rain?",
                "latencyMs",
                120))
        .when()
        .post("/api/datasets/reg/responses")
        .then()
        .statusCode(201)
        .body("system", equalTo("gamma"))
        .body("prompt", equalTo("q2"))
        .body("audioSha256", equalTo(sha));
    given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "prompt", "q2", "system", "gamma", "audioSha256", sha, "text", "Does it rain now?"))
        .when()
        .post("/api/datasets/reg/responses")
        .then()
        .statusCode(200)
        .body("text", equalTo("Does it rain now?"));
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("prompt", "q1", "system", "alpha", "audioSha256", sha))
        .when()
        .post("/api/datasets/reg/responses")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("prompt", "q1", "system", "delta", "audioSha256", "f".repeat(64)))
        .when()
        .post("/api/datasets/reg/responses")
        .then()
        .statusCode(422)
        .body("detail", containsString("POST /api/audio"));
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("prompt", "nope", "system", "delta", "audioSha256", sha))
        .when()
        .post("/api/datasets/reg/responses")
        .then()
        .statusCode(404);
    given()
        .contentType(ContentType.JSON)
        .body("{not json")
        .when()
        .post("/api/datasets/reg/responses")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void shouldAnswerUnknownDatasetWith404() {
    given()
        .when()
        .get("/api/datasets/none-such")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("detail", containsString("none-such"));
    given().when().get("/api/datasets/none-such/prompts").then().statusCode(404);
    given().when().get("/api/responses/999999").then().statusCode(404);
    given()
        .queryParam("size", 100000)
        .when()
        .get("/api/datasets/tiny/prompts")
        .then()
        .statusCode(400);
  }
}

package dev.earshot.dataset.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.earshot.dataset.manifest.DatasetFolder;
import dev.earshot.dataset.manifest.DatasetFolderReader;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo data set is loaded at start-up, is valid, and its audio is served. */
@QuarkusTest
class DemoDataTest {

  @Inject DatasetImportService importer;

  @Test
  void shouldLoadTheDemoAtStartUp() {
    given()
        .when()
        .get("/api/datasets/demo")
        .then()
        .statusCode(200)
        .body("prompts", equalTo(24))
        .body("responses", equalTo(96))
        .body("systems", equalTo(List.of("monotone", "noisy", "reference", "wrongfacts")));
  }

  @Test
  void shouldCoverEveryDimensionInTheDemoManifest() {
    DatasetFolder demo = new DatasetFolderReader().read(Path.of("datasets/demo"), null);
    assertThat(demo.problems()).isEmpty();
    assertThat(demo.prompts())
        .flatExtracting(p -> p.expectations().dimensions())
        .contains("content", "prosody", "emotion", "nonspeech", "quality");
    assertThat(demo.prompts()).allSatisfy(p -> assertThat(p.audio()).isNotNull());
  }

  @Test
  void shouldServeDemoAudioForThePlayers() {
    String url =
        given()
            .queryParam("system", "noisy")
            .queryParam("size", 1)
            .when()
            .get("/api/datasets/demo/responses")
            .then()
            .statusCode(200)
            .extract()
            .path("items[0].audioUrl");
    given().when().get(url).then().statusCode(200).contentType("audio/wav");
    String promptAudio =
        given()
            .when()
            .get("/api/datasets/demo/prompts/nonspeech-01")
            .then()
            .statusCode(200)
            .extract()
            .path("audioUrl");
    given().when().get(promptAudio).then().statusCode(200).contentType("audio/flac");
  }

  @Test
  void shouldChangeNothingWhenTheDemoIsImportedAgain() {
    ImportReport report =
        importer.importFolder(Path.of("datasets/demo"), null, ImportProgress.NONE);
    assertThat(report.unchanged()).isTrue();
    assertThat(report.created()).isZero();
  }
}

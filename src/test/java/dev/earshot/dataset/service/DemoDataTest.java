package dev.earshot.dataset.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.dataset.manifest.DatasetFolder;
import dev.earshot.dataset.manifest.DatasetFolderReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo data set is loaded at start-up, is valid, its audio is served and its simulated human
 * votes rank the systems as {@code truth.json} says.
 */
@QuarkusTest
class DemoDataTest {

  private static final Path DEMO = Path.of("datasets/demo");

  @Inject DatasetImportService importer;
  @Inject EntityManager entityManager;

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
  void shouldStoreEveryDemoVoteAsASimulatedHumanPreference() throws IOException {
    long voteLines;
    try (Stream<String> lines = Files.lines(DEMO.resolve("votes.jsonl"))) {
      voteLines = lines.filter(line -> !line.isBlank()).count();
    }
    assertThat(voteLines).isPositive();
    assertThat(demoHumanPreferences("")).isEqualTo(voteLines);
    assertThat(demoHumanPreferences(" AND p.details = '{\"simulated\": true}'::jsonb"))
        .isEqualTo(voteLines);
    assertThat(demoHumanPreferences(" AND p.source LIKE 'rater:sim-care%'")).isEqualTo(voteLines);
  }

  @Test
  void shouldAddNoVoteWhenChangedDemoFilesAreImportedAgain(@TempDir Path copy) throws IOException {
    copyFolder(DEMO, copy);
    // A trailing blank line changes the source hash but no vote, so the import runs in full.
    Files.writeString(copy.resolve("votes.jsonl"), "\n", StandardOpenOption.APPEND);
    long before = demoHumanPreferences("");

    ImportReport report = importer.importFolder(copy, "demo", ImportProgress.NONE);

    assertThat(report.unchanged()).isTrue();
    assertThat(report.created()).isZero();
    assertThat(report.votes()).isEqualTo((int) before);
    assertThat(demoHumanPreferences("")).isEqualTo(before);
  }

  @Test
  void shouldRankTheDemoSystemsByHumanVotesAsTruthOrdersThem() throws IOException {
    JsonNode order = new ObjectMapper().readTree(DEMO.resolve("truth.json").toFile()).get("order");
    for (Map.Entry<String, JsonNode> dimension : order.properties()) {
      JsonPath board =
          given()
              .queryParam("source", "humans")
              .queryParam("dimension", dimension.getKey())
              .when()
              .get("/api/leaderboard")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      List<List<String>> tiers = new ArrayList<>();
      dimension.getValue().forEach(tier -> tiers.add(textList(tier)));
      for (int better = 0; better < tiers.size(); better++) {
        for (int worse = better + 1; worse < tiers.size(); worse++) {
          for (String high : tiers.get(better)) {
            for (String low : tiers.get(worse)) {
              assertThat(rating(board, high))
                  .as("%s: %s above %s", dimension.getKey(), high, low)
                  .isGreaterThan(rating(board, low));
            }
          }
        }
      }
    }
    given()
        .queryParam("source", "humans")
        .queryParam("dimension", "overall")
        .when()
        .get("/api/leaderboard")
        .then()
        .statusCode(200)
        .body("[0].system", equalTo("reference"));
  }

  private static float rating(JsonPath board, String system) {
    return board.getFloat("find { it.system == '" + system + "' }.rating");
  }

  private static List<String> textList(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(item -> texts.add(item.asText()));
    return texts;
  }

  private long demoHumanPreferences(String condition) {
    return ((Number)
            entityManager
                .createNativeQuery(
                    "SELECT count(*) FROM preference p JOIN prompt pr ON pr.id = p.prompt_id"
                        + " JOIN dataset d ON d.id = pr.dataset_id"
                        + " WHERE d.name = 'demo' AND p.source_kind = 'human'"
                        + condition)
                .getSingleResult())
        .longValue();
  }

  private static void copyFolder(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
  }

  @Test
  void shouldChangeNothingWhenTheDemoIsImportedAgain() {
    ImportReport report =
        importer.importFolder(Path.of("datasets/demo"), null, ImportProgress.NONE);
    assertThat(report.unchanged()).isTrue();
    assertThat(report.created()).isZero();
  }
}

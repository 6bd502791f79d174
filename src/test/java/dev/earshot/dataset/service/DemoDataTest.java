package dev.earshot.dataset.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.dataset.manifest.DatasetFolder;
import dev.earshot.dataset.manifest.DatasetFolderReader;
import dev.earshot.dataset.manifest.FolderFingerprint;
import dev.earshot.platform.config.EarshotConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo data set is loaded at start-up, is valid, its audio is served and its simulated votes
 * rank the systems as {@code truth.json} says; they are never counted as people's votes.
 */
@QuarkusTest
class DemoDataTest {

  private static final Path DEMO = Path.of("datasets/demo");
  private static final String HUMAN = "human";
  private static final String SIMULATED = "simulated";

  @Inject DatasetImportService importer;
  @Inject EntityManager entityManager;
  @Inject DemoDataLoader loader;
  @Inject EarshotConfig config;

  @Test
  void shouldStampTheDemoListingAfterTheFullCheckSoThatRestartsSkipIt() throws IOException {
    Path stampFile = config.dataDir().resolve(DemoDataLoader.STAMP_FILE);
    String sourceSha256 = new DatasetFolderReader().read(DEMO, null).sourceSha256();

    Properties stamp = readProperties(stampFile);

    assertThat(stamp.getProperty("listingFingerprint")).isEqualTo(FolderFingerprint.of(DEMO));
    assertThat(stamp.getProperty("dataset")).isEqualTo("demo");
    assertThat(stamp.getProperty("sourceSha256")).isEqualTo(sourceSha256);
  }

  @Test
  void shouldCheckTheDemoInFullWhenTheDatabaseDoesNotHoldTheStampedDataset() throws IOException {
    Path stampFile = config.dataDir().resolve(DemoDataLoader.STAMP_FILE);
    Properties stale = readProperties(stampFile);
    stale.setProperty("sourceSha256", "0".repeat(64));
    try (Writer out = Files.newBufferedWriter(stampFile)) {
      stale.store(out, null);
    }

    loader.check();

    assertThat(readProperties(stampFile).getProperty("sourceSha256"))
        .isEqualTo(new DatasetFolderReader().read(DEMO, null).sourceSha256());
  }

  private static Properties readProperties(Path file) throws IOException {
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      properties.load(in);
    }
    return properties;
  }

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
  void shouldStoreEveryDemoVoteAsASimulatedPreference() throws IOException {
    long voteLines = demoVoteLines();
    assertThat(voteLines).isPositive();
    assertThat(demoPreferences(SIMULATED, "")).isEqualTo(voteLines);
    assertThat(demoPreferences(SIMULATED, " AND p.details = '{\"simulated\": true}'::jsonb"))
        .isEqualTo(voteLines);
    assertThat(demoPreferences(SIMULATED, " AND p.source LIKE 'simulated:sim-care%'"))
        .isEqualTo(voteLines);
    assertThat(demoPreferences(HUMAN, " AND p.source LIKE '%sim-%'")).isZero();
  }

  /**
   * A database from before simulated votes had a kind of their own holds them as human votes of
   * {@code rater:<name>}, marked only in their details: re-importing the demo, unchanged or
   * changed, turns them into simulated votes again and stores nothing twice.
   */
  @Test
  void shouldReclassifyOldStyleSimulatedVotesWhenTheDemoIsImportedAgain(@TempDir Path copy)
      throws IOException {
    long voteLines = demoVoteLines();
    copyFolder(DEMO, copy);
    Files.writeString(copy.resolve("votes.jsonl"), "\n", StandardOpenOption.APPEND);

    int oldStyle = storeAsOldStyleHumanVotes(5);
    assertThat(oldStyle).isEqualTo(5);
    assertThat(demoPreferences(HUMAN, " AND p.source LIKE 'rater:sim-%'")).isEqualTo(5);
    ImportReport unchanged = importer.importFolder(DEMO, null, ImportProgress.NONE);

    assertThat(unchanged.updated()).isEqualTo(5);
    assertThat(unchanged.created()).isZero();
    assertThat(demoPreferences(HUMAN, " AND p.source LIKE '%sim-%'")).isZero();
    assertThat(demoPreferences(SIMULATED, " AND p.source LIKE 'simulated:sim-%'"))
        .isEqualTo(voteLines);

    storeAsOldStyleHumanVotes(3);
    ImportReport changed = importer.importFolder(copy, "demo", ImportProgress.NONE);

    assertThat(changed.updated()).isEqualTo(3);
    assertThat(changed.created()).isZero();
    assertThat(demoPreferences(HUMAN, " AND p.source LIKE '%sim-%'")).isZero();
    assertThat(demoPreferences(SIMULATED, "")).isEqualTo(voteLines);
  }

  /**
   * On a fresh demo no person has voted: the humans' leaderboard, agreement and judge audit count
   * no simulated rater (the leaderboard is empty and says why), and source=simulated shows them.
   * Nonspeech is a dimension on which no other test votes.
   */
  @Test
  void shouldKeepTheDemosSimulatedRatersOutOfTheHumanSources() {
    Map<String, String> nonspeech = Map.of("dimension", "nonspeech", "dataset", "demo");
    given()
        .queryParams(nonspeech)
        .queryParam("source", "humans")
        .when()
        .get("/api/leaderboard")
        .then()
        .statusCode(200)
        .body("size()", equalTo(0))
        .header("Earshot-Note", containsString("No human votes on nonspeech"))
        .header("Earshot-Note", containsString("choose source simulated"));
    given()
        .queryParams(nonspeech)
        .queryParam("source", "simulated")
        .queryParam("bootstrap", 0)
        .when()
        .get("/api/leaderboard")
        .then()
        .statusCode(200)
        .header("Earshot-Note", nullValue())
        .body("system", containsInAnyOrder("monotone", "noisy", "reference", "wrongfacts"));

    JsonPath people =
        given()
            .queryParam("dimension", "nonspeech")
            .when()
            .get("/api/agreement")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(people.getString("source")).isEqualTo("humans");
    assertThat(people.getList("raters.rater", String.class))
        .noneMatch(rater -> rater.startsWith("simulated:") || rater.contains("sim-"));
    JsonPath simulated =
        given()
            .queryParam("dimension", "nonspeech")
            .queryParam("source", "simulated")
            .when()
            .get("/api/agreement")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(simulated.getList("raters.rater", String.class))
        .hasSize(7)
        .allMatch(rater -> rater.startsWith("simulated:sim-"))
        .contains("simulated:sim-careless-1");
    given()
        .queryParam("dimension", "nonspeech")
        .queryParam("source", "robots")
        .when()
        .get("/api/judge-audit")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("humans"));
  }

  @Test
  void shouldAddNoVoteWhenChangedDemoFilesAreImportedAgain(@TempDir Path copy) throws IOException {
    copyFolder(DEMO, copy);
    // A trailing blank line changes the source hash but no vote, so the import runs in full.
    Files.writeString(copy.resolve("votes.jsonl"), "\n", StandardOpenOption.APPEND);
    long before = demoPreferences(SIMULATED, "");

    ImportReport report = importer.importFolder(copy, "demo", ImportProgress.NONE);

    assertThat(report.unchanged()).isTrue();
    assertThat(report.created()).isZero();
    assertThat(report.votes()).isEqualTo((int) before);
    assertThat(demoPreferences(SIMULATED, "")).isEqualTo(before);
  }

  @Test
  void shouldRankTheDemoSystemsBySimulatedVotesAsTruthOrdersThem() throws IOException {
    JsonNode order = new ObjectMapper().readTree(DEMO.resolve("truth.json").toFile()).get("order");
    for (Map.Entry<String, JsonNode> dimension : order.properties()) {
      JsonPath board =
          given()
              .queryParam("source", "simulated")
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
        .queryParam("source", "simulated")
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

  private static long demoVoteLines() throws IOException {
    try (Stream<String> lines = Files.lines(DEMO.resolve("votes.jsonl"))) {
      return lines.filter(line -> !line.isBlank()).count();
    }
  }

  /** Preferences of the kind on the demo's prompts that meet the SQL condition. */
  private long demoPreferences(String kind, String condition) {
    return ((Number)
            entityManager
                .createNativeQuery(
                    "SELECT count(*) FROM preference p JOIN prompt pr ON pr.id = p.prompt_id"
                        + " JOIN dataset d ON d.id = pr.dataset_id"
                        + " WHERE d.name = 'demo' AND p.source_kind = ?1"
                        + condition)
                .setParameter(1, kind)
                .getSingleResult())
        .longValue();
  }

  /**
   * Turns {@code count} of the demo's simulated votes back into what imports stored before they had
   * a kind of their own: human votes of {@code rater:<name>}, marked simulated in their details.
   */
  private int storeAsOldStyleHumanVotes(int count) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                entityManager
                    .createNativeQuery(
                        "UPDATE preference SET source_kind = 'human', source = 'rater:' ||"
                            + " substr(source, length('simulated:') + 1) WHERE id IN (SELECT p.id"
                            + " FROM preference p JOIN prompt pr ON pr.id = p.prompt_id JOIN"
                            + " dataset d ON d.id = pr.dataset_id WHERE d.name = 'demo' AND"
                            + " p.source_kind = 'simulated' ORDER BY p.id LIMIT ?1)")
                    .setParameter(1, count)
                    .executeUpdate());
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

package dev.earshot.leaderboard.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Leaderboards of a few battles: style control answers why it cannot fit instead of failing, and
 * rows with fewer battles than earshot.leaderboard.min-battles (30) are marked and can be hidden.
 * Each test stores its own judge's verdicts between the demo's reference and monotone systems.
 */
@QuarkusTest
class SmallLeaderboardTest {

  @Inject EntityManager entityManager;

  @Test
  void shouldSayThereAreNotEnoughBattlesForStyleControl() {
    store("tiny-judge", List.of("a_better", "b_better"));

    JsonPath controlled = styleControlled("tiny-judge");

    assertThat(controlled.getBoolean("fitted")).isFalse();
    assertThat(controlled.getLong("battles")).isEqualTo(2);
    // Two systems and three style covariates: 1 + 3 parameters.
    assertThat(controlled.getString("reason"))
        .isEqualTo(
            "Not enough battles: 2 battles for 4 parameters (2 systems, 3 style covariates).");
    assertThat(controlled.getList("rows")).isEmpty();
  }

  @Test
  void shouldSayRatingsAreNotIdentifiableWhenOneSystemNeverLost() {
    store("one-sided-judge", List.of("a_better", "a_better", "a_better", "a_better", "a_better"));

    JsonPath controlled = styleControlled("one-sided-judge");

    assertThat(controlled.getBoolean("fitted")).isFalse();
    assertThat(controlled.getString("reason")).startsWith("Not identifiable");
  }

  @Test
  void shouldAnswerWithAReasonWhereNewtonRaphsonDoesNotConverge() {
    // Six battles, four parameters, but all on one prompt: every battle has the same style
    // differences, which the strength difference already explains, so the style effects have no
    // estimate (this was a 500).
    storeOnOnePrompt(
        "one-prompt-judge",
        List.of("a_better", "b_better", "a_better", "b_better", "tie", "a_better"));

    JsonPath controlled = styleControlled("one-prompt-judge");

    assertThat(controlled.getBoolean("fitted")).isFalse();
    assertThat(controlled.getString("reason")).startsWith("Not identifiable");
  }

  @Test
  void shouldMarkAndOnRequestHideRowsWithFewBattles() {
    store("few-judge", List.of("a_better", "b_better", "a_better", "tie", "b_better", "a_better"));

    JsonPath rows = leaderboard("few-judge", false).jsonPath();
    ExtractableResponse<Response> hidden = leaderboard("few-judge", true);

    assertThat(rows.getList("system")).containsExactlyInAnyOrder("reference", "monotone");
    assertThat(rows.getList("battles", Long.class)).containsOnly(6L);
    assertThat(rows.getList("fewBattles", Boolean.class)).containsOnly(true);
    assertThat(hidden.jsonPath().getList("$")).isEmpty();
    assertThat(hidden.header(LeaderboardResource.NOTE_HEADER))
        .isEqualTo("Every system has fewer than 30 battles: leave out hideFewBattles to see them");
  }

  @Test
  void shouldNotMarkSystemsWithManyBattles() {
    JsonPath demo =
        given()
            .queryParam("source", "simulated")
            .queryParam("dimension", "overall")
            .queryParam("bootstrap", 0)
            .queryParam("hideFewBattles", true)
            .when()
            .get("/api/leaderboard")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    assertThat(demo.getList("battles", Long.class))
        .allSatisfy(b -> assertThat(b).isGreaterThanOrEqualTo(30));
    assertThat(demo.getList("fewBattles", Boolean.class)).isNotEmpty().containsOnly(false);
  }

  private static JsonPath styleControlled(String judge) {
    return given()
        .queryParam("source", "judge:" + judge)
        .queryParam("dimension", "overall")
        .when()
        .get("/api/leaderboard/style-controlled")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static ExtractableResponse<Response> leaderboard(String judge, boolean hideFewBattles) {
    return given()
        .queryParam("source", "judge:" + judge)
        .queryParam("dimension", "overall")
        .queryParam("bootstrap", 0)
        .queryParam("hideFewBattles", hideFewBattles)
        .when()
        .get("/api/leaderboard")
        .then()
        .statusCode(200)
        .extract();
  }

  /** The judge's verdicts on reference (A) against monotone (B), one per demo prompt in order. */
  private void store(String judge, List<String> verdicts) {
    QuarkusTransaction.requiringNew().run(() -> insert(judge, verdicts, false));
  }

  /**
   * The judge's verdicts on reference (A) against monotone (B), all on the first demo prompt, each
   * by another version of the judge.
   */
  private void storeOnOnePrompt(String judge, List<String> verdicts) {
    QuarkusTransaction.requiringNew().run(() -> insert(judge, verdicts, true));
  }

  private void insert(String judge, List<String> verdicts, boolean onePrompt) {
    @SuppressWarnings("unchecked")
    List<Object[]> pairs =
        entityManager
            .createNativeQuery(
                "SELECT p.id, ra.id, rb.id FROM prompt p JOIN dataset d ON d.id = p.dataset_id"
                    + " JOIN response ra ON ra.prompt_id = p.id JOIN system_under_test sa ON sa.id = ra.system_id"
                    + " JOIN response rb ON rb.prompt_id = p.id JOIN system_under_test sb ON sb.id = rb.system_id"
                    + " WHERE d.name = 'demo' AND sa.name = 'reference' AND sb.name = 'monotone' ORDER BY p.position")
            .getResultList();
    for (int i = 0; i < verdicts.size(); i++) {
      Object[] pair = pairs.get(onePrompt ? 0 : i);
      entityManager
          .createNativeQuery(
              "INSERT INTO preference (id, prompt_id, response_a_id, response_b_id, dimension, verdict,"
                  + " source_kind, source) VALUES (?1, ?2, ?3, ?4, 'overall', ?5, 'judge', ?6)")
          .setParameter(1, UUID.randomUUID())
          .setParameter(2, ((Number) pair[0]).longValue())
          .setParameter(3, ((Number) pair[1]).longValue())
          .setParameter(4, ((Number) pair[2]).longValue())
          .setParameter(5, verdicts.get(i))
          // A judge version's verdict on a pair counts once: repeats on one prompt are versions.
          .setParameter(6, judge + "@v" + (onePrompt ? i : 1))
          .executeUpdate();
    }
  }
}

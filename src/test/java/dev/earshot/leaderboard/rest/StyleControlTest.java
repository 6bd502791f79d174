package dev.earshot.leaderboard.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StyleControlTest {

  @Inject EntityManager entityManager;

  @Test
  void shouldFitStyleCovariatesBesideTheStrengths() {
    QuarkusTransaction.requiringNew().run(this::storeJudgeVerdicts);

    JsonPath plain =
        given()
            .queryParam("source", "judge:style-judge")
            .queryParam("dimension", "overall")
            .queryParam("bootstrap", 0)
            .when()
            .get("/api/leaderboard")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(plain.getList("system")).containsExactly("reference", "monotone");

    JsonPath controlled =
        given()
            .queryParam("source", "judge:style-judge")
            .queryParam("dimension", "overall")
            .when()
            .get("/api/leaderboard/style-controlled")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(controlled.getList("rows.system"))
        .containsExactlyInAnyOrder("reference", "monotone");
    assertThat(controlled.getList("coefficients.name"))
        .containsExactly("durationSeconds", "speakingRateSyllablesPerSecond", "loudness10Lu");
    assertThat(controlled.getList("rows.standardError", Double.class))
        .allSatisfy(se -> assertThat(se).isPositive());

    given()
        .queryParam("source", "arena:none")
        .queryParam("dimension", "overall")
        .when()
        .get("/api/leaderboard/style-controlled")
        .then()
        .statusCode(400)
        .body("detail", containsString("audio"));
  }

  /** reference vs monotone on every demo prompt: 16 wins, 4 losses, 4 ties for reference. */
  private void storeJudgeVerdicts() {
    @SuppressWarnings("unchecked")
    List<Object[]> pairs =
        entityManager
            .createNativeQuery(
                "SELECT p.id, ra.id, rb.id FROM prompt p JOIN dataset d ON d.id = p.dataset_id"
                    + " JOIN response ra ON ra.prompt_id = p.id JOIN system_under_test sa ON sa.id = ra.system_id"
                    + " JOIN response rb ON rb.prompt_id = p.id JOIN system_under_test sb ON sb.id = rb.system_id"
                    + " WHERE d.name = 'demo' AND sa.name = 'reference' AND sb.name = 'monotone' ORDER BY p.position")
            .getResultList();
    assertThat(pairs).hasSize(24);
    for (int i = 0; i < pairs.size(); i++) {
      String verdict = i < 16 ? "a_better" : i < 20 ? "b_better" : "tie";
      entityManager
          .createNativeQuery(
              "INSERT INTO preference (id, prompt_id, response_a_id, response_b_id, dimension, verdict,"
                  + " source_kind, source) VALUES (?1, ?2, ?3, ?4, 'overall', ?5, 'judge', 'style-judge@v1')")
          .setParameter(1, UUID.randomUUID())
          .setParameter(2, ((Number) pairs.get(i)[0]).longValue())
          .setParameter(3, ((Number) pairs.get(i)[1]).longValue())
          .setParameter(4, ((Number) pairs.get(i)[2]).longValue())
          .setParameter(5, verdict)
          .executeUpdate();
    }
  }
}

package dev.earshot.leaderboard.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;

import dev.earshot.stats.agreement.KrippendorffAlpha;
import dev.earshot.stats.agreement.KrippendorffAlpha.Metric;
import dev.earshot.stats.agreement.RatingMatrix;
import dev.earshot.stats.agreement.Verdict;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Agreement and judge audit over votes this test stores on the demo's responses, each test on a
 * dimension of its own so that no other votes mix in. JsonPath reads numbers as floats, hence the
 * tolerance of computed expectations.
 */
@QuarkusTest
class AgreementResourceTest {

  private static final int ITEMS = 20;

  /** Pairs of systems (indexes into the demo's systems sorted by name); the first is better. */
  private static final int[][] PAIRS = {{0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}, {2, 3}};

  private static final List<String> AGREEING = List.of("rater:ann", "rater:bob", "rater:cy");
  private static final String CONTRARIAN = "rater:zed";

  @Inject EntityManager entityManager;

  /** One response pair on a demo prompt, the better one by the consensus of the humans. */
  private record Item(long prompt, long better, long worse) {

    boolean betterHasLowerId() {
      return better < worse;
    }
  }

  @Test
  void shouldMeasureRaterAgreementWhateverOrderThePairWasHeardIn() {
    String dimension = "agreement-raters";
    List<Item> items = demoItems();
    storeHumanVotes(items, dimension);
    long betterFirst = items.stream().filter(Item::betterHasLowerId).count();
    long betterSecond = ITEMS - betterFirst;
    assertThat(betterFirst)
        .as("the demo's response ids put the better response first on some items only")
        .isBetween(1L, ITEMS - 1L);

    JsonPath agreement =
        given()
            .queryParam("dimension", dimension)
            .when()
            .get("/api/agreement")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    assertThat(agreement.getInt("items")).isEqualTo(ITEMS);
    assertThat(agreement.getInt("raterCount")).isEqualTo(4);
    // Per item, 3 of the 6 rater pairs agree (the three agreeing raters among themselves).
    assertThat(agreement.getDouble("percentAgreement.withTies")).isEqualTo(0.5);
    assertThat(agreement.getDouble("percentAgreement.withoutTies")).isEqualTo(0.5);
    // Cohen's κ with marginals nA, nB against their mirror image: −2·nA·nB / (nA² + nB²).
    double mirrored =
        -2.0
            * betterFirst
            * betterSecond
            / (betterFirst * betterFirst + betterSecond * betterSecond);
    assertThat(kappa(agreement, "rater:ann", "rater:bob")).isCloseTo(1.0, within(1e-6));
    assertThat(kappa(agreement, "rater:ann", CONTRARIAN)).isCloseTo(mirrored, within(1e-6));
    assertThat(agreement.getList("cohenKappa.items")).hasSize(6).allMatch(n -> n.equals(ITEMS));
    assertThat(agreement.getList("raters.rater"))
        .containsExactly("rater:ann", "rater:bob", "rater:cy", CONTRARIAN);
    // Fleiss: every item has P_i = (3·2)/(4·3) = 1/2; chance from the pooled direction shares.
    double shareFirst = (3.0 * betterFirst + betterSecond) / (4.0 * ITEMS);
    double chance = shareFirst * shareFirst + (1 - shareFirst) * (1 - shareFirst);
    assertThat(agreement.getDouble("fleissKappa"))
        .isCloseTo((0.5 - chance) / (1 - chance), within(1e-6));
    // α keeps the strength of each verdict, which must survive the turn to the lower id's side.
    assertThat(agreement.getDouble("krippendorffAlphaOrdinal"))
        .isCloseTo(KrippendorffAlpha.of(scores(items), Metric.ORDINAL), within(1e-6));

    Map<String, Object> contrarian = rater(agreement, CONTRARIAN);
    assertThat(contrarian.get("flagged")).isEqualTo(true);
    assertThat(((Number) contrarian.get("agreementWithOthers")).doubleValue()).isZero();
    assertThat(contrarian.get("goldAccuracy")).isNull();
    assertThat(contrarian.get("reasons").toString())
        .contains("agreement with majority 0.00 vs median 1.00");
    for (String rater : AGREEING) {
      Map<String, Object> report = rater(agreement, rater);
      assertThat(report.get("flagged")).as(rater).isEqualTo(false);
      assertThat(((Number) report.get("agreementWithOthers")).doubleValue()).isEqualTo(1.0);
    }
  }

  @Test
  void shouldAuditAJudgeAgainstTheHumanMajority() {
    String dimension = "agreement-judges";
    List<Item> items = demoItems();
    storeHumanVotes(items, dimension);
    List<Object[]> verdicts = new ArrayList<>();
    for (int k = 0; k < ITEMS; k++) {
      Item item = items.get(k);
      if (k == 0) {
        // against the humans
        verdicts.add(
            verdict(item, "judge", "x-judge@v1", k % 3 != 0, "b_better", false, dimension));
      } else if (k < 16) {
        verdicts.add(
            verdict(item, "judge", "x-judge@v1", k % 3 != 0, "a_better", false, dimension));
      } else {
        // the two orders disagreed: stored as a tie
        verdicts.add(verdict(item, "judge", "x-judge@v1", k % 3 != 0, "tie", true, dimension));
      }
    }
    store(verdicts);

    JsonPath audit =
        given()
            .queryParam("dimension", dimension)
            .when()
            .get("/api/judge-audit")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    assertThat(audit.getList("judge")).containsExactly("x-judge@v1");
    assertThat(audit.getInt("[0].items")).isEqualTo(ITEMS);
    assertThat(audit.getInt("[0].sharedItems")).isEqualTo(ITEMS);
    assertThat(audit.getDouble("[0].agreementWithHumanMajority")).isEqualTo(15.0 / 20);
    assertThat(audit.getInt("[0].sharedItemsWithoutTies")).isEqualTo(16);
    assertThat(audit.getDouble("[0].agreementWithHumanMajorityWithoutTies")).isEqualTo(15.0 / 16);
    assertThat(audit.getDouble("[0].positionConflictRate")).isEqualTo(4.0 / 20);
    assertThat(audit.getInt("[0].judgedInBothOrders")).isEqualTo(ITEMS);
    // The judge ranks the four systems in the humans' order.
    assertThat(audit.getInt("[0].rankCorrelation.systems")).isEqualTo(4);
    assertThat(audit.getDouble("[0].rankCorrelation.spearmanRho")).isCloseTo(1.0, within(1e-6));
    assertThat(audit.getDouble("[0].rankCorrelation.kendallTauB")).isCloseTo(1.0, within(1e-6));
  }

  @Test
  void shouldAskForTheDimension() {
    for (String path : List.of("/api/agreement", "/api/judge-audit")) {
      given()
          .when()
          .get(path)
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("detail", containsString("dimension is required"));
    }
  }

  /**
   * Item k: the k-th demo prompt and a pair of systems cycling through {@link #PAIRS}, the system
   * whose name sorts first being better.
   */
  private List<Item> demoItems() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "SELECT p.id, r.id FROM prompt p JOIN dataset d ON d.id = p.dataset_id JOIN response"
                    + " r ON r.prompt_id = p.id JOIN system_under_test s ON s.id = r.system_id"
                    + " WHERE d.name = 'demo' ORDER BY p.position, s.name")
            .getResultList();
    List<Item> items = new ArrayList<>();
    for (int k = 0; k < ITEMS; k++) {
      int[] pair = PAIRS[k % PAIRS.length];
      Object[] better = rows.get(4 * k + pair[0]);
      Object[] worse = rows.get(4 * k + pair[1]);
      assertThat(worse[0]).isEqualTo(better[0]);
      items.add(
          new Item(
              ((Number) better[0]).longValue(),
              ((Number) better[1]).longValue(),
              ((Number) worse[1]).longValue()));
    }
    return items;
  }

  /** The verdicts of {@link #storeHumanVotes} from the side of the response with the lower id. */
  private static RatingMatrix scores(List<Item> items) {
    RatingMatrix.Builder matrix = RatingMatrix.builder();
    for (int k = 0; k < ITEMS; k++) {
      int towardsBetter = items.get(k).betterHasLowerId() ? -1 : 1;
      for (int r = 0; r < AGREEING.size(); r++) {
        int strength = (k + r) % 3 == 0 ? 2 : 1;
        matrix.add("item" + k, AGREEING.get(r), Verdict.ofScore(towardsBetter * strength));
      }
      matrix.add("item" + k, CONTRARIAN, Verdict.ofScore(-towardsBetter));
    }
    return matrix.build();
  }

  /**
   * Three raters who always prefer the better response (with varying strength) and one who always
   * prefers the worse; each rater hears the better response first on every other item.
   */
  private void storeHumanVotes(List<Item> items, String dimension) {
    List<Object[]> votes = new ArrayList<>();
    for (int k = 0; k < ITEMS; k++) {
      for (int r = 0; r < AGREEING.size(); r++) {
        String strength = (k + r) % 3 == 0 ? "much_better" : "better";
        boolean betterFirst = (k + r) % 2 == 0;
        votes.add(
            verdict(
                items.get(k),
                "human",
                AGREEING.get(r),
                betterFirst,
                "a_" + strength,
                null,
                dimension));
      }
      votes.add(
          verdict(items.get(k), "human", CONTRARIAN, k % 2 == 1, "b_better", null, dimension));
    }
    store(votes);
  }

  /**
   * A preference row; {@code verdict} is written as if the better response were A and flipped when
   * the worse one is presented first.
   */
  private Object[] verdict(
      Item item,
      String kind,
      String source,
      boolean betterFirst,
      String verdict,
      Boolean conflict,
      String dimension) {
    String presented =
        betterFirst
            ? verdict
            : verdict.startsWith("a_")
                ? "b_" + verdict.substring(2)
                : verdict.startsWith("b_") ? "a_" + verdict.substring(2) : verdict;
    return new Object[] {
      item.prompt(),
      betterFirst ? item.better() : item.worse(),
      betterFirst ? item.worse() : item.better(),
      dimension,
      presented,
      kind,
      source,
      conflict == null ? "" : conflict.toString()
    };
  }

  private void store(List<Object[]> rows) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              for (Object[] row : rows) {
                var insert =
                    entityManager.createNativeQuery(
                        "INSERT INTO preference (id, prompt_id, response_a_id, response_b_id,"
                            + " dimension, verdict, source_kind, source, position_conflict)"
                            + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, CAST(NULLIF(?9, '') AS BOOLEAN))");
                // Ids from the row's content: rows of one transaction share created_at and are
                // ordered by id, which stays the same from run to run.
                insert.setParameter(
                    1,
                    UUID.nameUUIDFromBytes(Arrays.toString(row).getBytes(StandardCharsets.UTF_8)));
                for (int i = 0; i < row.length; i++) {
                  insert.setParameter(i + 2, row[i]);
                }
                insert.executeUpdate();
              }
            });
  }

  /** Raters come in name order, so {@code raterA} sorts before {@code raterB}. */
  private static double kappa(JsonPath agreement, String raterA, String raterB) {
    return agreement.getDouble(
        "cohenKappa.find { it.raterA == '" + raterA + "' && it.raterB == '" + raterB + "' }.kappa");
  }

  private static Map<String, Object> rater(JsonPath agreement, String rater) {
    return agreement.getMap("raters.find { it.rater == '" + rater + "' }");
  }
}

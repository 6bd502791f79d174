package dev.earshot.leaderboard.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.earshot.leaderboard.service.LeaderboardService;
import dev.earshot.leaderboard.service.LeaderboardService.LeaderboardQuery;
import dev.earshot.leaderboard.service.LeaderboardService.WinRateMatrix;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LeaderboardResourceTest {

  /** Known strengths on the rating scale: gaps of 100 and 200 points. */
  private static final Map<String, Double> TRUE_RATING =
      Map.of("alpha", 1200.0, "beta", 1100.0, "gamma", 900.0, "delta", 800.0);

  @Test
  void shouldRecoverKnownStrengthsFromAnImportedCsvLog() {
    String csv = simulatedCsv(4000, 7);
    given()
        .contentType("text/csv")
        .body(csv)
        .when()
        .post("/api/arenas/simulated/battles")
        .then()
        .statusCode(201)
        .body("arena", equalTo("simulated"))
        .body("imported", equalTo(4000));

    JsonPath board =
        given()
            .queryParam("source", "arena:simulated")
            .queryParam("bootstrap", 200)
            .queryParam("seed", 3)
            .when()
            .get("/api/leaderboard")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(board.getList("system")).containsExactly("alpha", "beta", "gamma", "delta");
    List<Map<String, Object>> rows = board.getList("$");
    double mean =
        TRUE_RATING.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    for (Map<String, Object> row : rows) {
      double truth = TRUE_RATING.get((String) row.get("system")) - mean + 1000;
      double rating = ((Number) row.get("rating")).doubleValue();
      assertThat(((Number) row.get("ciLow")).doubleValue()).isLessThan(rating);
      assertThat(((Number) row.get("ciHigh")).doubleValue()).isGreaterThan(rating);
      // within 4 standard errors of the truth (the interval is about ±2)
      assertThat(Math.abs(rating - truth))
          .isLessThan(4 * ((Number) row.get("standardError")).doubleValue());
      assertThat(((Number) row.get("battles")).longValue())
          .isEqualTo(
              ((Number) row.get("wins")).longValue()
                  + ((Number) row.get("losses")).longValue()
                  + ((Number) row.get("ties")).longValue());
    }
    assertThat(board.getInt("[0].rankUpperBound")).isEqualTo(1);

    // Same seed, same numbers.
    List<Object> again =
        given()
            .queryParam("source", "arena:simulated")
            .queryParam("bootstrap", 200)
            .queryParam("seed", 3)
            .when()
            .get("/api/leaderboard")
            .then()
            .extract()
            .jsonPath()
            .getList("ciLow");
    assertThat(again).isEqualTo(board.getList("ciLow"));
  }

  @Test
  void shouldImportChatbotArenaJson() {
    String json =
        """
        [
          {"model_a": "x", "model_b": "y", "winner": "model_a", "judge": "someone"},
          {"model_a": "x", "model_b": "y", "winner": "model_b"},
          {"model_a": "y", "model_b": "x", "winner": "tie (bothbad)"},
          {"model_a": "y", "model_b": "x", "winner": "model_b"},
          {"model_a": "x", "model_b": "y", "winner": "tie"}
        ]
        """;
    given()
        .contentType("application/json")
        .body(json)
        .when()
        .post("/api/arenas/lmsys/battles")
        .then()
        .statusCode(201)
        .body("imported", equalTo(5));
    JsonPath board =
        given()
            .queryParam("source", "arena:lmsys")
            .queryParam("bootstrap", 0)
            .when()
            .get("/api/leaderboard")
            .then()
            .statusCode(200)
            .body("[0].system", equalTo("x"))
            .body("[0].wins", equalTo(2))
            .body("[0].losses", equalTo(1))
            .body("[0].ties", equalTo(2))
            .body("[0].bothBad", equalTo(1))
            .extract()
            .jsonPath();
    // x: 2 wins + 2 half ties = 3 of 5; the rating gap is (400/ln10)·ln(3/2) = 70.437 points
    assertThat(board.getDouble("[0].rating"))
        .isCloseTo(1035.2185, org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void shouldAnchorSwitchTieModelAndLookBackInTime() {
    given()
        .contentType("text/csv")
        .body("a,b,outcome\np,q,a\np,q,a\np,q,b\np,q,tie\nq,r,a\nr,q,a\nr,p,tie\n")
        .when()
        .post("/api/arenas/options/battles")
        .then()
        .statusCode(201);
    JsonPath anchored =
        given()
            .queryParam("source", "arena:options")
            .queryParam("anchor", "q")
            .queryParam("anchorRating", 1500)
            .queryParam("bootstrap", 0)
            .when()
            .get("/api/leaderboard")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(anchored.getDouble("find { it.system == 'q' }.rating"))
        .isCloseTo(1500, org.assertj.core.data.Offset.offset(1e-6));
    given()
        .queryParam("source", "arena:options")
        .queryParam("tieModel", "davidson")
        .queryParam("bootstrap", 0)
        .when()
        .get("/api/leaderboard")
        .then()
        .statusCode(200)
        .body("size()", equalTo(3));
    given()
        .queryParam("source", "arena:options")
        .queryParam("asOf", "2000-01-01")
        .when()
        .get("/api/leaderboard")
        .then()
        .statusCode(200)
        .body("size()", equalTo(0));
    given()
        .queryParam("source", "arena:options")
        .queryParam("anchor", "nobody")
        .when()
        .get("/api/leaderboard")
        .then()
        .statusCode(422)
        .body("detail", containsString("nobody"));
    given()
        .queryParam("source", "arena:options")
        .queryParam("asOf", "yesterday")
        .when()
        .get("/api/leaderboard")
        .then()
        .statusCode(400)
        .body("detail", containsString("ISO date"));
  }

  @Inject LeaderboardService leaderboards;

  @Test
  void shouldComputeTheWinRateMatrixAndServeCsv() {
    given()
        .contentType("text/csv")
        .body("a,b,outcome\nm1,m2,a\nm1,m2,a\nm2,m1,tie\nm1,m2,b\nm2,m3,a\nm3,m2,tie\n")
        .when()
        .post("/api/arenas/matrix/battles")
        .then()
        .statusCode(201);
    LeaderboardQuery query =
        new LeaderboardQuery(
            "arena:matrix", null, null, null, null, null, false, null, Double.NaN, 0, 1);
    WinRateMatrix matrix = leaderboards.matrix(query, List.of("m1", "m2", "m3"));
    // m1 vs m2: 2 wins, 1 loss, 1 tie of 4 -> 2.5 / 4
    assertThat(matrix.winRate()[0][1]).isEqualTo(0.625);
    assertThat(matrix.winRate()[1][0]).isEqualTo(0.375);
    assertThat(matrix.battles()[0][1]).isEqualTo(4);
    assertThat(matrix.winRate()[1][2]).isEqualTo(0.75);
    assertThat(matrix.winRate()[0][2]).isNull();
    assertThat(matrix.battles()[0][2]).isZero();

    String csv =
        given()
            .queryParam("source", "arena:matrix")
            .queryParam("bootstrap", 0)
            .queryParam("format", "csv")
            .when()
            .get("/api/leaderboard")
            .then()
            .statusCode(200)
            .contentType("text/csv")
            .extract()
            .asString();
    assertThat(csv.lines().findFirst().orElseThrow())
        .isEqualTo(
            "system,rating,standardError,ciLow,ciHigh,rankUpperBound,battles,wins,losses,ties,bothBad");
    assertThat(csv.lines().count()).isEqualTo(4);

    JsonPath served =
        given()
            .queryParam("source", "arena:matrix")
            .when()
            .get("/api/leaderboard/matrix")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(served.getList("systems")).containsExactlyInAnyOrder("m1", "m2", "m3");
    int m1 = served.getList("systems").indexOf("m1");
    int m2 = served.getList("systems").indexOf("m2");
    assertThat(served.getInt("battles[" + m1 + "][" + m2 + "]")).isEqualTo(4);
  }

  @Test
  void shouldRejectBadRowsWithLineNumbersAndImportNothing() {
    String csv = "a,b,outcome\nx,y,a\nx,y,maybe\nx,x,tie\nonly,two\n";
    given()
        .contentType("text/csv")
        .body(csv)
        .when()
        .post("/api/arenas/broken/battles")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.line", equalTo(List.of(3, 4, 5)))
        .body("errors[0].message", containsString("maybe"));
    given()
        .queryParam("source", "arena:broken")
        .when()
        .get("/api/leaderboard")
        .then()
        .statusCode(404);
  }

  @Test
  void shouldRankASystemThatNeverLostWithASmallRidgeAndSaySo() {
    given()
        .contentType("text/csv")
        .body("a,b,outcome\nwinner,loser,a\nwinner,loser,a\n")
        .when()
        .post("/api/arenas/onesided/battles")
        .then()
        .statusCode(201);
    given()
        .queryParam("source", "arena:onesided")
        .queryParam("bootstrap", 0)
        .when()
        .get("/api/leaderboard")
        .then()
        .statusCode(200)
        .body("system", equalTo(List.of("winner", "loser")))
        .body("regularised", equalTo(List.of(true, true)));
    given()
        .queryParam("source", "arena:simulated-none")
        .when()
        .get("/api/leaderboard")
        .then()
        .statusCode(404);
  }

  @Test
  void shouldShowAnEmptyHumanLeaderboardForADimensionWithoutVotesAndRequireADimension() {
    // Nobody votes on this dimension; the empty answer says why in a header.
    given()
        .queryParam("source", "humans")
        .queryParam("dimension", "clarity")
        .when()
        .get("/api/leaderboard")
        .then()
        .statusCode(200)
        .body("size()", equalTo(0))
        .header("Earshot-Note", containsString("No human votes on clarity"));
    given()
        .queryParam("source", "judge:audio-quality")
        .when()
        .get("/api/leaderboard")
        .then()
        .statusCode(400)
        .body("detail", containsString("dimension"));
    given()
        .queryParam("source", "martians")
        .when()
        .get("/api/leaderboard")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  /**
   * Battles between uniformly drawn pairs with 15 % ties, drawn so that A's expected score (wins
   * plus half the ties) is exactly the Bradley–Terry probability: what the half-win fit recovers.
   */
  private static String simulatedCsv(int battles, long seed) {
    Random random = new Random(seed);
    List<String> systems = List.of("alpha", "beta", "gamma", "delta");
    StringBuilder csv = new StringBuilder("a,b,outcome\n");
    for (int i = 0; i < battles; i++) {
      String a = systems.get(random.nextInt(4));
      String b = systems.get(random.nextInt(4));
      if (a.equals(b)) {
        i--;
        continue;
      }
      double pA = 1 / (1 + Math.pow(10, (TRUE_RATING.get(b) - TRUE_RATING.get(a)) / 400));
      double tie = 0.15;
      String outcome;
      if (random.nextDouble() < tie) {
        outcome = "tie";
      } else {
        outcome = random.nextDouble() < (pA - tie / 2) / (1 - tie) ? "a" : "b";
      }
      csv.append(a).append(',').append(b).append(',').append(outcome).append('\n');
    }
    return csv.toString();
  }
}

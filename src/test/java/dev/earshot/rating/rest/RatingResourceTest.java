package dev.earshot.rating.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.earshot.testing.Accounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RatingResourceTest {

  @Inject EntityManager em;

  @Test
  void shouldRefuseTextWithTheNulCharacterAndStoreNothing() {
    String name = "nul campaign " + System.nanoTime();
    given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "name",
                name,
                "dataset",
                "demo",
                "systems",
                Campaigns.DEMO_SYSTEMS,
                "dimensions",
                List.of("prosody"),
                "raters",
                List.of(Accounts.newUser("nul-rater", "annotator")),
                "overlap",
                1,
                "instructions",
                "Listen\u0000 to both."))
        .post("/api/campaigns")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("detail", containsString("NUL"));
    given()
        .get("/api/campaigns")
        .then()
        .statusCode(200)
        .body("name", org.hamcrest.Matchers.not(hasItem(name)));
  }

  @Test
  void shouldCreateACampaignWithEveryPairOfSystemsOnEveryPrompt() {
    String rater = Accounts.newUser("rater", "annotator");
    String id = Campaigns.create(List.of(rater), List.of("prosody", "quality"), 1);
    JsonPath campaign =
        given().get("/api/campaigns/" + id).then().statusCode(200).extract().jsonPath();
    assertThat(campaign.getInt("campaign.pairs")).isEqualTo(24 * 6);
    assertThat(campaign.getInt("campaign.votesWanted")).isEqualTo(24 * 6);
    assertThat(campaign.getList("campaign.systems"))
        .containsExactlyInAnyOrderElementsOf(Campaigns.DEMO_SYSTEMS);
    assertThat(campaign.getString("instructions")).contains("**Prosody**");
  }

  @Test
  void shouldListEveryProblemOfABadCampaign() {
    given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "name",
                "bad",
                "dataset",
                "no-such-dataset",
                "systems",
                List.of("reference", "nobody"),
                "dimensions",
                List.of("prosody", "charisma"),
                "raters",
                List.of("ghost"),
                "overlap",
                3))
        .post("/api/campaigns")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("detail", containsString("no dataset 'no-such-dataset'"))
        .body("detail", containsString("no system 'nobody'"))
        .body("detail", containsString("'charisma' is not one of"))
        .body("detail", containsString("no user 'ghost'"))
        .body("detail", containsString("overlap"));
  }

  @Test
  void shouldRefuseMoreThanAHundredVotesPerPairWithAProblemNotAServerError() {
    List<String> crowd =
        java.util.stream.IntStream.rangeClosed(1, 101).mapToObj(i -> "ghost-" + i).toList();
    given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "name",
                "too many votes per pair",
                "dataset",
                "demo",
                "systems",
                List.of("reference", "monotone"),
                "dimensions",
                List.of("overall"),
                "raters",
                crowd,
                "overlap",
                101))
        .post("/api/campaigns")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("detail", containsString("overlap: at most 100 votes per pair"));
  }

  @Test
  void shouldHideSystemsAndResumeTheOpenAssignment() {
    String rater = Accounts.newUser("blind", "annotator");
    String token = Accounts.tokenOf(rater);
    String campaign = Campaigns.create(List.of(rater), List.of("prosody"), 1);
    String first =
        Accounts.as(token)
            .get("/api/campaigns/" + campaign + "/next")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    for (String system : Campaigns.DEMO_SYSTEMS) {
      assertThat(first).doesNotContain(system);
    }
    String again =
        Accounts.as(token)
            .get("/api/campaigns/" + campaign + "/next")
            .then()
            .statusCode(200)
            .extract()
            .path("assignment");
    assertThat(again).isEqualTo(JsonPath.from(first).getString("assignment"));
    assertThat(JsonPath.from(first).getInt("position")).isEqualTo(1);
    assertThat(JsonPath.from(first).getString("a.url")).endsWith("/audio/a");

    Accounts.as(token)
        .get(JsonPath.from(first).getString("a.url"))
        .then()
        .statusCode(200)
        .contentType("audio/wav");
    String stranger = Accounts.tokenForNewUser("stranger", "annotator");
    Accounts.as(stranger).get(JsonPath.from(first).getString("a.url")).then().statusCode(404);
    Accounts.as(stranger).get("/api/campaigns/" + campaign + "/next").then().statusCode(403);
  }

  @Test
  void shouldRefuseVotesBeforeBothResponsesWereHeardToTheEnd() {
    String rater = Accounts.newUser("hasty", "annotator");
    String token = Accounts.tokenOf(rater);
    String campaign = Campaigns.create(List.of(rater), List.of("prosody"), 1);
    String assignment =
        Accounts.as(token)
            .get("/api/campaigns/" + campaign + "/next")
            .then()
            .extract()
            .path("assignment");

    Accounts.as(token)
        .post("/api/assignments/" + assignment + "/played/a")
        .then()
        .statusCode(422)
        .body("detail", containsString("listen to it to the end"));
    Campaigns.vote(token, UUID.randomUUID(), assignment, Map.of("prosody", "a_better"))
        .then()
        .statusCode(422)
        .body("detail", containsString("Play both responses"));

    Campaigns.letTimePass(em, assignment, 60);
    Accounts.as(token)
        .post("/api/assignments/" + assignment + "/played/a")
        .then()
        .statusCode(200)
        .body("playedA", equalTo(true));
    Campaigns.vote(token, UUID.randomUUID(), assignment, Map.of("prosody", "a_better"))
        .then()
        .statusCode(422);
    assertThat(count("SELECT count(*) FROM rating_vote WHERE rater = ?1", rater)).isZero();
  }

  @Test
  void shouldStoreAVoteOnceWithTheSidesItWasHeardIn() {
    String rater = Accounts.newUser("careful", "annotator");
    String token = Accounts.tokenOf(rater);
    String campaign = Campaigns.create(List.of(rater), List.of("prosody", "quality"), 1);
    String assignment = Campaigns.listenToNext(em, token, campaign);
    UUID voteId = UUID.randomUUID();
    Map<String, String> verdicts = Map.of("prosody", "a_better", "quality", "b_much_better");

    Campaigns.vote(token, voteId, assignment, verdicts)
        .then()
        .statusCode(201)
        .body("created", equalTo(true));
    Campaigns.vote(token, voteId, assignment, verdicts)
        .then()
        .statusCode(200)
        .body("created", equalTo(false));
    Campaigns.vote(token, voteId, assignment, Map.of("prosody", "tie", "quality", "tie"))
        .then()
        .statusCode(409);
    Campaigns.vote(token, UUID.randomUUID(), assignment, verdicts).then().statusCode(409);

    List<Object[]> rows =
        rows(
            "SELECT p.dimension, p.verdict, p.response_a_id, p.response_b_id, a.response_a_id, a.response_b_id, CAST(p.campaign_id AS text)"
                + " FROM preference p JOIN rating_assignment a ON a.id = ?2"
                + " WHERE p.source = ?1 ORDER BY p.dimension",
            "rater:" + rater,
            UUID.fromString(assignment));
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0)[0]).isEqualTo("prosody");
    assertThat(rows.get(0)[1]).isEqualTo("a_better");
    assertThat(rows.get(1)[1]).isEqualTo("b_much_better");
    for (Object[] row : rows) {
      assertThat(row[2]).isEqualTo(row[4]);
      assertThat(row[3]).isEqualTo(row[5]);
      assertThat(row[6]).isEqualTo(campaign);
    }

    JsonPath votes =
        given()
            .queryParam("campaign", campaign)
            .get("/api/votes")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(votes.getList("")).hasSize(1);
    assertThat(votes.getString("[0].rater")).isEqualTo(rater);
    assertThat(Campaigns.DEMO_SYSTEMS)
        .contains(votes.getString("[0].systemA"), votes.getString("[0].systemB"));
    Accounts.as(token).queryParam("campaign", campaign).get("/api/votes").then().statusCode(403);

    JsonPath detail =
        given().get("/api/campaigns/" + campaign).then().statusCode(200).extract().jsonPath();
    assertThat(detail.getLong("campaign.votes")).isEqualTo(1);
    assertThat(detail.getList("raters.rater")).contains(rater);

    String second =
        Accounts.as(token)
            .get("/api/campaigns/" + campaign + "/next")
            .then()
            .statusCode(200)
            .extract()
            .path("assignment");
    assertThat(second).isNotEqualTo(assignment);
  }

  @Test
  void shouldTrackGoldAccuracyAndKeepGoldVotesOutOfThePreferences() {
    String rater = Accounts.newUser("gold", "annotator");
    String token = Accounts.tokenOf(rater);
    String campaign =
        Campaigns.create(
            Map.of(
                "name",
                "gold",
                "dataset",
                "demo",
                "systems",
                List.of("reference", "monotone"),
                "dimensions",
                List.of("quality"),
                "raters",
                List.of(rater),
                "overlap",
                1,
                "goldRate",
                0.5,
                "goldPairs",
                List.of(Map.of("better", "reference", "worse", "noisy", "dimension", "quality"))));
    int gold = 0;
    for (int i = 0; i < 4; i++) {
      String assignment = Campaigns.listenToNext(em, token, campaign);
      Campaigns.vote(token, UUID.randomUUID(), assignment, Map.of("quality", "tie"))
          .then()
          .statusCode(201);
      gold +=
          count(
              "SELECT count(*) FROM rating_assignment a JOIN campaign_pair p ON p.id = a.pair_id WHERE a.id = ?1 AND p.gold",
              UUID.fromString(assignment));
    }
    assertThat(gold).isEqualTo(2);
    assertThat(count("SELECT count(*) FROM preference WHERE source = ?1", "rater:" + rater))
        .isEqualTo(2);
    given()
        .get("/api/campaigns/" + campaign)
        .then()
        .statusCode(200)
        .body("raters[0].goldVotes", equalTo(2))
        .body("raters[0].goldAccuracy", equalTo(0.0f));
  }

  @Test
  void shouldShowAnnotatorsOnlyTheirCampaigns() {
    String rater = Accounts.newUser("mine", "annotator");
    String token = Accounts.tokenOf(rater);
    String campaign = Campaigns.create(List.of(rater), List.of("overall"), 1);
    Campaigns.create(List.of(Accounts.newUser("other", "annotator")), List.of("overall"), 1);
    List<String> ids =
        Accounts.as(token)
            .get("/api/campaigns")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("id");
    assertThat(ids).containsExactly(campaign);
    given().get("/api/campaigns").then().statusCode(200).body("id", hasItem(campaign));
  }

  private int count(String sql, Object parameter) {
    return ((Number) em.createNativeQuery(sql).setParameter(1, parameter).getSingleResult())
        .intValue();
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(String sql, Object first, Object second) {
    return em.createNativeQuery(sql).setParameter(1, first).setParameter(2, second).getResultList();
  }
}

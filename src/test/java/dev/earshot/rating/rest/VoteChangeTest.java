package dev.earshot.rating.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.earshot.testing.Accounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A rater goes back to their previous item and changes the vote: the latest counts everywhere, the
 * earlier one stays as history; refused on closed campaigns and on other raters' items.
 */
@QuarkusTest
class VoteChangeTest {

  @Inject EntityManager em;

  @Test
  void shouldCountOnlyTheLatestVoteAndKeepTheEarlierOne() {
    String rater = Accounts.newUser("secondthoughts", "annotator");
    String token = Accounts.tokenOf(rater);
    String campaign = twoSystemCampaign(rater, false);
    String assignment = Campaigns.voteFor(em, token, campaign, "prosody", "monotone");
    UUID first = currentVote(assignment);
    String monotoneSide = heardAsA(assignment).equals("monotone") ? "a" : "b";
    String referenceWins = monotoneSide.equals("a") ? "b_better" : "a_better";

    JsonPath previous = previous(token, campaign).statusCode(200).extract().jsonPath();
    assertThat(previous.getString("assignment.assignment")).isEqualTo(assignment);
    assertThat(previous.getString("vote")).isEqualTo(first.toString());
    assertThat(previous.getString("verdicts.prosody")).isEqualTo(monotoneSide + "_better");
    assertThat(previous.getLong("earlierVotes")).isZero();
    assertThat(previous.getString("revealed")).isNull();

    UUID second = UUID.randomUUID();
    change(token, assignment, second, Map.of("prosody", referenceWins))
        .statusCode(201)
        .body("created", equalTo(true))
        .body("revealed", nullValue());
    // A retry of the change and a replay of the first vote both answer as before, changing nothing.
    change(token, assignment, second, Map.of("prosody", referenceWins))
        .statusCode(200)
        .body("created", equalTo(false));
    Campaigns.vote(token, first, assignment, Map.of("prosody", monotoneSide + "_better"))
        .then()
        .statusCode(200)
        .body("created", equalTo(false));

    assertThat(currentVote(assignment)).isEqualTo(second);
    Object[] history =
        (Object[])
            em.createNativeQuery(
                    "SELECT superseded_by, superseded_at IS NOT NULL FROM rating_vote WHERE id = ?1")
                .setParameter(1, first)
                .getSingleResult();
    assertThat(history[0]).isEqualTo(second);
    assertThat(history[1]).isEqualTo(true);
    JsonPath matrix =
        given()
            .queryParams(Map.of("source", "humans", "dimension", "prosody", "campaign", campaign))
            .get("/api/leaderboard/matrix")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    int reference = matrix.getList("systems").indexOf("reference");
    assertThat(matrix.getLong("battles[0][1]")).isEqualTo(1);
    assertThat(matrix.getDouble("winRate[" + reference + "][" + (1 - reference) + "]"))
        .isEqualTo(1.0);
    given()
        .get("/api/campaigns/" + campaign)
        .then()
        .statusCode(200)
        .body("campaign.votes", equalTo(1));
    given()
        .queryParam("campaign", campaign)
        .get("/api/votes")
        .then()
        .statusCode(200)
        .body("id", equalTo(List.of(second.toString())));
    given()
        .queryParam("campaign", campaign)
        .queryParam("history", true)
        .get("/api/votes")
        .then()
        .statusCode(200)
        .body("id", equalTo(List.of(first.toString(), second.toString())))
        .body("supersededBy", equalTo(java.util.Arrays.asList(second.toString(), null)));
    previous(token, campaign)
        .statusCode(200)
        .body("vote", equalTo(second.toString()))
        .body("earlierVotes", equalTo(1));
  }

  @Test
  void shouldRefuseChangesOnAClosedCampaignAndOnItemsNotVotedOn() {
    String rater = Accounts.newUser("toolate", "annotator");
    String token = Accounts.tokenOf(rater);
    String campaign = twoSystemCampaign(rater, false);
    String voted = Campaigns.voteFor(em, token, campaign, "prosody", "monotone");
    String open = Campaigns.listenToNext(em, token, campaign);

    change(token, open, UUID.randomUUID(), Map.of("prosody", "tie"))
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("POST /api/votes"));

    given()
        .contentType(ContentType.JSON)
        .body(Map.of("status", "closed"))
        .patch("/api/campaigns/" + campaign)
        .then()
        .statusCode(200);
    UUID before = currentVote(voted);
    change(token, voted, UUID.randomUUID(), Map.of("prosody", "tie"))
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("is closed"));
    assertThat(currentVote(voted)).isEqualTo(before);
  }

  @Test
  void shouldNotShowOrChangeAnotherRatersItem() {
    String rater = Accounts.newUser("owner", "annotator");
    String token = Accounts.tokenOf(rater);
    String stranger = Accounts.tokenForNewUser("stranger", "annotator");
    String campaign = twoSystemCampaign(rater, true);
    String assignment = Campaigns.voteFor(em, token, campaign, "prosody", "monotone");
    UUID before = currentVote(assignment);

    change(stranger, assignment, UUID.randomUUID(), Map.of("prosody", "tie"))
        .statusCode(404)
        .contentType("application/problem+json");
    previous(stranger, campaign).statusCode(403).contentType("application/problem+json");
    // Replaying the owner's vote id as someone else reveals nothing either.
    Campaigns.vote(stranger, before, assignment, Map.of("prosody", "a_better"))
        .then()
        .statusCode(409)
        .body("revealed", nullValue());
    assertThat(currentVote(assignment)).isEqualTo(before);
  }

  private String twoSystemCampaign(String rater, boolean reveal) {
    return Campaigns.create(
        Map.of(
            "name",
            "second thoughts",
            "dataset",
            "demo",
            "systems",
            List.of("monotone", "reference"),
            "dimensions",
            List.of("prosody"),
            "raters",
            List.of(rater),
            "overlap",
            1,
            "revealSystemsAfterVote",
            reveal));
  }

  private static ValidatableResponse previous(String token, String campaign) {
    return Accounts.as(token).get("/api/campaigns/" + campaign + "/previous").then();
  }

  private static ValidatableResponse change(
      String token, String assignment, UUID id, Map<String, String> verdicts) {
    return Accounts.as(token)
        .contentType(ContentType.JSON)
        .body(Map.of("id", id.toString(), "verdicts", verdicts))
        .put("/api/assignments/" + assignment + "/vote")
        .then();
  }

  private UUID currentVote(String assignment) {
    return (UUID)
        em.createNativeQuery(
                "SELECT id FROM rating_vote WHERE assignment_id = ?1 AND superseded_at IS NULL")
            .setParameter(1, UUID.fromString(assignment))
            .getSingleResult();
  }

  private String heardAsA(String assignment) {
    return (String)
        em.createNativeQuery(
                "SELECT s.name FROM rating_assignment a JOIN response r ON r.id = a.response_a_id"
                    + " JOIN system_under_test s ON s.id = r.system_id WHERE a.id = ?1")
            .setParameter(1, UUID.fromString(assignment))
            .getSingleResult();
  }
}

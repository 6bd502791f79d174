package dev.earshot.rating.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.earshot.testing.Accounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Paused and closed campaigns take no votes, and only an admin undoes a close. */
@QuarkusTest
class CampaignStateTest {

  private static final Map<String, String> OVERALL_TIE = Map.of("overall", "tie");

  @Inject EntityManager em;

  @Test
  void shouldRefuseVotesOnPausedAndClosedCampaignsEvenWithAnOpenAssignment() {
    String annotator = Accounts.newUser("patient", "annotator");
    String token = Accounts.tokenOf(annotator);
    String lead = Accounts.tokenForNewUser("lead", "researcher");
    String campaign = Campaigns.create(List.of(annotator), List.of("overall"), 1);
    String assignment = Campaigns.listenToNext(em, token, campaign);

    setStatus(lead, campaign, "paused").statusCode(200);
    Campaigns.vote(token, UUID.randomUUID(), assignment, OVERALL_TIE)
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("is paused"));
    Accounts.as(token).get("/api/campaigns/" + campaign + "/next").then().statusCode(409);

    setStatus(lead, campaign, "closed").statusCode(200);
    Campaigns.vote(token, UUID.randomUUID(), assignment, OVERALL_TIE)
        .then()
        .statusCode(409)
        .body("detail", containsString("is closed"));
    assertThat(votesOn(campaign)).isZero();
  }

  @Test
  void shouldKeepAClosedCampaignClosedUntilAnAdminReopensIt() {
    String annotator = Accounts.newUser("waiting", "annotator");
    String token = Accounts.tokenOf(annotator);
    String leadName = Accounts.newUser("closer", "researcher");
    String lead = Accounts.tokenOf(leadName);
    String campaign = Campaigns.create(List.of(annotator), List.of("overall"), 1);
    String assignment = Campaigns.listenToNext(em, token, campaign);

    setStatus(lead, campaign, "closed").statusCode(200);
    setStatus(lead, campaign, "active")
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("admin reopens it"));
    setStatus(lead, campaign, "paused").statusCode(409);
    Accounts.as(lead).post("/api/campaigns/" + campaign + "/reopen").then().statusCode(403);

    given()
        .post("/api/campaigns/" + campaign + "/reopen")
        .then()
        .statusCode(200)
        .body("status", equalTo("active"));
    Object[] audit =
        (Object[])
            em.createNativeQuery(
                    "SELECT closed_by, reopened_by, reopened_at FROM campaign WHERE id = ?1")
                .setParameter(1, UUID.fromString(campaign))
                .getSingleResult();
    assertThat(audit[0]).isEqualTo(leadName);
    assertThat(audit[1]).isNotNull().isNotEqualTo(leadName);
    assertThat(audit[2]).isNotNull();
    given().post("/api/campaigns/" + campaign + "/reopen").then().statusCode(409);

    Campaigns.vote(token, UUID.randomUUID(), assignment, OVERALL_TIE).then().statusCode(201);
  }

  private static ValidatableResponse setStatus(String token, String campaign, String status) {
    return Accounts.as(token)
        .contentType(ContentType.JSON)
        .body(Map.of("status", status))
        .patch("/api/campaigns/" + campaign)
        .then();
  }

  private long votesOn(String campaign) {
    return ((Number)
            em.createNativeQuery("SELECT count(*) FROM rating_vote WHERE campaign_id = ?1")
                .setParameter(1, UUID.fromString(campaign))
                .getSingleResult())
        .longValue();
  }
}

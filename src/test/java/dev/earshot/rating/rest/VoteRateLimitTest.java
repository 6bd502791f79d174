package dev.earshot.rating.rest;

import static org.hamcrest.Matchers.containsString;

import dev.earshot.testing.Accounts;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(VoteRateLimitTest.OneVoteAMinute.class)
class VoteRateLimitTest {

  /** A rate limit a test can reach: one vote a minute. */
  public static class OneVoteAMinute implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("earshot.rating.max-votes-per-minute", "1");
    }
  }

  @Inject EntityManager em;

  @Test
  void shouldRefuseVotesOverTheRatersRateLimitAndStoreNothing() {
    String rater = Accounts.newUser("fast", "annotator");
    String token = Accounts.tokenOf(rater);
    String campaign = Campaigns.create(List.of(rater), List.of("overall"), 1);
    vote(token, listenedTo(token, campaign)).then().statusCode(201);
    String second = listenedTo(token, campaign);
    vote(token, second)
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .body("detail", containsString("At most 1 votes a minute"));
    // The refused vote changed nothing: the assignment is still open for a later submit.
    Accounts.as(token)
        .get("/api/campaigns/" + campaign + "/next")
        .then()
        .statusCode(200)
        .body("assignment", org.hamcrest.Matchers.equalTo(second));
  }

  private String listenedTo(String token, String campaign) {
    String assignment =
        Accounts.as(token)
            .get("/api/campaigns/" + campaign + "/next")
            .then()
            .statusCode(200)
            .extract()
            .path("assignment");
    Campaigns.letTimePass(em, assignment, 60);
    Accounts.as(token).post("/api/assignments/" + assignment + "/played/a").then().statusCode(200);
    Accounts.as(token).post("/api/assignments/" + assignment + "/played/b").then().statusCode(200);
    return assignment;
  }

  private static io.restassured.response.Response vote(String token, String assignment) {
    return Accounts.as(token)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "id", UUID.randomUUID().toString(),
                "assignment", assignment,
                "verdicts", Map.of("overall", "tie")))
        .post("/api/votes");
  }
}

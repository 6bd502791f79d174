package dev.earshot.rating.rest;

import static org.hamcrest.Matchers.containsString;

import dev.earshot.testing.Accounts;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
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

  private static final Map<String, String> OVERALL_TIE = Map.of("overall", "tie");

  @Inject EntityManager em;

  @Test
  void shouldRefuseVotesOverTheRatersRateLimitAndStoreNothing() {
    String rater = Accounts.newUser("fast", "annotator");
    String token = Accounts.tokenOf(rater);
    String campaign = Campaigns.create(List.of(rater), List.of("overall"), 1);
    Campaigns.vote(
            token, UUID.randomUUID(), Campaigns.listenToNext(em, token, campaign), OVERALL_TIE)
        .then()
        .statusCode(201);
    String second = Campaigns.listenToNext(em, token, campaign);
    Campaigns.vote(token, UUID.randomUUID(), second, OVERALL_TIE)
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
}

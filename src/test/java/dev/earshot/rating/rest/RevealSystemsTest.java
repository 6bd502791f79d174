package dev.earshot.rating.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.testing.Accounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * With the campaign's reveal setting on, a rater learns the systems of an item only after voting on
 * it; the next item stays blind. Off (the default), nothing is revealed.
 */
@QuarkusTest
class RevealSystemsTest {

  @Inject EntityManager em;

  @Test
  void shouldRevealTheSystemsOnlyAfterTheVoteWhenTheCampaignSaysSo() {
    String rater = Accounts.newUser("curious", "annotator");
    String token = Accounts.tokenOf(rater);
    String campaign = create(rater, true);
    String assignment = Campaigns.listenToNext(em, token, campaign);
    String beforeVote = Accounts.as(token).get("/api/campaigns/" + campaign + "/next").asString();
    assertThat(beforeVote).doesNotContain("revealed");
    Campaigns.DEMO_SYSTEMS.forEach(s -> assertThat(beforeVote).doesNotContain(s));
    Accounts.as(token).get("/api/campaigns/" + campaign + "/previous").then().statusCode(204);

    JsonPath receipt =
        Campaigns.vote(token, UUID.randomUUID(), assignment, Map.of("overall", "tie"))
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();

    assertThat(receipt.getString("revealed.systemA")).isEqualTo(system(assignment, "a"));
    assertThat(receipt.getString("revealed.systemB")).isEqualTo(system(assignment, "b"));
    JsonPath previous =
        Accounts.as(token)
            .get("/api/campaigns/" + campaign + "/previous")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(previous.getString("revealed.systemA")).isEqualTo(system(assignment, "a"));
    String next =
        Accounts.as(token)
            .get("/api/campaigns/" + campaign + "/next")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    Campaigns.DEMO_SYSTEMS.forEach(s -> assertThat(next).doesNotContain(s));
  }

  @Test
  void shouldRevealNothingByDefault() {
    String rater = Accounts.newUser("discreet", "annotator");
    String token = Accounts.tokenOf(rater);
    String campaign = create(rater, null);
    String assignment = Campaigns.listenToNext(em, token, campaign);

    String receipt =
        Campaigns.vote(token, UUID.randomUUID(), assignment, Map.of("overall", "tie"))
            .then()
            .statusCode(201)
            .extract()
            .asString();
    String previous =
        Accounts.as(token)
            .get("/api/campaigns/" + campaign + "/previous")
            .then()
            .statusCode(200)
            .extract()
            .asString();

    Campaigns.DEMO_SYSTEMS.forEach(
        s -> {
          assertThat(receipt).doesNotContain(s);
          assertThat(previous).doesNotContain(s);
        });
  }

  private static String create(String rater, Boolean reveal) {
    Map<String, Object> spec = new java.util.HashMap<>();
    spec.put("name", "reveal " + reveal);
    spec.put("dataset", "demo");
    spec.put("systems", Campaigns.DEMO_SYSTEMS);
    spec.put("dimensions", List.of("overall"));
    spec.put("raters", List.of(rater));
    spec.put("overlap", 1);
    if (reveal != null) {
      spec.put("revealSystemsAfterVote", reveal);
    }
    return Campaigns.create(spec);
  }

  private String system(String assignment, String side) {
    return (String)
        em.createNativeQuery(
                "SELECT s.name FROM rating_assignment a JOIN response r ON r.id = a.response_"
                    + side
                    + "_id JOIN system_under_test s ON s.id = r.system_id WHERE a.id = ?1")
            .setParameter(1, UUID.fromString(assignment))
            .getSingleResult();
  }
}

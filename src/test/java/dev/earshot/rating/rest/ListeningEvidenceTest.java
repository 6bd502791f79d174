package dev.earshot.rating.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.earshot.testing.Accounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Votes need evidence beyond the clock: the server must have sent both responses completely (in any
 * ranges), and one rater's concurrent votes cannot pass the rate limit together.
 */
@QuarkusTest
class ListeningEvidenceTest {

  private static final Map<String, String> OVERALL_TIE = Map.of("overall", "tie");

  @Inject EntityManager em;

  @TestHTTPResource("/api/votes")
  URI votes;

  @Test
  void shouldRefuseAVoteUntilBothResponsesWereSentCompletelyInAnyRanges() {
    String rater = Accounts.newUser("scripted", "annotator");
    String token = Accounts.tokenOf(rater);
    String campaign = Campaigns.create(List.of(rater), List.of("overall"), 1);
    String assignment =
        Accounts.as(token)
            .get("/api/campaigns/" + campaign + "/next")
            .then()
            .statusCode(200)
            .extract()
            .path("assignment");
    // The clock alone: waited out and both reported as played, but no audio downloaded.
    Campaigns.letTimePass(em, assignment, 60);
    Accounts.as(token).post("/api/assignments/" + assignment + "/played/a").then().statusCode(200);
    Accounts.as(token).post("/api/assignments/" + assignment + "/played/b").then().statusCode(200);
    Campaigns.vote(token, UUID.randomUUID(), assignment, OVERALL_TIE)
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("detail", containsString("response A and B was never fetched completely"));

    Campaigns.download(token, assignment, "b");
    String audioA = "/api/assignments/" + assignment + "/audio/a";
    Accounts.as(token).head(audioA).then().statusCode(200);
    Accounts.as(token).header("Range", "bytes=0-99").get(audioA).then().statusCode(206);
    Campaigns.vote(token, UUID.randomUUID(), assignment, OVERALL_TIE)
        .then()
        .statusCode(422)
        .body("detail", containsString("response A was never fetched completely"));
    // A player's second request for the rest completes the evidence.
    Accounts.as(token)
        .header("Range", "bytes=100-")
        .get(audioA)
        .then()
        .statusCode(206)
        .header("Content-Range", containsString("bytes 100-"));
    Campaigns.vote(token, UUID.randomUUID(), assignment, OVERALL_TIE)
        .then()
        .statusCode(201)
        .body("created", equalTo(true));
  }

  @Test
  void shouldAcceptNoMoreConcurrentVotesThanTheRateLimit() {
    String rater = Accounts.newUser("burst", "annotator");
    String token = Accounts.tokenOf(rater);
    String campaign = Campaigns.create(List.of(rater), List.of("overall"), 1);
    List<String> assignments = listenedAssignments(rater, campaign, 25);
    assignments.forEach(
        a -> {
          Campaigns.download(token, a, "a");
          Campaigns.download(token, a, "b");
        });

    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    List<CompletableFuture<HttpResponse<String>>> sent =
        assignments.stream()
            .map(
                a ->
                    client.sendAsync(
                        HttpRequest.newBuilder(votes)
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(
                                HttpRequest.BodyPublishers.ofString(
                                    "{\"id\": \""
                                        + UUID.randomUUID()
                                        + "\", \"assignment\": \""
                                        + a
                                        + "\", \"verdicts\": {\"overall\": \"tie\"}}"))
                            .build(),
                        HttpResponse.BodyHandlers.ofString()))
            .toList();
    List<Integer> statuses = sent.stream().map(f -> f.join().statusCode()).toList();

    // The default limit: 20 a minute.
    assertThat(statuses).filteredOn(s -> s == 201).hasSize(20);
    assertThat(statuses).filteredOn(s -> s == 429).hasSize(5);
    assertThat(
            ((Number)
                    em.createNativeQuery("SELECT count(*) FROM rating_vote WHERE rater = ?1")
                        .setParameter(1, rater)
                        .getSingleResult())
                .longValue())
        .isEqualTo(20);
  }

  /**
   * {@code count} open assignments of the rater, handed out long enough ago and reported as played:
   * ready to be voted on once their audio is downloaded.
   */
  private List<String> listenedAssignments(String rater, String campaign, int count) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "INSERT INTO rating_assignment (id, campaign_id, pair_id, rater, sequence,"
                            + " response_a_id, response_b_id, issued_at, played_a_at, played_b_at)"
                            + " SELECT gen_random_uuid(), p.campaign_id, p.id, ?1,"
                            + " CAST(row_number() OVER (ORDER BY p.id) AS int), p.response_x_id,"
                            + " p.response_y_id, now() - interval '10 minutes', now(), now()"
                            + " FROM campaign_pair p WHERE p.campaign_id = ?2 AND NOT p.gold"
                            + " ORDER BY p.id LIMIT ?3")
                    .setParameter(1, rater)
                    .setParameter(2, UUID.fromString(campaign))
                    .setParameter(3, count)
                    .executeUpdate());
    @SuppressWarnings("unchecked")
    List<UUID> ids =
        em.createNativeQuery("SELECT id FROM rating_assignment WHERE rater = ?1")
            .setParameter(1, rater)
            .getResultList();
    return ids.stream().map(UUID::toString).toList();
  }
}

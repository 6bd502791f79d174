package dev.earshot.rating.rest;

import static org.hamcrest.Matchers.containsString;

import dev.earshot.testing.Accounts;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's switch set outside the {@code bench} profile changes nothing: plays and votes
 * still wait for the audio's duration.
 */
@QuarkusTest
@TestProfile(ListeningWaitProfileTest.SkipRequested.class)
class ListeningWaitProfileTest {

  /** The test profile with the benchmark's switch set. */
  public static class SkipRequested implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("earshot.rating.bench-skip-listening-wait", "true");
    }
  }

  @Test
  void shouldStillRefusePlaysAndVotesBeforeTheAudioCouldBeHeard() {
    String rater = Accounts.newUser("hasty", "annotator");
    String token = Accounts.tokenOf(rater);
    String campaign = Campaigns.create(List.of(rater), List.of("overall"), 1);
    String assignment =
        Accounts.as(token)
            .get("/api/campaigns/" + campaign + "/next")
            .then()
            .statusCode(200)
            .extract()
            .path("assignment");
    Campaigns.download(token, assignment, "a");
    Campaigns.download(token, assignment, "b");
    Accounts.as(token)
        .post("/api/assignments/" + assignment + "/played/a")
        .then()
        .statusCode(422)
        .body("title", containsString("Not played to the end"));
    Campaigns.vote(token, UUID.randomUUID(), assignment, Map.of("overall", "tie"))
        .then()
        .statusCode(422)
        .body("title", containsString("Listen first"));
  }
}

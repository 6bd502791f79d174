package dev.earshot.security.rest;

import static io.restassured.RestAssured.given;

import dev.earshot.testing.Accounts;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With {@code earshot.security.public-leaderboard} on, leaderboards are open and nothing else. */
@QuarkusTest
@TestProfile(PublicLeaderboardTest.PublicLeaderboardProfile.class)
class PublicLeaderboardTest {

  /** The service with public leaderboards. */
  public static class PublicLeaderboardProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("earshot.security.public-leaderboard", "true");
    }
  }

  @Test
  void shouldLetAnyoneReadTheLeaderboards() {
    Accounts.anonymous()
        .queryParam("source", "humans")
        .queryParam("dimension", "prosody")
        .get("/api/leaderboard")
        .then()
        .statusCode(200);
    Accounts.anonymous()
        .queryParam("dimension", "prosody")
        .get("/api/agreement")
        .then()
        .statusCode(200);
  }

  @Test
  void shouldCapTheBootstrapForAnonymousReaders() {
    Accounts.anonymous()
        .queryParam("source", "humans")
        .queryParam("dimension", "prosody")
        .queryParam("bootstrap", 1001)
        .get("/api/leaderboard")
        .then()
        .statusCode(400)
        .body("detail", org.hamcrest.Matchers.containsString("between 0 and 1000"));
    given()
        .queryParam("source", "humans")
        .queryParam("dimension", "prosody")
        .queryParam("bootstrap", 1001)
        .get("/api/leaderboard")
        .then()
        .statusCode(200);
  }

  @Test
  void shouldStillRefuseAnonymousCallsElsewhere() {
    Accounts.anonymous()
        .get("/api/datasets")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
    Accounts.anonymous()
        .contentType("text/csv")
        .body("a,b,outcome\nx,y,a\n")
        .post("/api/arenas/public/battles")
        .then()
        .statusCode(401);
  }
}

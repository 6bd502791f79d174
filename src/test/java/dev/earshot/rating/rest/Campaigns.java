package dev.earshot.rating.rest;

import static io.restassured.RestAssured.given;

import dev.earshot.testing.Accounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Campaigns on the demo data for tests, the passing of listening time, and voting. */
public final class Campaigns {

  public static final List<String> DEMO_SYSTEMS =
      List.of("reference", "monotone", "wrongfacts", "noisy");

  private Campaigns() {}

  /** A demo campaign over all four systems; returns its id. */
  public static String create(List<String> raters, List<String> dimensions, int overlap) {
    return create(
        Map.of(
            "name", "test campaign",
            "dataset", "demo",
            "systems", DEMO_SYSTEMS,
            "dimensions", dimensions,
            "raters", raters,
            "overlap", overlap,
            "instructions", "Listen to both. **Prosody** first."));
  }

  public static String create(Map<String, ?> spec) {
    return given()
        .contentType(ContentType.JSON)
        .body(spec)
        .post("/api/campaigns")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /**
   * The rater's next assignment, with both responses downloaded, listening time passed and both
   * reported as played to the end; returns its id.
   */
  public static String listenToNext(EntityManager em, String token, String campaign) {
    String assignment =
        Accounts.as(token)
            .get("/api/campaigns/" + campaign + "/next")
            .then()
            .statusCode(200)
            .extract()
            .path("assignment");
    download(token, assignment, "a");
    download(token, assignment, "b");
    letTimePass(em, assignment, 60);
    Accounts.as(token).post("/api/assignments/" + assignment + "/played/a").then().statusCode(200);
    Accounts.as(token).post("/api/assignments/" + assignment + "/played/b").then().statusCode(200);
    return assignment;
  }

  /**
   * Downloads a side of the assignment completely, as a player does: the server then counts it as
   * sent, which votes need. Returns the bytes.
   */
  public static byte[] download(String token, String assignment, String side) {
    return Accounts.as(token)
        .get("/api/assignments/" + assignment + "/audio/" + side)
        .then()
        .statusCode(200)
        .extract()
        .asByteArray();
  }

  /** Submits a vote as the rater with the token. */
  public static Response vote(
      String token, UUID id, String assignment, Map<String, String> verdicts) {
    return Accounts.as(token)
        .contentType(ContentType.JSON)
        .body(Map.of("id", id.toString(), "assignment", assignment, "verdicts", verdicts))
        .post("/api/votes");
  }

  /**
   * Moves the assignment's hand-out time back, as if the rater had been listening that long: the
   * server compares play reports and votes with the audio's duration.
   */
  public static void letTimePass(EntityManager em, String assignment, int seconds) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "UPDATE rating_assignment SET issued_at = issued_at - make_interval(secs => ?1)"
                            + " WHERE id = ?2")
                    .setParameter(1, seconds)
                    .setParameter(2, UUID.fromString(assignment))
                    .executeUpdate());
  }

  /**
   * The annotator takes their next assignment, listens, and votes for the response of {@code
   * system} on {@code dimension} (the campaign's only one); returns the assignment's id.
   */
  public static String voteFor(
      EntityManager em, String token, String campaign, String dimension, String system) {
    String assignment = listenToNext(em, token, campaign);
    String heardAsA =
        (String)
            em.createNativeQuery(
                    "SELECT s.name FROM rating_assignment a JOIN response r ON r.id = a.response_a_id"
                        + " JOIN system_under_test s ON s.id = r.system_id WHERE a.id = ?1")
                .setParameter(1, UUID.fromString(assignment))
                .getSingleResult();
    vote(
            token,
            UUID.randomUUID(),
            assignment,
            Map.of(dimension, system.equals(heardAsA) ? "a_better" : "b_better"))
        .then()
        .statusCode(201);
    return assignment;
  }
}
